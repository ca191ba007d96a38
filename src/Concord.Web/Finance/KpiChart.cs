using System.Globalization;
using Concord.Core.Finance;

namespace Concord.Web.Finance;

public static class KpiFormat
{
    /// <summary>A KPI's value with its unit: "78%", "2 reports", "12.5".</summary>
    public static string Value(Kpi kpi, decimal value)
    {
        var number = value.ToString("#,##0.##", Core.Formats.UkCulture);
        return kpi.Unit switch
        {
            null or "" => number,
            "%" => number + "%",
            "£" => Money.Format(value),
            var unit => $"{number} {unit}",
        };
    }
}

/// <summary>A plotted actual: where it goes on the chart and how it was rated.</summary>
public sealed record ChartPoint(double X, double Y, KpiActual Actual, KpiRag Rag);

public sealed record ChartTick(double Y, string Label);

/// <summary>
/// A KPI's actuals laid out for an SVG line chart, in the chart's own units: a width of
/// <see cref="Width"/> and a height of <see cref="Height"/>, periods evenly spaced left to right,
/// values scaled between a little below the lowest and above the highest value or target.
/// </summary>
public sealed record KpiChart(Kpi Kpi, IReadOnlyList<ChartPoint> Points, double TargetY, IReadOnlyList<ChartTick> Ticks)
{
    public const double Width = 760, Height = 320, Left = 70, Right = 30, Top = 20, Bottom = 60, Inset = 70;

    public string Line => string.Join(' ', Points.Select(p => Invariant(p.X) + "," + Invariant(p.Y)));

    public static KpiChart Build(Kpi kpi)
    {
        var actuals = kpi.InOrder;
        var values = actuals.Select(a => a.Value).Append(kpi.Target).ToList();
        var (low, high) = (values.Min(), values.Max());
        var pad = high == low ? Math.Max(1, Math.Abs(high) * 0.1m) : (high - low) * 0.15m;
        (low, high) = (low - pad, high + pad);
        if (low < 0 && values.All(v => v >= 0))
        {
            low = 0;
        }

        double Y(decimal value) => Math.Round(Top + (double)((high - value) / (high - low)) * (Height - Top - Bottom), 1);
        var step = actuals.Count <= 1 ? 0 : (Width - Left - Right - 2 * Inset) / (actuals.Count - 1);
        var points = actuals.Select((a, i) => new ChartPoint(
            Math.Round(actuals.Count == 1 ? (Left + Width - Right) / 2 : Left + Inset + i * step, 1), Y(a.Value), a, kpi.Rate(a.Value))).ToList();
        var ticks = Enumerable.Range(0, 5).Select(i => low + (high - low) * i / 4)
            .Select(v => new ChartTick(Y(v), KpiFormat.Value(kpi, Math.Round(v, 1)))).ToList();
        return new KpiChart(kpi, points, Y(kpi.Target), ticks);
    }

    public static string Invariant(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The chart in words, for people who cannot see it.</summary>
    public string Description()
    {
        if (Points.Count == 0)
        {
            return "No actuals are recorded yet.";
        }

        var first = Points[0].Actual;
        var last = Points[^1].Actual;
        var direction = Kpi.Polarity == KpiPolarity.HigherIsBetter ? "higher is better" : "lower is better";
        return $"{Points.Count} periods from {first.Period} to {last.Period}, against a target of {KpiFormat.Value(Kpi, Kpi.Target)} ({direction}). " +
            $"The latest, {last.Period}, was {KpiFormat.Value(Kpi, last.Value)}, rated {Kpi.Rate(last.Value).Display().ToLowerInvariant()}. The table below gives every value.";
    }
}
