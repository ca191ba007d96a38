using Concord.Core.PublicData;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.PublicData;

/// <summary>
/// The register of areas, from the ONS mid-year estimates of children aged 0 to 17 that DfE
/// publishes with its children's social care statistics (2012 to 2024): England, the nine regions
/// and every upper-tier authority with its ONS code and DfE number. Imported first; the other
/// datasets check their area codes against it. The 0 to 17 estimates are kept as a table too,
/// the denominators of DfE's rates per 10,000 children.
/// </summary>
public sealed class AreaImport : IPublicDataset
{
    public const string Key = "dfe-areas";

    public const string FileName = "ons_mid-year_population_estimates_2012_to_2024.csv";

    public const string Measure = "population_estimate";

    public string Dataset => Key;

    public string Folder => "dfe-children-social-care";

    public string Title => "Areas and children aged 0 to 17 (ONS mid-year estimates as DfE publishes them), England, regions and local authorities, 2012 to 2024";

    public string Publisher => "Department for Education, from Office for National Statistics estimates";

    public string Licence => "Open Government Licence v3.0";

    public IReadOnlyList<string> Files => [FileName];

    private static readonly StatisticsTable Table = new() { Dataset = Key, Table = "population-0-17", File = FileName, Measures = [Measure] };

    public static (List<PublicArea> Areas, List<PublishedStatistic> Population) Read(TextReader text)
    {
        using var csv = PublicDataImport.OpenCsv(text, FileName,
            ["time_period", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name", Measure], "area");
        var areas = new Dictionary<string, PublicArea>(StringComparer.Ordinal);
        var rows = new List<(int Line, string Code, string Period, string Value)>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Field(string column) => csv.GetField(column)?.Trim() ?? string.Empty;
            var period = Field("time_period");
            var year = PublishedPeriod.YearOf(period) is { } y && period.Length == 4 ? y : throw new DataFileException(FileName, line, "time_period", $"'{period}' is not a year");
            var level = Field("geographic_level");
            var area = level switch
            {
                "National" => new PublicArea { Code = Code(Field("country_code"), line, "country_code", 'E', "92"), Name = Field("country_name"), Level = AreaLevel.Country, LastYear = year },
                "Regional" => new PublicArea { Code = Code(Field("region_code"), line, "region_code", 'E', "12"), Name = Field("region_name"), Level = AreaLevel.Region, LastYear = year },
                "Local authority" => new PublicArea
                {
                    Code = Code(Field("new_la_code"), line, "new_la_code", 'E', null),
                    Name = Field("la_name"),
                    Level = AreaLevel.LocalAuthority,
                    DfeNumber = int.TryParse(Field("old_la_code"), out var number) && number is >= 100 and <= 999
                        ? number
                        : throw new DataFileException(FileName, line, "old_la_code", $"'{Field("old_la_code")}' is not a DfE authority number like 356"),
                    RegionCode = Code(Field("region_code"), line, "region_code", 'E', "12"),
                    LastYear = year,
                },
                _ => throw new DataFileException(FileName, line, "geographic_level", $"'{level}' is not National, Regional or Local authority"),
            };
            if (string.IsNullOrWhiteSpace(area.Name))
            {
                throw new DataFileException(FileName, line, level == "Local authority" ? "la_name" : level == "Regional" ? "region_name" : "country_name", "the area has no name");
            }

            if (!areas.TryGetValue(area.Code, out var known) || known.LastYear < year)
            {
                areas[area.Code] = area;
            }

            rows.Add((line, area.Code, period, Field(Measure)));
        }

        if (areas.Count == 0)
        {
            throw new DataFileException(FileName, 2, null, "the file has a header but no areas");
        }

        var register = new AreaRegister(areas.Values);
        var seen = new HashSet<(string, string)>();
        var population = rows.Select(r =>
        {
            if (!seen.Add((r.Code, r.Period)))
            {
                throw new DataFileException(FileName, r.Line, "time_period", $"{r.Code} appears twice for {r.Period}");
            }

            var statistic = new PublishedStatistic { Dataset = Key, Table = Table.Table, AreaCode = register.Check(r.Code, FileName, r.Line, "new_la_code"), Period = r.Period, Year = int.Parse(r.Period, System.Globalization.CultureInfo.InvariantCulture) };
            Table.Measure(statistic, Measure, r.Value, r.Line);
            return statistic;
        }).ToList();
        return ([.. areas.Values], population);
    }

    private static string Code(string code, int line, string column, char country, string? prefix) =>
        code.Length == 9 && code[0] == country && code[1..].All(char.IsAsciiDigit) && (prefix is null || code[1..3] == prefix || (prefix == "12" && code[1..3] == "13"))
            ? code
            : throw new DataFileException(FileName, line, column, $"'{code}' is not an ONS code like {(prefix == "92" ? "E92000001" : prefix == "12" ? "E12000002" : "E08000007")}");

    public async Task<int> ReplaceAsync(ConcordDbContext db, DatasetFiles files, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var (areas, population) = Read(files.Open(FileName));
        progress?.Report(0.5);
        await db.PublicAreas.ExecuteDeleteAsync(cancellationToken);
        db.PublicAreas.AddRange(areas);
        await Table.ReplaceAsync(db, population, cancellationToken);
        return areas.Count + population.Count;
    }
}
