using Concord.Core.Access;

namespace Concord.Core.Sufficiency;

/// <summary>What kind of setting a provision is.</summary>
public enum ProvisionKind
{
    /// <summary>A maintained, academy or free special school.</summary>
    SpecialSchool = 1,

    /// <summary>Resourced provision: places in a mainstream school with specialist staff.</summary>
    ResourcedProvision = 2,

    /// <summary>A special educational needs unit in a mainstream school.</summary>
    SenUnit = 3,

    /// <summary>Alternative provision, including pupil referral units.</summary>
    AlternativeProvision = 4,

    /// <summary>An independent or non-maintained special school, whose places are bought at its fee.</summary>
    IndependentSpecial = 5,

    /// <summary>A specialist post-16 institution, whose places are bought at its fee.</summary>
    SpecialPost16 = 6,
}

public static class ProvisionKinds
{
    public static readonly IReadOnlyList<ProvisionKind> All = Enum.GetValues<ProvisionKind>();

    public static string Display(this ProvisionKind kind) => kind switch
    {
        ProvisionKind.SpecialSchool => "Special school",
        ProvisionKind.ResourcedProvision => "Resourced provision",
        ProvisionKind.SenUnit => "SEN unit",
        ProvisionKind.AlternativeProvision => "Alternative provision or PRU",
        ProvisionKind.IndependentSpecial => "Independent or non-maintained special school",
        _ => "Specialist post-16 institution",
    };

    /// <summary>
    /// Whether the provision's places are bought one by one at its fee (independent and
    /// non-maintained schools, specialist post-16 institutions) rather than commissioned by the
    /// council that holds it in its register.
    /// </summary>
    public static bool IsBought(this ProvisionKind kind) => kind is ProvisionKind.IndependentSpecial or ProvisionKind.SpecialPost16;

    /// <summary>A kind from its name as the API and CSV files write it ("SpecialSchool", any case); null when it is not one.</summary>
    public static ProvisionKind? Parse(string? text) =>
        Enum.TryParse<ProvisionKind>(text?.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _) ? kind : null;
}

/// <summary>A change of places planned from a date: "+24 primary resourced places from September 2026".</summary>
public sealed record PlannedChange(DateOnly From, int Places, string? Note);

/// <summary>Everything about a provision that a council records.</summary>
public sealed record ProvisionDetails(
    int? Urn,
    string? Name,
    ProvisionKind? Kind,
    string? AreaCode,
    string? AreaName,
    double? Latitude,
    double? Longitude,
    int? AgeFrom,
    int? AgeTo,
    int? CommissionedPlaces,
    int? PhysicalPlaces,
    IReadOnlyCollection<NeedType> Needs,
    decimal? AnnualCostPerPlace,
    DateOnly? Opens,
    DateOnly? Closes,
    IReadOnlyCollection<PlannedChange> PlannedChanges,
    string? Notes);

/// <summary>
/// A setting in a council's provision register: a special school, resourced provision or SEN unit,
/// alternative provision, or an independent or non-maintained special school, in or outside the
/// council's area. The council sets its places, the needs it is designated for, the ages it takes,
/// its cost per place (or leaves the council's default band for its kind) and the changes planned.
/// Partners in a partnership read it, for joint sufficiency planning; only the council changes it.
/// </summary>
public sealed class Provision : Entity, ISharedWithPartners
{
    public const int MaxNameLength = 200;

    public Guid AuthorityId { get; private set; }

