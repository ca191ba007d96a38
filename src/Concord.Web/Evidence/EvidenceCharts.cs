using System.Globalization;
using Concord.Core;
using Concord.Core.PublicData;
using Concord.Web.Infrastructure.Charts;

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

/// <summary>
/// A trend for several areas: the shared line chart (a line per area, told apart by dash and
/// marker as well as colour) and the table of its values by year.
/// </summary>
public sealed record EvidenceTrend(string Key, string Title, string Unit, IReadOnlyList<int> Years, IReadOnlyList<(string Area, IReadOnlyDictionary<int, TrendPoint> Points)> Rows, TrendChart Chart)
{
    public static EvidenceTrend? Build(IReadOnlyList<AreaProfile> areas, string key)
    {
        var trends = areas.Select(a => (Area: a.Name, Trend: a.Trends.FirstOrDefault(t => t.Key == key))).Where(t => t.Trend is { Points.Count: > 0 }).ToList();
        if (trends.Count == 0)
        {
            return null;
        }

        var (title, unit) = (trends[0].Trend!.Label, trends[0].Trend!.Unit);
        var years = trends.SelectMany(t => t.Trend!.Points.Select(p => p.Year)).Distinct().Order().ToList();
        var labels = years.ToDictionary(y => y, y => trends.SelectMany(t => t.Trend!.Points).First(p => p.Year == y).Period);
        var rows = trends.Select(t => (t.Area, (IReadOnlyDictionary<int, TrendPoint>)t.Trend!.Points.ToDictionary(p => p.Year))).ToList();
        var series = rows.Select(r => new TrendSeries(r.Area, r.Item2.Values.OrderBy(p => p.Year)
            .Select(p => new TrendValue(labels[p.Year], p.Value, $"{r.Area}, {p.Period}: {FigureFormat.Number(unit, p.Value)}")).ToList())).ToList();
        var description = $"{title}, {labels[years[0]]} to {labels[years[^1]]}: " + string.Join("; ", rows.Select(r =>
        {
            var points = r.Item2.Values.OrderBy(p => p.Year).ToList();
            return $"{r.Area} from {FigureFormat.Number(unit, points[0].Value)} in {points[0].Period} to {FigureFormat.Number(unit, points[^1].Value)} in {points[^1].Period}";
        })) + ". The table below gives every value.";
        var chart = TrendChart.Build(title, description, $"{trends[0].Trend!.Source}. Each line is an area; the table below gives every value.",
            [.. years.Select(y => labels[y])], series, [], v => FigureFormat.Number(unit, v)) with
        { Id = $"trend-{key}" };
        return new EvidenceTrend(key, title, unit, years, rows, chart);
    }
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
