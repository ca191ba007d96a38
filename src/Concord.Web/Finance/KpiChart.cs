using Concord.Core.Finance;
using Concord.Web.Infrastructure;
using Concord.Web.Infrastructure.Charts;

namespace Concord.Web.Finance;

public static class KpiFormat
{
    /// <summary>A KPI's value with its unit: "78%", "2 reports", "12.5".</summary>
    public static string Value(Kpi kpi, decimal value) => ValueFormat.WithUnit(value, kpi.Unit);
}

/// <summary>A KPI's actuals as a trend chart: one line against the target, each point coloured by its rating.</summary>
public static class KpiChart
{
    public static TrendChart Build(Kpi kpi)
    {
        var actuals = kpi.InOrder;
        var values = actuals.Select(a => new TrendValue(a.Period, a.Value,
            $"{a.Period}: {KpiFormat.Value(kpi, a.Value)} ({kpi.Rate(a.Value).Display()})", Colour(kpi.Rate(a.Value)))).ToList();
        return TrendChart.Build($"Trend of {kpi.Measure}", Description(kpi),
            "The dashed line is the target. Each point is a period's value: green meets the target, amber is within a tenth of it, red is further off.",
            actuals.Select(a => a.Period).Distinct().ToList(),
            [new TrendSeries(kpi.Measure, values)],
            [new TrendReference($"Target {KpiFormat.Value(kpi, kpi.Target)}", kpi.Target)],
            v => KpiFormat.Value(kpi, v));
    }

    public static string Colour(KpiRag rag) => rag switch { KpiRag.Green => "#00703c", KpiRag.Amber => "#b58800", _ => "#d4351c" };

    /// <summary>The chart in words, for people who cannot see it.</summary>
    public static string Description(Kpi kpi)
    {
        var actuals = kpi.InOrder;
        if (actuals.Count == 0)
        {
            return "No actuals are recorded yet.";
        }

        var (first, last) = (actuals[0], actuals[^1]);
        var direction = kpi.Polarity == KpiPolarity.HigherIsBetter ? "higher is better" : "lower is better";
        return $"{actuals.Count} periods from {first.Period} to {last.Period}, against a target of {KpiFormat.Value(kpi, kpi.Target)} ({direction}). " +
            $"The latest, {last.Period}, was {KpiFormat.Value(kpi, last.Value)}, rated {kpi.Rate(last.Value).Display().ToLowerInvariant()}. The table below gives every value.";
    }
}
