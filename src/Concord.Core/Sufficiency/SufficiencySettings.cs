using Concord.Core.Access;

namespace Concord.Core.Sufficiency;

/// <summary>
/// A council's sufficiency assumptions: the default annual cost of a place by kind of provision,
/// the mix of primary needs and ages among its children with EHC plans, the share of each need
/// that needs a specialist place, and how far and at what cost children may travel. The shipped
/// public data give each council's total of EHC plans but not its need mix or ages, so these
/// start from Concord's stated defaults (<see cref="Default"/>), labelled as assumptions wherever
/// they show, for each council to replace with its own SEN2 return and costs.
/// </summary>
public sealed class SufficiencySettings : Entity, ISharedWithPartners
{
    public Guid AuthorityId { get; private set; }

    /// <summary>Annual cost of a place by kind, where a provision has no cost of its own.</summary>
    public Dictionary<ProvisionKind, decimal> CostBands { get; private set; } = [];

    /// <summary>Percentage of EHC plans by primary need (adds up to 100).</summary>
    public Dictionary<NeedType, decimal> NeedMix { get; private set; } = [];

    /// <summary>Percentage of EHC plans by age band (adds up to 100).</summary>
    public Dictionary<AgeBand, decimal> AgeMix { get; private set; } = [];

    /// <summary>Percentage of children with each primary need whose plan names a specialist place.</summary>
    public Dictionary<NeedType, decimal> SpecialistShare { get; private set; } = [];

    /// <summary>The furthest a child is placed from home, straight line, in kilometres.</summary>
    public double MaxTravelKm { get; private set; }

    /// <summary>What a kilometre of a child's journey costs a year (home to school transport), in pounds: the weight on travel.</summary>
    public decimal TravelCostPerKm { get; private set; }

    private SufficiencySettings()
    {
    }

    /// <summary>Concord's defaults: illustrative assumptions, not published figures.</summary>
    public static SufficiencySettings Default(Guid authorityId) => new()
    {
        AuthorityId = authorityId,
        CostBands = new()
        {
            [ProvisionKind.SpecialSchool] = 24_000m,
            [ProvisionKind.ResourcedProvision] = 16_000m,
            [ProvisionKind.SenUnit] = 16_000m,
            [ProvisionKind.AlternativeProvision] = 20_000m,
            [ProvisionKind.IndependentSpecial] = 62_000m,
            [ProvisionKind.SpecialPost16] = 45_000m,
        },
        NeedMix = new()
        {
            [NeedType.Asd] = 31m,
            [NeedType.Slcn] = 17m,
            [NeedType.Semh] = 16m,
            [NeedType.Mld] = 9m,
            [NeedType.Sld] = 7m,
            [NeedType.Spld] = 4m,
            [NeedType.Pd] = 4m,
            [NeedType.Pmld] = 2m,
            [NeedType.Hi] = 2m,
            [NeedType.Vi] = 1m,
            [NeedType.Msi] = 1m,
            [NeedType.Other] = 6m,
        },
        AgeMix = new() { [AgeBand.EarlyYears] = 5m, [AgeBand.Primary] = 32m, [AgeBand.Secondary] = 35m, [AgeBand.Post16] = 21m, [AgeBand.Post19] = 7m },
        SpecialistShare = new()
        {
            [NeedType.Asd] = 50m,
            [NeedType.Semh] = 55m,
            [NeedType.Slcn] = 20m,
            [NeedType.Mld] = 35m,
            [NeedType.Sld] = 90m,
            [NeedType.Pmld] = 100m,
            [NeedType.Spld] = 10m,
            [NeedType.Hi] = 30m,
            [NeedType.Vi] = 30m,
            [NeedType.Msi] = 80m,
            [NeedType.Pd] = 40m,
            [NeedType.Other] = 30m,
        },
        MaxTravelKm = 25,
        TravelCostPerKm = 350m,
    };

    public decimal BandFor(ProvisionKind kind) => CostBands.TryGetValue(kind, out var cost) ? cost : 0m;

    public decimal ShareOf(NeedType need) => NeedMix.GetValueOrDefault(need);

    public decimal ShareOf(AgeBand band) => AgeMix.GetValueOrDefault(band);

    public decimal SpecialistShareOf(NeedType need) => SpecialistShare.GetValueOrDefault(need);

    /// <summary>Replaces the assumptions, or refuses them all, naming each problem.</summary>
    public void Change(
        IReadOnlyDictionary<ProvisionKind, decimal?> costBands,
        IReadOnlyDictionary<NeedType, decimal?> needMix,
        IReadOnlyDictionary<AgeBand, decimal?> ageMix,
        IReadOnlyDictionary<NeedType, decimal?> specialistShare,
        double? maxTravelKm,
        decimal? travelCostPerKm)
    {
        var checks = new Checks();
        foreach (var kind in ProvisionKinds.All)
        {
            checks.Require(costBands.GetValueOrDefault(kind) is >= 0 and <= 1_000_000, $"CostBands.{kind}", $"Enter the annual cost of a place in {kind.Display().ToLowerInvariant()}, from £0 to £1,000,000");
        }

        Percentages(checks, "NeedMix", needMix, Needs.All, n => n.Display(), mustAddUp: true);
        Percentages(checks, "AgeMix", ageMix, AgeBands.All, b => b.Display(), mustAddUp: true);
        Percentages(checks, "SpecialistShare", specialistShare, Needs.All, n => n.Display(), mustAddUp: false);
        checks.Require(maxTravelKm is > 0 and <= 500, "MaxTravelKm", "The furthest distance must be more than 0 and no more than 500 km");
        checks.Require(travelCostPerKm is >= 0 and <= 100_000, "TravelCostPerKm", "The cost of a kilometre of travel a year must be from £0 to £100,000");
        checks.ThrowIfAny();

        CostBands = ProvisionKinds.All.ToDictionary(k => k, k => Finance.Money.Pence(costBands[k]!.Value));
        NeedMix = Needs.All.ToDictionary(n => n, n => needMix[n]!.Value);
        AgeMix = AgeBands.All.ToDictionary(b => b, b => ageMix[b]!.Value);
        SpecialistShare = Needs.All.ToDictionary(n => n, n => specialistShare[n]!.Value);
        (MaxTravelKm, TravelCostPerKm) = (maxTravelKm!.Value, Finance.Money.Pence(travelCostPerKm!.Value));
    }

    private static void Percentages<T>(Checks checks, string field, IReadOnlyDictionary<T, decimal?> values, IReadOnlyList<T> keys, Func<T, string> name, bool mustAddUp)
        where T : struct, Enum
    {
        foreach (var key in keys)
        {
            checks.Require(values.GetValueOrDefault(key) is >= 0 and <= 100, $"{field}.{key}", $"Enter a percentage from 0 to 100 for {name(key).ToLowerInvariant()}");
        }

        if (mustAddUp && keys.All(k => values.GetValueOrDefault(k) is not null))
        {
            var total = keys.Sum(k => values[k]!.Value);
            checks.Require(Math.Abs(total - 100) <= 0.05m, field, $"The percentages must add up to 100; they add up to {total:0.##}");
        }
    }
}
