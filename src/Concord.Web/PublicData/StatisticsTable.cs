using System.Globalization;
using Concord.Core.PublicData;
using Concord.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.PublicData;

/// <summary>
/// The areas imported from the register (<see cref="AreaImport"/>): every code another dataset
/// names must be here, so an unknown authority code is refused.
/// </summary>
public sealed class AreaRegister(IReadOnlyCollection<PublicArea> areas)
{
    private readonly Dictionary<string, PublicArea> _byCode = areas.ToDictionary(a => a.Code, StringComparer.Ordinal);

    public IReadOnlyCollection<PublicArea> Areas => _byCode.Values;

    public static async Task<AreaRegister> LoadAsync(ConcordDbContext db, CancellationToken cancellationToken = default) =>
        new(await db.PublicAreas.AsNoTracking().ToListAsync(cancellationToken));

    public bool Knows(string code) => _byCode.ContainsKey(code);

    public PublicArea? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The current ONS code of the authority with DfE number <paramref name="number"/> (North Yorkshire's changed in 2023).</summary>
    public string? CodeOf(int number) =>
        _byCode.Values.Where(a => a.DfeNumber == number).OrderByDescending(a => a.LastYear).FirstOrDefault()?.Code;

    /// <summary>The current ONS code of the area named <paramref name="name"/> (ignoring case), or null; North Yorkshire's is E06000065 since 2023.</summary>
    public string? CodeNamed(string name) =>
        _byCode.Values.Where(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)).OrderByDescending(a => a.LastYear).FirstOrDefault()?.Code;

    /// <summary>The area code a row names, checked against the register; refused naming the line and column when unknown.</summary>
    public string Check(string code, string file, int line, string column) =>
        Knows(code) ? code : throw new DataFileException(file, line, column, $"'{code}' is not an area in the register of English authorities and regions");
}

/// <summary>
/// Reads a DfE statistics table in Explore Education Statistics' shape: time_period,
/// geographic_level (National, Regional, Local authority), country_code, region_code,
/// new_la_code, then measures. Every measure is a number or one of the published suppression
/// codes; every area is in the register; a row for the same area, period and breakdown twice is
/// refused.
/// </summary>
public sealed class StatisticsTable
{
    /// <summary>
    /// What DfE publishes in place of a number: c confidential, x not available, z not applicable,
    /// k under 0.5, u low reliability, low (also Low, LOW), NA; and NaN, a percentage of nothing
    /// (City of London's secondary pupils in the school places scorecards).
    /// </summary>
    public static readonly IReadOnlySet<string> SuppressionCodes = new HashSet<string>(StringComparer.Ordinal) { "c", "x", "z", "k", "u", "low", "Low", "LOW", "NA", "NaN", ":", "..", "-" };

    /// <summary>The longest breakdown the store keeps.</summary>
    public const int LongestBreakdown = 200;

    public required string Dataset { get; init; }

    /// <summary>The table within the dataset; empty when the dataset has one.</summary>
    public string Table { get; init; } = string.Empty;

    /// <summary>The file as shipped (a name ending .gz is read decompressed, and named without .gz when refused).</summary>
    public required string File { get; init; }

    /// <summary>The measures to keep, by column name.</summary>
    public IReadOnlyList<string> Measures { get; init; } = [];

    /// <summary>
    /// A run of measure columns kept besides <see cref="Measures"/>, for a table of many: every
    /// column from the first to the last named (to the header's end when the last is null).
    /// </summary>
    public (string First, string? Last)? MeasureColumns { get; init; }

    /// <summary>Columns that together make the row's breakdown (joined with " / "); none for a table without one.</summary>
    public IReadOnlyList<string> BreakdownColumns { get; init; } = [];

    /// <summary>The geographic levels kept; rows at other levels (such as "Local authority district") are skipped.</summary>
    public IReadOnlySet<string> Levels { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "National", "Regional", "Local authority" };

    /// <summary>The column naming the period: "time_period" as DfE publishes it.</summary>
    public string PeriodColumn { get; init; } = "time_period";

    private string Name => DatasetFiles.Published(File);

