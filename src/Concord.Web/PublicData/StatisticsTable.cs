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
    /// <summary>What DfE publishes in place of a number: c confidential, x not available, z not applicable, k under 0.5, u low reliability, low, NA.</summary>
    public static readonly IReadOnlySet<string> SuppressionCodes = new HashSet<string>(StringComparer.Ordinal) { "c", "x", "z", "k", "u", "low", "NA", ":", "..", "-" };

    public required string Dataset { get; init; }

    /// <summary>The table within the dataset; empty when the dataset has one.</summary>
    public string Table { get; init; } = string.Empty;

    public required string File { get; init; }

    /// <summary>The measures to keep, by column name.</summary>
    public required IReadOnlyList<string> Measures { get; init; }

    /// <summary>Columns that together make the row's breakdown (joined with " / "); none for a table without one.</summary>
    public IReadOnlyList<string> BreakdownColumns { get; init; } = [];

    /// <summary>The geographic levels kept; rows at other levels (such as "Local authority district") are skipped.</summary>
    public IReadOnlySet<string> Levels { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "National", "Regional", "Local authority" };

    /// <summary>The column naming the period: "time_period" as DfE publishes it.</summary>
    public string PeriodColumn { get; init; } = "time_period";

    public List<PublishedStatistic> Read(TextReader text, AreaRegister areas)
    {
        string[] geography = [PeriodColumn, "geographic_level", "country_code", "region_code", "new_la_code"];
        using var csv = PublicDataImport.OpenCsv(text, File, [.. geography, .. BreakdownColumns, .. Measures], "row");
        var rows = new List<PublishedStatistic>();
        var seen = new HashSet<(string, string, string)>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Field(string column) => csv.GetField(column)?.Trim() ?? string.Empty;
            var level = Field("geographic_level");
            if (!Levels.Contains(level))
            {
                continue;
            }

            var period = Field(PeriodColumn);
            var year = PublishedPeriod.YearOf(period) ?? throw new DataFileException(File, line, PeriodColumn, $"'{period}' is not a year or an academic or financial year");
            var (code, column) = level switch
            {
                "National" => (Field("country_code"), "country_code"),
                "Regional" => (Field("region_code"), "region_code"),
                _ => (Field("new_la_code"), "new_la_code"),
            };
            areas.Check(code, File, line, column);
            var breakdown = string.Join(" / ", BreakdownColumns.Select(Field));
            if (!seen.Add((code, period, breakdown)))
            {
                throw new DataFileException(File, line, column, $"{code} appears twice for {period}{(breakdown.Length > 0 ? $", {breakdown}" : string.Empty)}");
            }

            var statistic = new PublishedStatistic { Dataset = Dataset, Table = Table, AreaCode = code, Period = period, Year = year, Breakdown = breakdown };
            foreach (var measure in Measures)
            {
                Measure(statistic, measure, Field(measure), line);
            }

            rows.Add(statistic);
        }

        return rows.Count > 0 ? rows : throw new DataFileException(File, 2, null, "the file has a header but no rows");
    }

    /// <summary>Keeps a measure: a number, or a suppression code as published; anything else is refused.</summary>
    public void Measure(PublishedStatistic statistic, string measure, string value, int line)
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
            throw new DataFileException(File, line, measure, $"'{value}' is not a number or a published suppression code (c, x, z, k, u, low)");
        }
    }

    /// <summary>Replaces the dataset's rows for this table with <paramref name="rows"/>.</summary>
    public async Task ReplaceAsync(ConcordDbContext db, IReadOnlyCollection<PublishedStatistic> rows, CancellationToken cancellationToken)
    {
        await db.PublishedStatistics.Where(s => s.Dataset == Dataset && s.Table == Table).ExecuteDeleteAsync(cancellationToken);
        db.PublishedStatistics.AddRange(rows);
    }
}
