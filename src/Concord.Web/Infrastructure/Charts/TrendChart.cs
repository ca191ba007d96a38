using System.Globalization;

namespace Concord.Web.Infrastructure.Charts;

/// <summary>A value to plot: its period, the value, the point's title (read out on hover), and optionally its fill.</summary>
public sealed record TrendValue(string Period, decimal Value, string Title, string? Fill = null);

/// <summary>A line of values, named in the legend when a chart has more than one.</summary>
public sealed record TrendSeries(string Name, IReadOnlyList<TrendValue> Values);

/// <summary>A horizontal line such as a target: drawn black, or in the style of the series it belongs to (its index).</summary>
public sealed record TrendReference(string Label, decimal Value, int? Series = null);

/// <summary>How a series is drawn, so that series differ by dash and marker as well as by colour.</summary>
public sealed record SeriesStyle(string Stroke, string? Dash, string Marker, string Words);

public sealed record PlottedPoint(double X, double Y, TrendValue Value);

public sealed record PlottedSeries(string Name, IReadOnlyList<PlottedPoint> Points, SeriesStyle Style)
{
    public string Line => string.Join(' ', Points.Select(p => TrendChart.Invariant(p.X) + "," + TrendChart.Invariant(p.Y)));
}

public sealed record PlottedReference(double Y, double LabelY, string Label, string Stroke, string Dash);

public sealed record PeriodLabel(double X, string Text);

public sealed record ChartTick(double Y, string Label);

/// <summary>
/// Values by period laid out for an accessible SVG line chart (see _TrendChart.cshtml), always shown
/// with the table of its numbers: periods evenly spaced left to right, values scaled between a little
/// below the lowest and above the highest value or reference line, in the chart's own units (a width
/// of <see cref="Width"/>). A KPI's actuals against its target, or each council's values of an
/// indicator against its own target, are drawn with it.
/// </summary>
public sealed record TrendChart(
    string Title,
    string Description,
    string Caption,
    IReadOnlyList<PlottedSeries> Series,
    IReadOnlyList<PlottedReference> References,
    IReadOnlyList<PeriodLabel> Periods,
    IReadOnlyList<ChartTick> Ticks)
{
    public const double Width = 760, Height = 320, Left = 70, Right = 30, Top = 20, Bottom = 60, Inset = 70, LegendHeight = 34;

    /// <summary>Legend entries side by side before the legend wraps to another row.</summary>
    public const int LegendColumns = 3;

    /// <summary>Blue solid with circles; purple dashed with squares; turquoise dotted with diamonds; orange dash-dotted with circles; red long-dashed with triangles; black dotted with squares.</summary>
    public static readonly IReadOnlyList<SeriesStyle> Styles =
    [
        new("#1d70b8", null, "circle", "a blue solid line with circles"),
        new("#4c2c92", "10 5", "square", "a purple dashed line with squares"),
        new("#28a197", "3 4", "diamond", "a turquoise dotted line with diamonds"),
        new("#f47738", "12 4 3 4", "circle", "an orange dash-dotted line with circles"),
        new("#d4351c", "16 6", "triangle", "a red long-dashed line with triangles"),
        new("#0b0c0c", "2 3", "square", "a black dotted line with squares"),
    ];

    /// <summary>The figure's id on the page, which its title and description ids start with: unique when a page shows several charts.</summary>
    public string Id { get; init; } = "trend";

    public bool HasLegend => Series.Count > 1;

    /// <summary>The drawing's height: the plot, and the legend below it (in rows of <see cref="LegendColumns"/>) when there is more than one series.</summary>
    public double ViewHeight => Height + (HasLegend ? LegendHeight * ((Series.Count + LegendColumns - 1) / LegendColumns) : 0);

    /// <summary>Where a series' legend entry starts: left to right, then row by row.</summary>
    public static (double X, double Y) LegendAt(int index) =>
        (Left + (index % LegendColumns) * ((Width - Left) / LegendColumns), Height + 8 + (index / LegendColumns) * LegendHeight);

    public static TrendChart Build(
        string title,
        string description,
        string caption,
        IReadOnlyList<string> periods,
        IReadOnlyList<TrendSeries> series,
        IReadOnlyList<TrendReference> references,
        Func<decimal, string> format)
    {
        var values = series.SelectMany(s => s.Values.Select(v => v.Value)).Concat(references.Select(r => r.Value)).DefaultIfEmpty(0).ToList();
        var (low, high, tick) = Scale(values.Min(), values.Max(), values.All(v => v >= 0));

        double Y(decimal value) => Math.Round(Top + (double)((high - value) / (high - low)) * (Height - Top - Bottom), 1);
        var step = periods.Count <= 1 ? 0 : (Width - Left - Right - 2 * Inset) / (periods.Count - 1);
        var xs = periods.Select((p, i) => (p, X: Math.Round(periods.Count == 1 ? (Left + Width - Right) / 2 : Left + Inset + i * step, 1)))
            .ToDictionary(p => p.p, p => p.X, StringComparer.Ordinal);
        var plotted = series.Select((s, i) => new PlottedSeries(s.Name,
            s.Values.Where(v => xs.ContainsKey(v.Period)).Select(v => new PlottedPoint(xs[v.Period], Y(v.Value), v)).OrderBy(p => p.X).ToList(),
            Styles[i % Styles.Count])).ToList();
        var ticks = Enumerable.Range(0, (int)Math.Round((high - low) / tick) + 1).Select(i => low + tick * i).Select(v => new ChartTick(Y(v), format(v))).ToList();
        return new TrendChart(title, description, caption, plotted, Place(references, Y), xs.Select(p => new PeriodLabel(p.Value, p.Key)).ToList(), ticks);
    }

    private static readonly decimal[] NiceSteps = [1m, 2m, 2.5m, 5m, 10m];

    /// <summary>
    /// The axis from a round number a little below the lowest value to one a little above the
    /// highest, with ticks every 1, 2, 2.5 or 5 times a power of ten, about five in all (never
    /// below zero when every value is zero or more).
    /// </summary>
    public static (decimal Low, decimal High, decimal Tick) Scale(decimal lowest, decimal highest, bool positive)
    {
        var pad = highest == lowest ? Math.Max(1, Math.Abs(highest) * 0.1m) : (highest - lowest) * 0.1m;
        var (low, high) = (lowest - pad, highest + pad);
        if (low < 0 && positive)
        {
            low = 0;
        }

        var rough = (double)(high - low) / 4;
        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var tick = NiceSteps.Select(m => m * power).First(t => (double)t >= rough);
        return (Math.Floor(low / tick) * tick, Math.Ceiling(high / tick) * tick, tick);
    }

    /// <summary>Reference lines with their labels just above them, or just below when another label is already there.</summary>
    private static List<PlottedReference> Place(IReadOnlyList<TrendReference> references, Func<decimal, double> y)
    {
        var placed = new List<PlottedReference>();
        foreach (var reference in references.OrderBy(r => r.Value))
        {
            var lineY = y(reference.Value);
            var labelY = lineY - 6;
            if (placed.Any(p => Math.Abs(p.LabelY - labelY) < 16))
            {
                labelY = lineY + 18;
            }

            var (stroke, dash) = reference.Series is { } index ? (Styles[index % Styles.Count].Stroke, "2 4") : ("#0b0c0c", "8 5");
            placed.Add(new PlottedReference(lineY, labelY, reference.Label, stroke, dash));
        }

        return placed;
    }

    public static string Invariant(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
