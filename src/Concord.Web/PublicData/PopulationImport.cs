using System.Globalization;
using System.Text.RegularExpressions;
using Concord.Core.PublicData;
using Concord.Data;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.PublicData;

/// <summary>
/// ONS mid-year population estimates by single year of age (table MYE2, persons), one file per
/// year, every UK area. Each row is checked: an ONS code, whole counts of 0 or more for every age,
/// and the ages adding up to "All ages".
/// </summary>
public sealed partial class PopulationImport(int year) : IPublicDataset
{
    public const string Folder = "ons-mye";

    public static readonly IReadOnlyList<PopulationImport> Years = [new(2019), new(2020)];

    public int Year { get; } = year;

    public string Dataset => $"ons-mye-{Year}";

    string IPublicDataset.Folder => Folder;

    public string Title => $"ONS mid-{Year} population estimates by single year of age, persons";

    public string Publisher => "Office for National Statistics";

    public string Licence => "Open Government Licence v3.0";

    public string FileName => $"ons_mye_mid{Year}_single_year_of_age_persons.csv";

    public static IReadOnlyList<string> Columns { get; } =
        ["Code", "Name", "Geography", "All ages", .. Enumerable.Range(0, PopulationEstimate.OldestAge).Select(a => a.ToString(CultureInfo.InvariantCulture)), "90+"];

    public List<PopulationEstimate> Read(TextReader text, IProgress<double>? progress = null)
    {
        using var csv = PublicDataImport.OpenCsv(text, FileName, Columns, "area");

        var rows = new List<PopulationEstimate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Field(string column) => csv.GetField(column)?.Trim() ?? string.Empty;
            int Count(string column)
            {
                var value = Field(column);
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                    ? count
                    : throw new DataFileException(FileName, line, column, $"'{value}' is not a whole number of people");
            }

            var code = Field("Code");
            if (!AreaCode().IsMatch(code))
            {
                throw new DataFileException(FileName, line, "Code", $"'{code}' is not an ONS area code like E08000007");
            }

            if (!seen.Add(code))
            {
                throw new DataFileException(FileName, line, "Code", $"{code} appears twice");
            }

            var byAge = Columns.Skip(4).Select(Count).ToList();
            var all = Count("All ages");
            if (byAge.Sum() != all)
            {
                throw new DataFileException(FileName, line, "All ages", $"{all} is not the sum of the single years of age ({byAge.Sum()})");
            }

            rows.Add(new PopulationEstimate { Dataset = Dataset, AreaCode = code, AreaName = Field("Name"), Geography = Field("Geography"), Year = Year, ByAge = byAge });
            if (rows.Count % 100 == 0)
            {
                progress?.Report(0.5 * Math.Min(1, rows.Count / 450d));
            }
        }

        return rows.Count > 0 ? rows : throw new DataFileException(FileName, 2, null, "the file has a header but no areas");
    }

    IReadOnlyList<string> IPublicDataset.Files => [FileName];

    public async Task<int> ReplaceAsync(ConcordDbContext db, DatasetFiles files, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var rows = Read(files.Open(FileName), progress);
        progress?.Report(0.5);
        await db.PopulationEstimates.Where(p => p.Dataset == Dataset).ExecuteDeleteAsync(cancellationToken);
        db.PopulationEstimates.AddRange(rows);
        return rows.Count;
    }

    [GeneratedRegex(@"^[EKNSW]\d{8}$")]
    private static partial Regex AreaCode();
}
