using System.Globalization;
using Concord.Core;
using Concord.Core.PublicData;

namespace Concord.Web.Evidence;

/// <summary>How a figure's value reads on screen: "83,763", "7.4%", "£6,412", "12.3 per 1,000".</summary>
public static class FigureFormat
{
    public static string Value(Figure figure) => figure.Text ?? (figure.Value is { } value ? Number(figure.Unit, value) : "Not available");

    public static string Number(string unit, decimal value) => unit switch
    {
        "people" => value.ToString("#,##0", Formats.UkCulture),
        "%" or "% of schools" or "% of pupils" => value.ToString("0.0", Formats.UkCulture) + "%",
        "£" => "£" + value.ToString("#,##0", Formats.UkCulture),
        _ => value.ToString("#,##0.0", Formats.UkCulture),
    };

    public static string Invariant(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One bar: an area's value, laid out in the chart's own units.</summary>
public sealed record Bar(string Area, string Label, double Y, double Width, bool Benchmark);

/// <summary>
/// A horizontal bar chart of one figure across the compared areas (benchmarks shaded
/// differently), with the value written beside each bar so the chart reads without colour.
/// </summary>
public sealed record BarChart(string Key, string Title, IReadOnlyList<Bar> Bars)
{
    public const double Width = 640, Left = 190, Right = 90, BarHeight = 24, Gap = 10, Top = 10;

    public double Height => Top * 2 + Bars.Count * (BarHeight + Gap);

    public static BarChart? Build(Comparison comparison, string key)
    {
        var columns = comparison.Columns.Select((p, i) => (Profile: p, Figure: p[key], Benchmark: i >= comparison.Authorities.Count))
            .Where(c => c.Figure?.Value is not null).ToList();
        if (columns.Count == 0)
        {
            return null;
        }

        var max = (double)columns.Max(c => c.Figure!.Value!.Value);
        var scale = max <= 0 ? 0 : (Width - Left - Right) / max;
        var bars = columns.Select((c, i) => new Bar(c.Profile.Name, FigureFormat.Value(c.Figure!), Top + i * (BarHeight + Gap), Math.Max(1, (double)c.Figure!.Value!.Value * scale), c.Benchmark)).ToList();
        return new BarChart(key, columns[0].Figure!.Label, bars);
    }

    public string Description() => $"{Title}: " + string.Join("; ", Bars.Select(b => $"{b.Area} {b.Label}")) + ".";
}

/// <summary>A line on a trend chart: one area, its marker shape, and its points.</summary>
public sealed record ChartSeries(string Area, string Css, string Marker, IReadOnlyList<(double X, double Y, TrendPoint Point)> Points)
{
    public string Line => string.Join(' ', Points.Select(p => FigureFormat.Invariant(p.X) + "," + FigureFormat.Invariant(p.Y)));
}

/// <summary>
/// A line chart of one trend for several areas: years left to right, a line per area with its
/// own marker shape (not colour alone), and the values in a table beside it.
/// </summary>
public sealed record TrendChart(string Key, string Title, string Unit, IReadOnlyList<int> Years, IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<(double X, string Label)> XTicks, IReadOnlyList<(double Y, string Label)> YTicks)
{
    public const double Width = 700, Height = 320, Left = 70, Right = 30, Top = 20, Bottom = 50;

    private static readonly string[] Markers = ["circle", "square", "triangle", "diamond", "cross"];

    public static TrendChart? Build(IReadOnlyList<AreaProfile> areas, string key)
    {
        var trends = areas.Select(a => (Area: a.Name, Trend: a.Trends.FirstOrDefault(t => t.Key == key))).Where(t => t.Trend is { Points.Count: > 0 }).ToList();
        if (trends.Count == 0)
        {
            return null;
        }

        var years = trends.SelectMany(t => t.Trend!.Points.Select(p => p.Year)).Distinct().Order().ToList();
        var values = trends.SelectMany(t => t.Trend!.Points.Select(p => p.Value)).ToList();
        var (low, high) = (values.Min(), values.Max());
        var pad = high == low ? Math.Max(1, Math.Abs(high) * 0.1m) : (high - low) * 0.15m;
        (low, high) = (Math.Max(0, low - pad), high + pad);
        double X(int year) => years.Count == 1 ? (Left + Width - Right) / 2 : Left + 20 + (years.IndexOf(year) * (Width - Left - Right - 40) / (years.Count - 1));
        double Y(decimal value) => Math.Round(Top + (double)((high - value) / (high - low)) * (Height - Top - Bottom), 1);
        var series = trends.Select((t, i) => new ChartSeries(t.Area, $"app-series-{i % Markers.Length}", Markers[i % Markers.Length],
            t.Trend!.Points.Select(p => (X(p.Year), Y(p.Value), p)).ToList())).ToList();
        var unit = trends[0].Trend!.Unit;
        return new TrendChart(key, trends[0].Trend!.Label, unit, years, series,
            years.Select(y => (X(y), y.ToString(CultureInfo.InvariantCulture))).ToList(),
            Enumerable.Range(0, 5).Select(i => low + (high - low) * i / 4).Select(v => (Y(v), FigureFormat.Number(unit, Math.Round(v, 1)))).ToList());
    }

    public string Description() => $"{Title}, {Years[0]} to {Years[^1]}: " + string.Join("; ", Series.Select(s =>
        $"{s.Area} from {FigureFormat.Number(Unit, s.Points[0].Point.Value)} in {s.Points[0].Point.Period} to {FigureFormat.Number(Unit, s.Points[^1].Point.Value)} in {s.Points[^1].Point.Period}")) +
        ". The table gives every value.";
}

/// <summary>An LSOA's dot on the map.</summary>
public sealed record MapDot(MapLsoa Lsoa, double X, double Y);

/// <summary>
/// The chosen authorities' LSOAs drawn at their centre points, coloured by IMD 2019 decile
/// (1, darkest, is the 10 % most deprived in England), with a summary in words and a table of
/// how many LSOAs fall in each decile.
/// </summary>
public sealed record DeprivationMap(IReadOnlyList<MapDot> Dots, IReadOnlyList<(string Authority, int[] ByDecile)> Counts)
{
    public const double Width = 640, Height = 560, Pad = 16, Radius = 4.5;

    public static DeprivationMap? Build(IReadOnlyList<MapLsoa> lsoas, IReadOnlyDictionary<string, string> names)
    {
        if (lsoas.Count == 0)
        {
            return null;
        }

        // Equirectangular projection scaled by the cosine of the middle latitude, fitted to the box.
        var (minLon, maxLon, minLat, maxLat) = (lsoas.Min(l => l.Longitude), lsoas.Max(l => l.Longitude), lsoas.Min(l => l.Latitude), lsoas.Max(l => l.Latitude));
        var cos = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var spanX = Math.Max(1e-6, (maxLon - minLon) * cos);
        var spanY = Math.Max(1e-6, maxLat - minLat);
        var scale = Math.Min((Width - 2 * Pad) / spanX, (Height - 2 * Pad) / spanY);
        var dots = lsoas.Select(l => new MapDot(l, Math.Round(Pad + (l.Longitude - minLon) * cos * scale, 1), Math.Round(Pad + (maxLat - l.Latitude) * scale, 1))).ToList();
        var counts = lsoas.GroupBy(l => l.AuthorityCode).OrderBy(g => names.GetValueOrDefault(g.Key, g.Key), StringComparer.Ordinal)
            .Select(g => (names.GetValueOrDefault(g.Key, g.Key), Enumerable.Range(1, 10).Select(d => g.Count(l => l.ImdDecile == d)).ToArray())).ToList();
        return new DeprivationMap(dots, counts);
    }

    /// <summary>The map in words, for screen readers.</summary>
    public string Summary() => string.Join(" ", Counts.Select(c =>
    {
        var total = c.ByDecile.Sum();
        var most = c.ByDecile[0];
        var least = c.ByDecile[9];
        return $"{c.Authority} has {total} LSOAs: {most} ({Core.PublicData.Profiles.Per(most, total)}%) are among the 10% most deprived in England and {least} ({Core.PublicData.Profiles.Per(least, total)}%) among the 10% least deprived.";
    }));
}
