using Concord.Core.Access;
using Concord.Core.PublicData;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.Evidence;
using Concord.Web.Finance;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Sufficiency;

/// <summary>The children of one council who need a specialist place, as a plan may see them: counts by need, age and home (<see cref="SharedAsCounts"/>).</summary>
public sealed record ChildrenCounts(Guid AuthorityId, IReadOnlyList<PlanDemand> Demand, bool Synthetic)
{
    public int Children => Demand.Sum(d => d.Count);
}

/// <summary>What a partnership's plans stand on: its councils, their registers and assumptions, and their children as counts.</summary>
public sealed record PlanningContext(
    PartnershipView View,
    IReadOnlyList<PlanCouncil> Councils,
    IReadOnlyList<Provision> Provisions,
    IReadOnlyDictionary<Guid, SufficiencySettings> Settings,
    IReadOnlyList<ChildrenCounts> Children,
    int BaseYear)
{
    public SufficiencySettings SettingsOf(Guid authorityId) => Settings.TryGetValue(authorityId, out var s) ? s : SufficiencySettings.Default(authorityId);
}

/// <summary>One scenario's year in a comparison: places needed and local places, and the plan for that year.</summary>
public sealed record ScenarioYear(int Year, decimal Demand, int LocalPlaces, int BoughtPlaces, int Children, int Placed, int Unplaced, int OutOfBorough, int Independent, decimal TotalCost)
{
    public decimal Gap => Demand - LocalPlaces;
}

/// <summary>A scenario (or the registers as they are) across the years compared.</summary>
public sealed record ScenarioOutlook(Guid? ScenarioId, string Name, PlanMode Mode, IReadOnlyList<string> Changes, IReadOnlyList<ScenarioYear> Years);

/// <summary>
/// Runs a partnership's placement plans. It reads each member council's children needing a
/// specialist place only as counts by primary need, age and home neighbourhood
/// (<see cref="SharedAsCounts"/>), never as records, and only for partnerships the reader's council
/// belongs to; provisions and assumptions come from the registers partners may read.
/// </summary>
public sealed class PlacementReader(ConcordDbContext db, EvidenceCache cache, ForecastReader forecasts, TimeProvider clock)
{
    public const int MaxScenariosCompared = 4;

    public int CurrentSchoolYear => forecasts.CurrentSchoolYear;

    public async Task<PartnershipView?> PartnershipAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await db.Partnerships.SingleOrDefaultAsync(p => p.Id == partnershipId, cancellationToken) is { } partnership ? new PartnershipView(partnership) : null;

    public async Task<IReadOnlyList<Scenario>> ScenariosAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await db.Scenarios.Where(s => s.PartnershipId == partnershipId).OrderBy(s => s.Name).ToListAsync(cancellationToken);