    public List<PublishedStatistic> Read(TextReader text, AreaRegister areas)
    {
        string[] geography = [PeriodColumn, "geographic_level", "country_code", "region_code", "new_la_code"];
        string[] run = MeasureColumns is ({ } first, var last) ? [first, .. last is null ? [] : new[] { last }] : [];
        using var csv = PublicDataImport.OpenCsv(text, Name, [.. geography, .. BreakdownColumns, .. Measures, .. run], "row");
        var measures = MeasuresIn(csv.HeaderRecord!);
        var rows = new List<PublishedStatistic>();
        var seen = new HashSet<(string, string, string)>();
        while (csv.Read())
        {
            var line = PublicDataImport.LineOf(csv, Name);
            string Field(string column) => csv.GetField(column)?.Trim() ?? string.Empty;
            var level = Field("geographic_level");
            if (!Levels.Contains(level))
            {
                continue;
            }

            var period = Field(PeriodColumn);
            var year = PublishedPeriod.YearOf(period) ?? throw new DataFileException(Name, line, PeriodColumn, $"'{period}' is not a year or an academic or financial year");
            var (code, column) = level switch
            {
                "National" => (Field("country_code"), "country_code"),
                "Regional" => (Field("region_code"), "region_code"),
                _ => (Field("new_la_code"), "new_la_code"),
            };
            areas.Check(code, Name, line, column);
            var breakdown = string.Join(" / ", BreakdownColumns.Select(Field));
            if (breakdown.Length > LongestBreakdown)
            {
                throw new DataFileException(Name, line, BreakdownColumns[^1], $"the breakdown '{breakdown}' is longer than {LongestBreakdown} characters");
            }

            if (!seen.Add((code, period, breakdown)))
            {
                throw new DataFileException(Name, line, column, $"{code} appears twice for {period}{(breakdown.Length > 0 ? $", {breakdown}" : string.Empty)}");
            }

            var statistic = new PublishedStatistic { Dataset = Dataset, Table = Table, AreaCode = code, Period = period, Year = year, Breakdown = breakdown };
            foreach (var (measure, index) in measures)
            {
                Measure(statistic, measure, csv.GetField(index)?.Trim() ?? string.Empty, Name, line, measure);
            }

            rows.Add(statistic);
        }

        return rows.Count > 0 ? rows : throw new DataFileException(Name, 2, null, "the file has a header but no rows");
    }

    /// <summary>The measures named and the run of measure columns, each with its place in the header.</summary>
    private List<(string Measure, int Index)> MeasuresIn(string[] header)
    {
        var measures = Measures.Select(m => (m, Array.IndexOf(header, m))).ToList();
        if (MeasureColumns is ({ } first, var last))
        {
            var from = Array.IndexOf(header, first);
            var to = last is null ? header.Length - 1 : Array.IndexOf(header, last);
            if (to < from)
            {
                throw new DataFileException(Name, 1, last, $"this column should come after {first}");
            }

            measures.AddRange(Enumerable.Range(from, to - from + 1).Select(i => (header[i], i)).Where(m => !Measures.Contains(m.Item1)));
        }

        return measures;
    }

    /// <summary>Keeps a measure: a number, or a suppression code as published; anything else is refused.</summary>
    public void Measure(PublishedStatistic statistic, string measure, string value, int line) => Measure(statistic, measure, value, Name, line, measure);

    /// <summary>
    /// Keeps a measure of a row in <paramref name="file"/>: a number, or a suppression code as
    /// published; anything else is refused, naming the line and the column it was in.
    /// </summary>
    public static void Measure(PublishedStatistic statistic, string measure, string value, string file, int line, string column)
    {
        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            statistic.Values[measure] = number;
        }
        else if (value.Length == 0 || SuppressionCodes.Contains(value))
        {
            statistic.Texts[measure] = value;
        }
        else
        {
            throw new DataFileException(file, line, column, $"'{value}' is not a number or a published suppression code (c, x, z, k, u, low)");
        }
    }

    /// <summary>Replaces the dataset's rows for this table with <paramref name="rows"/>.</summary>
    public async Task ReplaceAsync(ConcordDbContext db, IReadOnlyCollection<PublishedStatistic> rows, CancellationToken cancellationToken)
    {
        await db.PublishedStatistics.Where(s => s.Dataset == Dataset && s.Table == Table).ExecuteDeleteAsync(cancellationToken);
        db.PublishedStatistics.AddRange(rows);
    }
}
