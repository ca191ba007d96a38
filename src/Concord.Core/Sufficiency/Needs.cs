namespace Concord.Core.Sufficiency;

/// <summary>The primary types of special educational need, as the SEN2 return and the school census record them.</summary>
public enum NeedType
{
    Asd = 1,
    Semh = 2,
    Slcn = 3,
    Mld = 4,
    Sld = 5,
    Pmld = 6,
    Spld = 7,
    Hi = 8,
    Vi = 9,
    Msi = 10,
    Pd = 11,
    Other = 12,
}

/// <summary>Need codes as councils write them (ASD, SEMH …) and their names in words.</summary>
public static class Needs
{
    public static readonly IReadOnlyList<NeedType> All = Enum.GetValues<NeedType>();

    public static string Code(this NeedType need) => need switch
    {
        NeedType.Asd => "ASD",
        NeedType.Semh => "SEMH",
        NeedType.Slcn => "SLCN",
        NeedType.Mld => "MLD",
        NeedType.Sld => "SLD",
        NeedType.Pmld => "PMLD",
        NeedType.Spld => "SpLD",
        NeedType.Hi => "HI",
        NeedType.Vi => "VI",
        NeedType.Msi => "MSI",
        NeedType.Pd => "PD",
        _ => "OTH",
    };

    public static string Display(this NeedType need) => need switch
    {
        NeedType.Asd => "Autistic spectrum disorder",
        NeedType.Semh => "Social, emotional and mental health",
        NeedType.Slcn => "Speech, language and communication needs",
        NeedType.Mld => "Moderate learning difficulty",
        NeedType.Sld => "Severe learning difficulty",
        NeedType.Pmld => "Profound and multiple learning difficulty",
        NeedType.Spld => "Specific learning difficulty",
        NeedType.Hi => "Hearing impairment",
        NeedType.Vi => "Visual impairment",
        NeedType.Msi => "Multi-sensory impairment",
        NeedType.Pd => "Physical disability",
        _ => "Other difficulty or disability",
    };

    /// <summary>A need from its code, any case ("asd", "SpLD", "OTH" or "Other"); null when it is not one.</summary>
    public static NeedType? Parse(string? code)
    {
        var text = code?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (string.Equals(text, "Other", StringComparison.OrdinalIgnoreCase))
        {
            return NeedType.Other;
        }

        return All.Cast<NeedType?>().FirstOrDefault(n => string.Equals(n!.Value.Code(), text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The codes, for error messages: "ASD, SEMH, … or OTH".</summary>
    public static string Codes { get; } = string.Join(", ", All.Take(All.Count - 1).Select(n => n.Code())) + " or " + All[^1].Code();
}

/// <summary>Age bands for demand and places: early years, primary, secondary, post-16 and post-19 (to 25).</summary>
public enum AgeBand
{
    EarlyYears = 1,
    Primary = 2,
    Secondary = 3,
    Post16 = 4,
    Post19 = 5,
}

public static class AgeBands
{
    public const int YoungestAge = 0;

    public const int OldestAge = 25;

    public static readonly IReadOnlyList<AgeBand> All = Enum.GetValues<AgeBand>();

    public static AgeBand Of(int age) => age switch
    {
        <= 4 => AgeBand.EarlyYears,
        <= 10 => AgeBand.Primary,
        <= 15 => AgeBand.Secondary,
        <= 19 => AgeBand.Post16,
        _ => AgeBand.Post19,
    };

    public static (int From, int To) Ages(this AgeBand band) => band switch
    {
        AgeBand.EarlyYears => (0, 4),
        AgeBand.Primary => (5, 10),
        AgeBand.Secondary => (11, 15),
        AgeBand.Post16 => (16, 19),
        _ => (20, 25),
    };

    public static string Display(this AgeBand band) => band switch
    {
        AgeBand.EarlyYears => "Early years (0 to 4)",
        AgeBand.Primary => "Primary (5 to 10)",
        AgeBand.Secondary => "Secondary (11 to 15)",
        AgeBand.Post16 => "Post-16 (16 to 19)",
        _ => "Post-19 (20 to 25)",
    };

    /// <summary>
    /// A child's age for a school year: their age on 31 August before it starts, as schools group
    /// pupils (the year starting in September 2026 takes ages on 31 August 2026).
    /// </summary>
    public static int AcademicAge(DateOnly dateOfBirth, int yearStarting)
    {
        var cutOff = new DateOnly(yearStarting, 8, 31);
        var age = cutOff.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > cutOff ? age - 1 : age;
    }
}
