using System.Globalization;
using Concord.Core.Sufficiency;
using Concord.Web.Infrastructure.Charts;

namespace Concord.Web.Sufficiency;

/// <summary>Charts and labels for sufficiency pages.</summary>
public static class SufficiencyCharts
{
    /// <summary>A school year as councils write it: 2026 is "2026/27".</summary>
    public static string SchoolYear(int year) => $"{year}/{(year + 1) % 100:00}";

    /// <summary>A chart's label for a school year: the year it starts, so that ten or twenty fit along the axis.</summary>
    public static string Label(int year) => year.ToString(CultureInfo.InvariantCulture);

    public static string Whole(decimal value) => WholeNumbers.Whole(value).ToString("N0", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Specialist places needed against local places, year by year.</summary>
    public static TrendChart Places(ForecastView view)
    {
        var years = view.Forecast!.Years;
        var periods = years.Select(y => Label(y.Year)).ToList();
        var needed = new TrendSeries("Specialist places needed", years.Select(y => new TrendValue(Label(y.Year), Math.Round(y.SpecialistPlaces), $"{SchoolYear(y.Year)}: {Whole(y.SpecialistPlaces)} specialist places needed")).ToList());
        var local = new TrendSeries("Local places", view.Capacity.Select(c => new TrendValue(Label(c.Year), c.LocalPlaces, $"{SchoolYear(c.Year)}: {c.LocalPlaces:N0} local places")).ToList());
        var first = years[0];
        var last = years[^1];
        var description = $"Specialist places needed in {view.Area.Name} rise from {Whole(first.SpecialistPlaces)} in {SchoolYear(first.Year)} to {Whole(last.SpecialistPlaces)} in {SchoolYear(last.Year)}; "
            + $"local places go from {view.CapacityIn(first.Year)?.LocalPlaces ?? 0:N0} to {view.CapacityIn(last.Year)?.LocalPlaces ?? 0:N0}. The table below gives every year.";
        return TrendChart.Build("Specialist places needed and local places", description, "School years by the year they start. Needed: the forecast below. Local places: commissioned places in the register on 1 September, with planned changes.",
            periods, [needed, local], [], v => v.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))) with
        { Id = "places-chart" };
    }
}
