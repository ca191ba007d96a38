using Concord.Core.PublicData;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Sufficiency;

/// <summary>An authority's demand forecast with what it stands on: its history, backtests, and the places in the registers the reader may see.</summary>
/// <param name="Forecast">Null when the public data lack the authority's history of plans or its population (<see cref="Unavailable"/> says which).</param>
/// <param name="Settings">The council's own assumptions, or Concord's defaults (<see cref="DefaultAssumptions"/>).</param>
public sealed record ForecastView(
    PublicArea Area,
    Guid? AuthorityId,
    SufficiencyForecast? Forecast,
    string? Unavailable,
    IReadOnlyList<PrevalencePoint> History,
    IReadOnlyList<(int Year, int NewPlans)> NewPlans,
    PopulationEstimate? BasePopulation,
    BacktestResult? Backtest,
    BacktestResult? RecentBacktest,
    IReadOnlyList<CapacityYear> Capacity,
    int Provisions,
    SufficiencySettings Settings,
    bool DefaultAssumptions,
    decimal? Growth)
{
    public int? LatestPlans => History.Count == 0 ? null : History[^1].Plans;

    public CapacityYear? CapacityIn(int year) => Capacity.FirstOrDefault(c => c.Year == year);
}

/// <summary>
/// Forecasts an authority's EHC plans and specialist places for the years ahead from the imported
/// public data (<see cref="SufficiencyHistory"/>), its assumptions and the provisions in its register:
/// readable by everyone signed in; the places counted are those of registers the reader may see.
/// </summary>
public sealed class ForecastReader(EvidenceCache cache, ConcordDbContext db, TimeProvider clock)
{
    public const int DefaultYears = 10;

    public const int MaxYears = 20;

    /// <summary>The school year now: the one that started last September.</summary>
    public int CurrentSchoolYear
    {
        get
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
            return today.Month >= 9 ? today.Year : today.Year - 1;
        }
    }

    /// <summary>The forecast, or null when the authority is not an English local authority in the register of areas.</summary>
    /// <param name="scenario">A scenario whose places and growth apply; null for the registers as they are.</param>
    public async Task<ForecastView?> ForecastAsync(string onsCode, int years, decimal? growth, Scenario? scenario, CancellationToken cancellationToken)
    {
        var data = await cache.GetAsync(cancellationToken);
        if (data.Areas.GetValueOrDefault(onsCode.ToUpperInvariant()) is not { Level: AreaLevel.LocalAuthority } area)
        {
            return null;
        }

        var authority = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.OnsCode == area.Code, cancellationToken);
        var settings = authority is null ? null : await db.SufficiencySettings.AsNoTracking().FirstOrDefaultAsync(s => s.AuthorityId == authority.Id, cancellationToken);
        var assumptions = settings ?? SufficiencySettings.Default(authority?.Id ?? Guid.Empty);
        var provisions = authority is null ? [] : await db.Provisions.AsNoTracking().Where(p => p.AuthorityId == authority.Id).ToListAsync(cancellationToken);
        var chosenGrowth = growth ?? (authority is null ? null : scenario?.GrowthFor(authority.Id));
        return Forecast(data, area, authority?.Id, assumptions, settings is null, provisions, Math.Clamp(years, 1, MaxYears), chosenGrowth, scenario, CurrentSchoolYear);
    }

    /// <summary>The forecast from data in hand (also used for every council of a scenario comparison).</summary>
    public static ForecastView Forecast(EvidenceSnapshot data, PublicArea area, Guid? authorityId, SufficiencySettings settings, bool defaults,
        IReadOnlyList<Provision> provisions, int years, decimal? growth, Scenario? scenario, int firstYear)
    {
        var history = SufficiencyHistory.For(data, area.Code);
        var newPlans = SufficiencyHistory.NewPlans(data, area.Code);
        var population = SufficiencyHistory.BasePopulation(data, area.Code);
        var fitted = history.Count(p => p.Year is >= ForecastInput.DefaultFitFrom and <= ForecastInput.DefaultFitTo);
        var unavailable = population is null ? "ONS publishes no mid-year estimate by single year of age for this area in the imported data"
            : fitted < 2 ? "the imported data have fewer than two years of EHC plans for this area between 2015 and 2022 (LAIT in Concord covers the Greater Manchester authorities)"
            : null;
        if (unavailable is not null)
        {
            return new ForecastView(area, authorityId, null, unavailable, history, newPlans, population, null, null, [], provisions.Count, settings, defaults, growth);
        }

        var forecast = DemandForecast.Forecast(new ForecastInput(area.Code, population!.Year, population.ByAge, history,
            ForecastInput.DefaultFitFrom, ForecastInput.DefaultFitTo, firstYear, years, settings, growth, FromLatest: true));
        var bands = new Dictionary<Guid, SufficiencySettings> { [settings.AuthorityId] = settings };
        var capacity = SufficiencyCapacity.Compare(forecast, year =>
            scenario is null ? Scenario.Current(provisions, bands, new DateOnly(year, 9, 1)) : scenario.Apply(provisions, bands, new DateOnly(year, 9, 1)));
        BacktestResult? Backtest(int trainFrom, int trainTo, int testFrom, int testTo) =>
            history.Count(p => p.Year >= trainFrom && p.Year <= trainTo) >= 2 && history.Any(p => p.Year >= testFrom && p.Year <= testTo)
                ? DemandForecast.Backtest(history, trainFrom, trainTo, testFrom, testTo)
                : null;
        // Two backtests: the fit without its last year, tested on that year; and the whole fit, tested on the years since.
        var fittedYears = forecast.Trend.FittedYears;
        return new ForecastView(area, authorityId, forecast, null, history, newPlans, population,
            Backtest(fittedYears[0], fittedYears[^1] - 1, fittedYears[^1], fittedYears[^1]),
            Backtest(fittedYears[0], fittedYears[^1], fittedYears[^1] + 1, history[^1].Year),
            capacity, provisions.Count, settings, defaults, growth);
    }
}
