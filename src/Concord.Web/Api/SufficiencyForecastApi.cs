using Concord.Core.Sufficiency;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concord.Web.Api;

public sealed record TrendDtoOfPlans(decimal GrowthPerYear, decimal FittedGrowthPerYear, decimal RSquared, IReadOnlyList<int> FittedYears, bool Overridden, int? StartsFrom);

public sealed record HistoryYearDto(int Year, int Plans, int Population0To25, decimal PerThousand);

public sealed record ForecastYearDto(
    int Year, int Population0To25, decimal PerThousand, decimal Plans, IReadOnlyDictionary<string, decimal> PlansByAgeBand, IReadOnlyDictionary<string, decimal> PlansByNeed,
    decimal SpecialistPlaces, IReadOnlyDictionary<string, decimal> SpecialistByAgeBand, IReadOnlyDictionary<string, decimal> SpecialistByNeed,
    int LocalPlaces, int BoughtPlaces, decimal Gap);

public sealed record NewPlansYearDto(int Year, int NewPlans);

public sealed record BacktestYearDto(int Year, int Actual, decimal Predicted, decimal Error, decimal? PercentageError);

public sealed record BacktestDto(string TrainedOn, string TestedOn, IReadOnlyList<BacktestYearDto> Years, decimal? MeanAbsolutePercentageError, decimal MeanAbsoluteError);

/// <summary>An authority's sufficiency forecast, as the page shows it; figures rounded to one decimal place.</summary>
public sealed record SufficiencyForecastDto(
    string Code, string Name, bool Available, string? Unavailable, string Source, string Assumptions, int? BasePopulationYear, int Provisions,
    TrendDtoOfPlans? Trend, IReadOnlyList<HistoryYearDto> History, IReadOnlyList<NewPlansYearDto> NewPlans, IReadOnlyList<ForecastYearDto> Years, IReadOnlyList<BacktestDto> Backtests)
{
    private static decimal R(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static SufficiencyForecastDto From(ForecastView view)
    {
        var forecast = view.Forecast;
        IReadOnlyDictionary<string, decimal> Bands(IReadOnlyDictionary<AgeBand, decimal> values) => values.OrderBy(v => v.Key).ToDictionary(v => v.Key.ToString(), v => R(v.Value));
        IReadOnlyDictionary<string, decimal> ByNeed(IReadOnlyDictionary<NeedType, decimal> values) => values.OrderBy(v => v.Key).ToDictionary(v => v.Key.Code(), v => R(v.Value));
        static BacktestDto Test(BacktestResult b) => new(
            $"{b.Trend.FittedYears[0]} to {b.Trend.FittedYears[^1]}", $"{b.Years[0].Year} to {b.Years[^1].Year}",
            b.Years.Select(y => new BacktestYearDto(y.Year, y.Actual, R(y.Predicted), R(y.Error), y.PercentageError is { } p ? R(p) : null)).ToList(),
            b.MeanAbsolutePercentageError is { } m ? R(m) : null, R(b.MeanAbsoluteError));
        return new SufficiencyForecastDto(
            view.Area.Code, view.Area.Name, forecast is not null, view.Unavailable, SufficiencyHistory.Source,
            view.DefaultAssumptions ? "Concord's default assumptions" : "the council's own assumptions", view.BasePopulation?.Year, view.Provisions,
            forecast is null ? null : new TrendDtoOfPlans(Math.Round(forecast.Trend.Slope, 3), Math.Round(forecast.Trend.FittedSlope, 3), Math.Round(forecast.Trend.RSquared, 3), forecast.Trend.FittedYears, forecast.Trend.Overridden, forecast.Trend.StartsFrom),
            view.History.Select(h => new HistoryYearDto(h.Year, h.Plans, h.Population0To25, R(h.PerThousand))).ToList(),
            view.NewPlans.Select(n => new NewPlansYearDto(n.Year, n.NewPlans)).ToList(),
            forecast?.Years.Select(y =>
            {
                var capacity = view.CapacityIn(y.Year);
                return new ForecastYearDto(y.Year, y.Population0To25, R(y.PrevalencePer1000), R(y.Plans), Bands(y.PlansByBand), ByNeed(y.PlansByNeed),
                    R(y.SpecialistPlaces), Bands(y.SpecialistByBand), ByNeed(y.SpecialistByNeed), capacity?.LocalPlaces ?? 0, capacity?.BoughtPlaces ?? 0, R(capacity?.Gap ?? y.SpecialistPlaces));
            }).ToList() ?? [],
            new[] { view.Backtest, view.RecentBacktest }.OfType<BacktestResult>().Select(Test).ToList());
    }
}

/// <summary>An authority's SEND sufficiency forecast: public data, its assumptions, and the places in registers the caller may see.</summary>
public static class SufficiencyForecastApi
{
    public static void MapSufficiencyForecastApi(this RouteGroupBuilder api) =>
        api.MapGet("/authorities/{onsCode}/sufficiency", GetForecast).WithTags("SEND sufficiency").WithName("GetSufficiencyForecast")
            .WithSummary("An authority's demand forecast for EHC plans and specialist places by age band and need (?years=10, up to 20; growth= EHC plans per 1,000 aged 0 to 25 a year, replacing the fitted trend; format=json|csv), with local places, the gap, and backtests on held-out years.");

    private static async Task<Results<Ok<SufficiencyForecastDto>, FileContentHttpResult, NotFound>> GetForecast(
        string onsCode, int? years, decimal? growth, string? format, ForecastReader reader, CancellationToken ct)
    {
        var chosen = TableExport.Format(format);
        if (growth is < -50 or > 50)
        {
            throw new Core.RuleViolationException([new Core.RuleViolation("growth", "Growth must be from -50 to 50 EHC plans per 1,000 aged 0 to 25 a year")]);
        }

        if (await reader.ForecastAsync(onsCode, years ?? ForecastReader.DefaultYears, growth, null, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var dto = SufficiencyForecastDto.From(view);
        return chosen == "json"
            ? TypedResults.Ok(dto)
            : TypedResults.File(chosen == "csv" ? TableExport.Csv(dto.Years, Columns) : TableExport.Xlsx(dto.Years, Columns, "Forecast"),
                chosen == "csv" ? TableExport.CsvType : TableExport.XlsxType, $"sufficiency-{view.Area.Code}.{chosen}");
    }

    public static readonly IReadOnlyList<ExportColumn<ForecastYearDto>> Columns =
    [
        new("School year starting", y => y.Year),
        new("People aged 0 to 25", y => y.Population0To25),
        new("EHC plans per 1,000 aged 0 to 25", y => y.PerThousand),
        new("EHC plans", y => y.Plans),
        new("Specialist places needed", y => y.SpecialistPlaces),
        .. AgeBands.All.Select(b => new ExportColumn<ForecastYearDto>($"Specialist places needed, {b.Display()}", y => y.SpecialistByAgeBand[b.ToString()])),
        new("Local places", y => y.LocalPlaces),
        new("Gap (needed less local places)", y => y.Gap),
        new("Bought places in the register", y => y.BoughtPlaces),
    ];
}