    /// <summary>The school's URN on Get Information about Schools, when it has one.</summary>
    public int? Urn { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public ProvisionKind Kind { get; private set; }

    /// <summary>ONS code of the local authority area it stands in (which may be outside the council's).</summary>
    public string AreaCode { get; private set; } = string.Empty;

    public string AreaName { get; private set; } = string.Empty;

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public int AgeFrom { get; private set; }

    public int AgeTo { get; private set; }

    /// <summary>Places the council commissions (or, for bought places, expects to buy).</summary>
    public int CommissionedPlaces { get; private set; }

    /// <summary>Places the buildings hold.</summary>
    public int PhysicalPlaces { get; private set; }

    public List<NeedType> Needs { get; private set; } = [];

    /// <summary>The annual cost of a place; null when the council's default band for the kind applies.</summary>
    public decimal? AnnualCostPerPlace { get; private set; }

    /// <summary>When a planned provision opens; null when it is open now.</summary>
    public DateOnly? Opens { get; private set; }

    /// <summary>When it closes, if that is planned.</summary>
    public DateOnly? Closes { get; private set; }

    public List<PlannedChange> PlannedChanges { get; private set; } = [];

    public string? Notes { get; private set; }

    private Provision()
    {
    }

    public GeoPoint Location => new(Latitude, Longitude);

    public static Provision Create(Guid authorityId, ProvisionDetails details)
    {
        var provision = new Provision { AuthorityId = authorityId };
        provision.Change(details);
        return provision;
    }

    /// <summary>Replaces the provision's details, or refuses them all, naming each problem.</summary>
    public void Change(ProvisionDetails details)
    {
        var checks = new Checks();
        checks.Require(details.Urn is null or (>= 100000 and <= 999999), "Urn", "A URN is 6 digits, like 106151");
        var name = checks.Text("Name", details.Name, "Enter the provision's name", MaxNameLength, "Name");
        var kind = checks.Choice("Kind", details.Kind, "Select the kind of provision");
        var areaCode = checks.Text("AreaCode", details.AreaCode, "Enter the ONS code of the area it stands in, like E08000007", 9, "Area code").ToUpperInvariant();
        checks.Require(areaCode.Length != 9 || areaCode[0] is 'E' or 'W' or 'S' or 'N', "AreaCode", "The area code must be an ONS code like E08000007");
        var areaName = checks.OptionalText("AreaName", details.AreaName, 100, "Area name") ?? areaCode;
        checks.Require(details.Latitude is { } lat && details.Longitude is { } lon && new GeoPoint(lat, lon).IsInBritain, "Latitude",
            "Give the provision's location as latitude and longitude in Great Britain, like 53.41 and -2.16");
        var ages = (details.AgeFrom, details.AgeTo);
        checks.Require(ages.AgeFrom is >= AgeBands.YoungestAge and <= AgeBands.OldestAge, "AgeFrom", $"The youngest age must be from {AgeBands.YoungestAge} to {AgeBands.OldestAge}");
        checks.Require(ages.AgeTo is >= AgeBands.YoungestAge and <= AgeBands.OldestAge, "AgeTo", $"The oldest age must be from {AgeBands.YoungestAge} to {AgeBands.OldestAge}");
        checks.Require(ages.AgeFrom is null || ages.AgeTo is null || ages.AgeFrom <= ages.AgeTo, "AgeTo",
            $"The age range is upside down: the oldest age ({ages.AgeTo}) is younger than the youngest ({ages.AgeFrom})");
        checks.Require(details.CommissionedPlaces is >= 1, "CommissionedPlaces", "A provision must have at least one commissioned place");
        checks.Require(details.PhysicalPlaces is >= 1, "PhysicalPlaces", "A provision must have at least one physical place");
        checks.Require(details.CommissionedPlaces is not { } c || details.PhysicalPlaces is not { } p || c <= p || kind.IsBought(), "CommissionedPlaces",
            "Commissioned places cannot be more than the physical places");
        checks.Require(details.CommissionedPlaces is null or <= 5000 && details.PhysicalPlaces is null or <= 5000, "PhysicalPlaces", "Places must be 5,000 or fewer");
        checks.Require(details.Needs.Count > 0, "Needs", "Select at least one type of need the provision is designated for");
        checks.Require(details.Needs.All(Enum.IsDefined), "Needs", $"Needs must be among {Sufficiency.Needs.Codes}");
        checks.Require(details.AnnualCostPerPlace is null or (>= 0 and <= 1_000_000), "AnnualCostPerPlace", "The annual cost of a place must be from £0 to £1,000,000, or left blank for the default band");
        checks.OptionalDate("Opens", details.Opens, "Opening date");
        checks.OptionalDate("Closes", details.Closes, "Closing date");
        checks.Require(details.Opens is null || details.Closes is null || details.Closes > details.Opens, "Closes", "It must close after it opens");
        foreach (var change in details.PlannedChanges)
        {
            checks.Require(change.From.Year is >= 2000 and <= 2100, "PlannedChanges", "A planned change's date must be between 2000 and 2100");
            checks.Require(change.Places != 0, "PlannedChanges", "A planned change must add or remove places");
            checks.Require(change.Note is null || change.Note.Length <= 200, "PlannedChanges", "A planned change's note must be 200 characters or fewer");
        }

        var notes = checks.OptionalText("Notes", details.Notes, 2000, "Notes");
        checks.ThrowIfAny();

        (Urn, Name, Kind, AreaCode, AreaName, Latitude, Longitude) = (details.Urn, name, kind, areaCode, areaName, details.Latitude!.Value, details.Longitude!.Value);
        (AgeFrom, AgeTo, CommissionedPlaces, PhysicalPlaces) = (details.AgeFrom!.Value, details.AgeTo!.Value, details.CommissionedPlaces!.Value, details.PhysicalPlaces!.Value);
        Needs = details.Needs.Distinct().Order().ToList();
        AnnualCostPerPlace = details.AnnualCostPerPlace is { } cost ? Finance.Money.Pence(cost) : null;
        (Opens, Closes, Notes) = (details.Opens, details.Closes, notes);
        PlannedChanges = details.PlannedChanges.OrderBy(c => c.From).ToList();
    }

    public ProvisionDetails Details => new(Urn, Name, Kind, AreaCode, AreaName, Latitude, Longitude, AgeFrom, AgeTo, CommissionedPlaces, PhysicalPlaces,
        Needs, AnnualCostPerPlace, Opens, Closes, PlannedChanges, Notes);

    public bool IsOpenOn(DateOnly date) => (Opens is null || Opens <= date) && (Closes is null || Closes > date);

    /// <summary>Commissioned places on a date: none before it opens or after it closes; otherwise with every change planned by then.</summary>
    public int PlacesOn(DateOnly date) =>
        IsOpenOn(date) ? Math.Max(0, CommissionedPlaces + PlannedChanges.Where(c => c.From <= date).Sum(c => c.Places)) : 0;

    public bool Serves(NeedType need, int age) => age >= AgeFrom && age <= AgeTo && Needs.Contains(need);

    /// <summary>The annual cost of a place: its own, or the council's default band for its kind.</summary>
    public decimal CostPerPlace(SufficiencySettings settings) => AnnualCostPerPlace ?? settings.BandFor(Kind);
}
