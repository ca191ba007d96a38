using System.Globalization;
using System.Text.RegularExpressions;
using Concord.Core.PublicData;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.PublicData;

/// <summary>
/// Census 2021 usual residents by sex and single year of age for the ten Greater Manchester
/// authorities, kept as persons by age beside the mid-year estimates (year 2021). Each age must
/// appear once per sex, and females and males must add up to all persons.
/// </summary>
public sealed partial class CensusImport : IPublicDataset
{
    public const string Key = "census-2021";

    public const string FileName = "2021_population_by_sex_and_age_la_gm.csv";

    public const int Year = 2021;

    public string Dataset => Key;

    public string Folder => "census2021-gm-age";

    public string Title => "Census 2021 usual resident population by sex and single year of age, Greater Manchester authorities";

    public string Publisher => "Office for National Statistics (re-published by Trafford Data Lab)";

    public string Licence => "Open Government Licence v3.0";

    public IReadOnlyList<string> Files => [FileName];

    public static List<PopulationEstimate> Read(TextReader text, AreaRegister areas)
    {
        using var csv = PublicDataImport.OpenCsv(text, FileName, ["area_code", "area_name", "geography", "age", "sex", "value"], "count");
        var counts = new Dictionary<string, (string Name, Dictionary<string, int[]> BySex)>(StringComparer.Ordinal);
        var lastLine = 1;
        while (csv.Read())
        {
            var line = lastLine = csv.Parser.RawRow;
            string Field(string column) => csv.GetField(column)?.Trim() ?? string.Empty;
            var code = areas.Check(Field("area_code"), FileName, line, "area_code");
            var age = AgeOf(Field("age")) ?? throw new DataFileException(FileName, line, "age", $"'{Field("age")}' is not an age like 'Aged 4 years'");
            var sex = Field("sex") is "All persons" or "Female" or "Male" ? Field("sex") : throw new DataFileException(FileName, line, "sex", $"'{Field("sex")}' is not All persons, Female or Male");
            var value = int.TryParse(Field("value"), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count
                : throw new DataFileException(FileName, line, "value", $"'{Field("value")}' is not a whole number of people");
            if (!counts.TryGetValue(code, out var area))
            {
                counts[code] = area = (Field("area_name"), new Dictionary<string, int[]>(StringComparer.Ordinal));
            }

            if (!area.BySex.TryGetValue(sex, out var byAge))
            {
                area.BySex[sex] = byAge = Enumerable.Repeat(-1, PopulationEstimate.OldestAge + 1).ToArray();
            }

            if (byAge[age] >= 0)
            {
                throw new DataFileException(FileName, line, "age", $"{code} has age {age} twice for {sex}");
            }

            byAge[age] = value;
        }

        if (counts.Count == 0)
        {
            throw new DataFileException(FileName, 2, null, "the file has a header but no counts");
        }

        return counts.Select(pair =>
        {
            var (code, (name, bySex)) = (pair.Key, pair.Value);
            if (!bySex.TryGetValue("All persons", out var persons) || persons.Any(c => c < 0))
            {
                throw new DataFileException(FileName, lastLine, "age", $"{code} does not have all persons at every age 0 to 90");
            }

            if (bySex.TryGetValue("Female", out var female) && bySex.TryGetValue("Male", out var male)
                && Enumerable.Range(0, persons.Length).FirstOrDefault(a => female[a] + male[a] != persons[a], -1) is var wrong and >= 0)
            {
                throw new DataFileException(FileName, lastLine, "value", $"{code} aged {wrong}: females and males ({female[wrong] + male[wrong]}) do not add up to all persons ({persons[wrong]})");
            }

            return new PopulationEstimate { Dataset = Key, AreaCode = code, AreaName = name, Geography = "Local authority", Year = Year, ByAge = [.. persons] };
        }).ToList();
    }

    /// <summary>"Aged under 1 year" is 0, "Aged 4 years" is 4, "Aged 90 years and over" is 90.</summary>
    public static int? AgeOf(string label) => label == "Aged under 1 year" ? 0
        : Age().Match(label) is { Success: true } match && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var age and <= PopulationEstimate.OldestAge
            && (age < PopulationEstimate.OldestAge) == (match.Groups[2].Length == 0)
            ? age
            : null;

    public async Task<int> ReplaceAsync(ConcordDbContext db, DatasetFiles files, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var rows = Read(files.Open(FileName), await AreaRegister.LoadAsync(db, cancellationToken));
        progress?.Report(0.5);
        await db.PopulationEstimates.Where(p => p.Dataset == Key).ExecuteDeleteAsync(cancellationToken);
        db.PopulationEstimates.AddRange(rows);
        return rows.Count;
    }

    [GeneratedRegex(@"^Aged (\d{1,2}) years?( and over)?$")]
    private static partial Regex Age();
}
