using Concord.Core.PublicData;

namespace Concord.Web.PublicData;

/// <summary>
/// DfE's local authority school places scorecards for 2022/23 to 2024/25, England and every
/// authority: pupils on roll and forecasts, places added and spare, capacity, the Ofsted grades
/// and progress bands of schools with existing and new places, preferences met and unit costs.
/// Every column from PriNOR on is a measure; metadata.csv names them, and each name it gives a
/// measure of the table is kept as that measure's definition.
/// </summary>
public sealed class SchoolPlacesScorecardImport : StatisticsDataset
{
    public const string Key = "dfe-school-places-scorecards";

    public const string MetadataFile = "metadata.csv";

    public const string Link = "https://explore-education-statistics.service.gov.uk/find-statistics/local-authority-school-places-scorecards";

    public static readonly StatisticsTable Table = new()
    {
        Dataset = Key,
        File = "scorecard_data_2025_2023.csv",
        PeriodColumn = "Year",
        Measures = ["PriNOR", "SecNOR"],
        MeasureColumns = ("PriNOR", null),
    };

    public override string Dataset => Key;

    public override string Folder => Key;

    public override string Title => "Local authority school places scorecards, 2022/23 to 2024/25, England and local authorities";

    public override string Publisher => "Department for Education";

    public override IReadOnlyList<string> Files => [Table.File, MetadataFile];

    protected override IReadOnlyList<StatisticsTable> Tables => [Table];

    public override (List<PublishedStatistic> Rows, List<PublishedMeasure> Measures) Read(DatasetFiles files, AreaRegister areas)
    {
        var rows = Read(files, areas, Tables);
        var measures = rows.SelectMany(r => r.Values.Keys.Concat(r.Texts.Keys)).ToHashSet(StringComparer.Ordinal);
        using var text = files.Open(MetadataFile);
        return (rows, ReadNames(text, measures));
    }

    /// <summary>The names metadata.csv gives the table's measures (it names some columns the table does not have, which are skipped).</summary>
    public static List<PublishedMeasure> ReadNames(TextReader text, IReadOnlySet<string> measures)
    {
        using var csv = PublicDataImport.OpenCsv(text, MetadataFile, ["programmer_friendly_names", "user_friendly_names"], "name");
        var names = new List<PublishedMeasure>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = PublicDataImport.LineOf(csv, MetadataFile);
            var code = csv.GetField("programmer_friendly_names")?.Trim() ?? string.Empty;
            var name = csv.GetField("user_friendly_names")?.Trim() ?? string.Empty;
            if (code.Length == 0 || name.Length == 0)
            {
                throw new DataFileException(MetadataFile, line, code.Length == 0 ? "programmer_friendly_names" : "user_friendly_names", "the column's name is missing");
            }

            if (!seen.Add(code))
            {
                throw new DataFileException(MetadataFile, line, "programmer_friendly_names", $"{code} is named twice");
            }

            if (measures.Contains(code))
            {
                names.Add(new PublishedMeasure { Dataset = Key, Code = code, Name = name, Source = "Department for Education", Link = Link });
            }
        }

        return names.Count > 0 ? names : throw new DataFileException(MetadataFile, 2, "programmer_friendly_names", "no measure of the scorecards is named");
    }
}