    public async Task<PlanningContext> ContextAsync(PartnershipView view, CancellationToken cancellationToken)
    {
        var members = view.Members.ToList();
        var councils = view.Partnership.Members.OrderBy(m => m.Authority!.Name, StringComparer.Ordinal)
            .Select(m => new PlanCouncil(m.AuthorityId, m.Authority!.Name, m.Authority.OnsCode)).ToList();
        var provisions = await db.Provisions.AsNoTracking().Where(p => members.Contains(p.AuthorityId)).ToListAsync(cancellationToken);
        var settings = await db.SufficiencySettings.AsNoTracking().Where(s => members.Contains(s.AuthorityId)).ToDictionaryAsync(s => s.AuthorityId, cancellationToken);

        // The rule in Core (SharedAsCounts): partners' children are read past the query filter only
        // as counts, only for the members of a partnership the reader's council belongs to (the
        // partnership itself was found through its own filter).
        var year = CurrentSchoolYear;
        var rows = await db.EhcpRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => members.Contains(r.AuthorityId) && r.NeedsSpecialistPlace)
            .Select(r => new { r.AuthorityId, r.PrimaryNeed, r.DateOfBirth, r.HomeLatitude, r.HomeLongitude, r.HomeLsoa, r.Synthetic })
            .ToListAsync(cancellationToken);
        var children = members.Select(member =>
        {
            var own = rows.Where(r => r.AuthorityId == member).ToList();
            var demand = own
                .Select(r => (r.PrimaryNeed, Age: AgeBands.AcademicAge(r.DateOfBirth, year), r.HomeLatitude, r.HomeLongitude, r.HomeLsoa))
                .Where(r => r.Age is >= AgeBands.YoungestAge and <= AgeBands.OldestAge)
                .GroupBy(r => r)
                .Select(g => new PlanDemand(member, g.Key.PrimaryNeed, g.Key.Age, new GeoPoint(g.Key.HomeLatitude, g.Key.HomeLongitude), g.Count(), g.Key.HomeLsoa))
                .OrderBy(d => d.HomeLsoa, StringComparer.Ordinal).ThenBy(d => d.Need).ThenBy(d => d.Age)
                .ToList();
            return new ChildrenCounts(member, demand, own.Any(r => r.Synthetic));
        }).ToList();
        return new PlanningContext(view, councils, provisions, settings, children, year);
    }

    /// <summary>The options a plan uses unless told otherwise: the acting council's travel limit and cost of travel.</summary>
    public PlanOptions DefaultOptions(PlanningContext context, PlanMode mode)
    {
        var own = context.SettingsOf(db.User.ActiveAuthorityId ?? Guid.Empty);
        return new PlanOptions(mode, own.MaxTravelKm, own.TravelCostPerKm);
    }

    /// <summary>
    /// The children needing a place in a school year: as they are in the current year; in a later
    /// year, each council's children of each age band and need scaled to that year's forecast
    /// (its specialist places then over now, with the scenario's growth), shared across their homes
    /// by largest remainder. Children of an age band and need with none now are not invented.
    /// </summary>
    public async Task<IReadOnlyList<PlanDemand>> DemandAsync(PlanningContext context, Scenario? scenario, int year, CancellationToken cancellationToken) =>
        Demand(context, year <= context.BaseYear ? [] : await ForecastsAsync(context, scenario, year - context.BaseYear + 1, cancellationToken), year);

    /// <summary>Each council's forecast for the years from the base year, with the scenario's growth; null where the data has no history.</summary>
    private async Task<Dictionary<Guid, SufficiencyForecast?>> ForecastsAsync(PlanningContext context, Scenario? scenario, int years, CancellationToken cancellationToken)
    {
        var data = await cache.GetAsync(cancellationToken);
        return context.Councils.ToDictionary(c => c.AuthorityId, c => data.Areas.GetValueOrDefault(c.AreaCode) is { } area
            ? ForecastReader.Forecast(data, area, c.AuthorityId, context.SettingsOf(c.AuthorityId), false, [], years, scenario?.GrowthFor(c.AuthorityId), null, context.BaseYear).Forecast
            : null);
    }

    /// <summary>The children needing a place in a school year (see <see cref="DemandAsync"/>), from forecasts reaching that year.</summary>
    private static List<PlanDemand> Demand(PlanningContext context, Dictionary<Guid, SufficiencyForecast?> forecasts, int year)
    {
        if (year <= context.BaseYear)
        {
            return context.Children.SelectMany(c => c.Demand).ToList();
        }

        var demand = new List<PlanDemand>();
        foreach (var council in context.Councils)
        {
            var counts = context.Children.Single(c => c.AuthorityId == council.AuthorityId);
            var forecast = forecasts[council.AuthorityId];
            foreach (var cell in counts.Demand.GroupBy(d => (Band: AgeBands.Of(d.Age), d.Need)))
            {
                var now = forecast?.For(context.BaseYear)?.SpecialistByBandAndNeed[cell.Key.Band][cell.Key.Need];
                var then = forecast?.For(year)?.SpecialistByBandAndNeed[cell.Key.Band][cell.Key.Need];
                var groups = cell.ToList();
                var current = groups.Sum(g => g.Count);
                var target = now is > 0 && then is { } t ? WholeNumbers.Whole(current * t / now.Value) : current;
                var split = WholeNumbers.Split(target, groups.Select(g => (decimal)g.Count).ToList());
                demand.AddRange(groups.Select((g, i) => g with { Count = split[i] }).Where(g => g.Count > 0));
            }
        }

        return demand;
    }

    public IReadOnlyList<PlanPlace> Places(PlanningContext context, Scenario? scenario, int year) =>
        scenario is null
            ? Scenario.Current(context.Provisions, context.Settings, new DateOnly(year, 9, 1))
            : scenario.Apply(context.Provisions, context.Settings, new DateOnly(year, 9, 1));

    /// <summary>Runs a plan for a school year each council alone and sharing, and keeps it.</summary>
    public async Task<(PlacementPlan Plan, PlacementComparison Comparison)> RunAsync(PlanningContext context, Scenario? scenario, PlanMode mode, int year, PlanOptions options, CancellationToken cancellationToken)
    {
        var demand = await DemandAsync(context, scenario, year, cancellationToken);
        var comparison = PlacementPlanner.Compare(context.Councils, demand, Places(context, scenario, year), options);
        var children = context.Children.Select(c => new PlacementChildren(c.AuthorityId, demand.Where(d => d.AuthorityId == c.AuthorityId).Sum(d => d.Count), c.Synthetic,
            year > context.BaseYear ? c.Children : null)).ToList();
        var plan = PlacementPlan.Record(context.View.Id, scenario, mode, year, options, children, comparison, clock.GetUtcNow(), db.User.DisplayName);
        db.PlacementPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return (plan, comparison);
    }

    public async Task<PlacementPlan?> PlanAsync(Guid id, CancellationToken cancellationToken) =>
        await db.PlacementPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<IReadOnlyList<PlacementPlan>> PlansAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        (await db.PlacementPlans.AsNoTracking().Where(p => p.PartnershipId == partnershipId).ToListAsync(cancellationToken)).OrderByDescending(p => p.RunAt).ToList();

    /// <summary>
    /// Scenarios side by side, year by year: the partnership's specialist places needed (each
    /// council's forecast, with the scenario's growth), its local places and the gap, and the plan
    /// in the scenario's mode: children placed, unplaced, out of borough, in bought places, and cost.
    /// </summary>
    public async Task<IReadOnlyList<ScenarioOutlook>> CompareAsync(PlanningContext context, IReadOnlyList<Scenario?> scenarios, int years, CancellationToken cancellationToken)
    {
        var range = Enumerable.Range(context.BaseYear, Math.Clamp(years, 1, ForecastReader.MaxYears)).ToList();
        var outlooks = new List<ScenarioOutlook>();
        foreach (var scenario in scenarios)
        {
            var mode = scenario?.Mode ?? PlanMode.Sharing;
            var options = DefaultOptions(context, mode);
            var forecasts = await ForecastsAsync(context, scenario, range.Count, cancellationToken);
            var rows = new List<ScenarioYear>();
            foreach (var year in range)
            {
                var places = Places(context, scenario, year);
                var demand = Demand(context, forecasts, year);
                var plan = PlacementPlanner.Plan(context.Councils, demand, places, options);
                var local = places.Where(p => !p.Kind.IsBought()).Sum(p => p.Places);
                var bought = places.Where(p => p.Kind.IsBought()).Sum(p => p.Places);
                var needed = forecasts.Values.Sum(f => f?.For(year)?.SpecialistPlaces ?? 0m);
                rows.Add(new ScenarioYear(year, needed, local, bought, plan.Combined.Children, plan.Combined.Placed, plan.Combined.Unplaced,
                    plan.Combined.OutOfBorough, plan.Combined.Independent, plan.Combined.TotalCost));
            }

            var names = context.Provisions.ToDictionary(p => p.Id, p => p.Name);
            outlooks.Add(new ScenarioOutlook(scenario?.Id, scenario?.Name ?? PlacementPlan.NoScenario, mode,
                scenario?.Changes.Select(c => Scenario.Describe(c, id => names.GetValueOrDefault(id, "a provision"), id => id is null ? "every council" : context.View.NameOf(id))).ToList() ?? [],
                rows));
        }

        return outlooks;
    }
}
