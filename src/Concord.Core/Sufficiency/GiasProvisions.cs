namespace Concord.Core.Sufficiency;

/// <summary>
/// How a setting on Get Information about Schools (GIAS) becomes a provision in a council's
/// register ("Add from GIAS"): its kind from its GIAS establishment type; its places from its
/// pupils on roll (at least one); its ages from Ofsted's record of it, or the kind's usual ages;
/// its designated needs a default for its kind, for the council to check; its cost the council's
/// default band. GIAS records neither designations nor commissioned places.
/// </summary>
public static class GiasProvisions
{
    /// <summary>How far from a council's centre an independent or non-maintained special school outside its area is offered.</summary>
    public const double OutOfAreaKm = 40;

    /// <summary>What a register entry made from GIAS says in its notes.</summary>
    public const string DesignationNote = "Designated needs are Concord's default for its kind, not a published designation: check them.";

    /// <summary>The kind of provision a GIAS establishment type is; null when it is not a specialist setting (a mainstream school, a college …).</summary>
    public static ProvisionKind? KindOf(string? establishmentType)
    {
        var type = establishmentType?.Trim() ?? string.Empty;
        return type switch
        {
            "Other independent special school" or "Non-maintained special school" => ProvisionKind.IndependentSpecial,
            "Special post 16 institution" => ProvisionKind.SpecialPost16,
            "Pupil referral unit" or "Free schools alternative provision" => ProvisionKind.AlternativeProvision,
            _ when type.StartsWith("Academy alternative provision", StringComparison.Ordinal) => ProvisionKind.AlternativeProvision,
            _ when type.Contains("special school", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("Academy special", StringComparison.Ordinal)
                || type == "Free schools special" => ProvisionKind.SpecialSchool,
            _ => null,
        };
    }

    /// <summary>The ages a kind usually takes, where Ofsted's record gives none: special schools 4 to 19, AP and PRUs 11 to 16, post-16 16 to 25.</summary>
    public static (int From, int To) UsualAges(ProvisionKind kind) => kind switch
    {
        ProvisionKind.AlternativeProvision => (11, 16),
        ProvisionKind.SpecialPost16 => (16, 25),
        ProvisionKind.ResourcedProvision or ProvisionKind.SenUnit => (4, 16),
        _ => (4, 19),
    };

    /// <summary>The ages Ofsted records (clamped to 0 to 25), or the kind's usual ages when it records none or they are upside down.</summary>
    public static (int From, int To) Ages(int? ofstedFrom, int? ofstedTo, ProvisionKind kind)
    {
        if (ofstedFrom is { } from && ofstedTo is { } to)
        {
            var (f, t) = (Math.Clamp(from, AgeBands.YoungestAge, AgeBands.OldestAge), Math.Clamp(to, AgeBands.YoungestAge, AgeBands.OldestAge));
            if (f <= t)
            {
                return (f, t);
            }
        }

        return UsualAges(kind);
    }

    /// <summary>
    /// The needs a kind is designated for until the council says otherwise: special schools ASD,
    /// SEMH, MLD, SLD, PMLD and SLCN; AP and PRUs SEMH; independent and non-maintained special
    /// schools ASD and SEMH; specialist post-16 institutions ASD, SLD, PMLD and MLD.
    /// </summary>
    public static IReadOnlyList<NeedType> DefaultNeeds(ProvisionKind kind) => kind switch
    {
        ProvisionKind.SpecialSchool => [NeedType.Asd, NeedType.Semh, NeedType.Slcn, NeedType.Mld, NeedType.Sld, NeedType.Pmld],
        ProvisionKind.AlternativeProvision => [NeedType.Semh],
        ProvisionKind.IndependentSpecial => [NeedType.Asd, NeedType.Semh],
        ProvisionKind.SpecialPost16 => [NeedType.Asd, NeedType.Mld, NeedType.Sld, NeedType.Pmld],
        _ => [NeedType.Asd, NeedType.Slcn],
    };

    /// <summary>Places from pupils on roll: at least one, commissioned and physical alike, for the council to correct.</summary>
    public static int Places(int? pupils) => Math.Max(1, pupils ?? 0);

    /// <summary>A register entry for the setting, as "Add from GIAS" makes it (its cost the council's default band).</summary>
    public static ProvisionDetails Details(
        int urn, string name, ProvisionKind kind, string establishmentType, string areaCode, string areaName, GeoPoint location, int? pupils, int? ofstedAgeFrom, int? ofstedAgeTo)
    {
        var (from, to) = Ages(ofstedAgeFrom, ofstedAgeTo, kind);
        var places = Places(pupils);
        var roll = pupils is { } p ? $"{p} pupils on roll" : "no pupils on roll given, so 1 place";
        var ages = ofstedAgeFrom is not null && ofstedAgeTo is not null ? "ages as Ofsted records them" : "the usual ages for its kind";
        return new ProvisionDetails(
            urn, name, kind, areaCode, areaName, location.Latitude, location.Longitude, from, to, places, places, DefaultNeeds(kind), null, null, null, [],
            $"Added from Get Information about Schools ({establishmentType}): places from {roll}, {ages}. {DesignationNote}");
    }
}
