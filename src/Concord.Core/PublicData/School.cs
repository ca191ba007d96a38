using Concord.Core.Access;

namespace Concord.Core.PublicData;

/// <summary>
/// An open establishment on Get Information about Schools (the GIAS extract Concord ships), with
/// its responsible body (trust, diocese or local authority) from DfE's school capital allocations.
/// Keyed by URN, which later school partnerships and Team Around the School records refer to.
/// </summary>
public sealed class School : Entity, IPublicData
{
    public int Urn { get; init; }

    /// <summary>DfE number of its local authority (Stockport 356).</summary>
    public int LaNumber { get; init; }

    public string LaName { get; init; } = string.Empty;

    public int? EstablishmentNumber { get; init; }

    public string Name { get; init; } = string.Empty;

    /// <summary>For example "Academy converter", "Community school", "Foundation special school".</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>For example "Academies", "Local authority maintained schools", "Special schools", "Independent schools".</summary>
    public string TypeGroup { get; init; } = string.Empty;

    /// <summary>"Nursery", "Primary", "Secondary", "All-through", "16 plus", "Not applicable" …</summary>
    public string Phase { get; init; } = string.Empty;

    public int? Pupils { get; init; }

    /// <summary>Percentage of pupils eligible for free school meals.</summary>
    public decimal? PercentageFsm { get; init; }

    public string? LsoaCode { get; init; }

    public double? Longitude { get; init; }

    public double? Latitude { get; init; }

    public string? Town { get; init; }

    public string? Postcode { get; init; }

    public string? Website { get; init; }

    /// <summary>Trust, diocese or "356 LA Maintained", as at April 2025; null when not state-funded.</summary>
    public string? ResponsibleBody { get; init; }

    /// <summary>"LA Maintained", "MAT", "CIF" (smaller trust or single academy) or "VA Group".</summary>
    public string? ResponsibleBodyType { get; init; }

    /// <summary>State-funded: an academy, free school, maintained or special school (not independent, college or Welsh).</summary>
    public bool StateFunded => TypeGroup is "Academies" or "Free Schools" or "Local authority maintained schools" or "Special schools"
        && !Type.Contains("independent", StringComparison.OrdinalIgnoreCase) && !Type.Contains("non-maintained", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Ofsted's overall effectiveness grades for schools.</summary>
public enum OfstedGrade
{
    Outstanding = 1,
    Good = 2,
    RequiresImprovement = 3,
    Inadequate = 4,
}

/// <summary>
/// A school's Ofsted judgements as shown on DfE's school performance service in February 2020
/// (a third-party scrape: judgements are as at then, and schools since converted carry new URNs).
/// </summary>
public sealed class SchoolInspection : Entity, IPublicData
{
    /// <summary>The date of the scrape's latest inspection, shown beside every judgement taken from it.</summary>
    public static readonly DateOnly AsAt = new(2020, 2, 26);

    public int Urn { get; init; }

    public string Name { get; init; } = string.Empty;

    public int LaNumber { get; init; }

    /// <summary>The latest overall effectiveness as published ("Requires Improvement", "Satisfactory" …); null when none shown.</summary>
    public string? Rating { get; init; }

    public DateOnly? InspectedOn { get; init; }

    public int? AgeFrom { get; init; }

    public int? AgeTo { get; init; }

    /// <summary>The predecessor or successor URN the spine gives.</summary>
    public int? OtherUrn { get; init; }

    /// <summary>Every judgement listed for the school, newest first.</summary>
    public List<Judgement> History { get; init; } = [];

    /// <summary>The latest rating as a grade; "Satisfactory" (before September 2012) counts as grade 3.</summary>
    public OfstedGrade? Grade => GradeOf(Rating);

    public static OfstedGrade? GradeOf(string? rating) => rating?.Trim().ToLowerInvariant() switch
    {
        "outstanding" => OfstedGrade.Outstanding,
        "good" => OfstedGrade.Good,
        "requires improvement" or "satisfactory" => OfstedGrade.RequiresImprovement,
        "inadequate" => OfstedGrade.Inadequate,
        _ => null,
    };

    public sealed record Judgement(string Rating, DateOnly InspectedOn);
}
