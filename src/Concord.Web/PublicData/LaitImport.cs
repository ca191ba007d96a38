using System.Globalization;
using Concord.Core.PublicData;

namespace Concord.Web.PublicData;

/// <summary>
/// DfE's Local Authority Interactive Tool (LAIT): every indicator for the ten Greater Manchester
/// authorities, the North West and England, published long (one figure a line). Kept as one row
/// per area and period with each indicator (its Short Desc) as a measure, and the data dictionary
/// as the indicators' definitions.
/// </summary>
/// <remarks>
/// An area is named by its DfE number, checked against the register with its name: 350 to 359
/// are the authorities, 970 England and 981 the North West. A figure is a number or a code
/// published in its place ("-" not available, "x", "c" …). LAIT's figures are doubles, written
/// with 17 significant digits ("69.599999999999994"); they are kept to the 15 a double holds
/// (69.6). LAIT gives one indicator a period "0" with no figure: those lines say nothing and are
/// skipped, but a figure for period "0" is refused, as is any period not recognised.
/// </remarks>
public sealed class LaitImport : StatisticsDataset
{
    public const string Key = "dfe-lait";

    public const string DataFile = "lait_bds_long_greater_manchester.csv.gz";

    public const string DictionaryFile = "lait_data_dictionary.csv";

    /// <summary>The DfE numbers LAIT gives England and the North West, which are not authorities.</summary>
    public static readonly IReadOnlyDictionary<int, string> Regions = new Dictionary<int, string> { [970] = "E92000001", [981] = "E12000002" };

    private const string Owner = "Data Owner (DO) /Supplier and Contact Details";

    public override string Dataset => Key;

    public override string Folder => Key;

    public override string Title => "Local Authority Interactive Tool (LAIT): all indicators for the Greater Manchester authorities, the North West and England, with the data dictionary";

    public override string Publisher => "Department for Education (from DfE, ONS, OHID, Cafcass, MoJ/YJB and other official statistics)";

    public override IReadOnlyList<string> Files => [DataFile, DictionaryFile];

    public override (List<PublishedStatistic> Rows, List<PublishedMeasure> Measures) Read(DatasetFiles files, AreaRegister areas)
    {
        using var data = files.Open(DataFile);
        var rows = ReadFigures(data, areas);
        using var dictionary = files.Open(DictionaryFile);
        return (rows, ReadDictionary(dictionary));
    }

    public static List<PublishedStatistic> ReadFigures(TextReader text, AreaRegister areas)
    {
        var file = DatasetFiles.Published(DataFile);
        using var csv = PublicDataImport.OpenCsv(text, file, ["Short Desc", "Data item", "Years", "LA and Regions", "Values", "LA Number", "Region"], "figure");
        var rows = new Dictionary<(string Code, string Period), PublishedStatistic>();
        var codes = new Dictionary<(string Number, string Name), string>();
        while (csv.Read())
        {
            var line = PublicDataImport.LineOf(csv, file);
            string Field(string column) => csv.GetField(column)?.Trim() ?? string.Empty;
            var (indicator, period, value) = (Field("Short Desc"), Field("Years"), Field("Values"));
            if (indicator.Length == 0)
            {
                throw new DataFileException(file, line, "Short Desc", "the indicator's code is missing");
            }

            if (period == "0" && value == "-")
            {
                continue;
            }

            var year = PublishedPeriod.YearOf(period)
                ?? throw new DataFileException(file, line, "Years", $"'{period}' is not a year, an academic or financial year, or a run of years");
            var (number, name) = (Field("LA Number"), Field("LA and Regions"));
            if (!codes.TryGetValue((number, name), out var code))
            {
                codes[(number, name)] = code = AreaOf(number, name, areas, file, line);
            }

            if (!rows.TryGetValue((code, period), out var statistic))
            {
                rows[(code, period)] = statistic = new PublishedStatistic { Dataset = Key, AreaCode = code, Period = period, Year = year };
            }

            if (statistic.Values.ContainsKey(indicator) || statistic.Texts.ContainsKey(indicator))
            {
                throw new DataFileException(file, line, "Short Desc", $"{indicator} appears twice for {name}, {period}");
            }

            StatisticsTable.Measure(statistic, indicator, value, file, line, "Values");
            if (statistic.Values.TryGetValue(indicator, out var figure))
            {
                statistic.Values[indicator] = (decimal)(double)figure;
            }
        }

        return rows.Count > 0 ? [.. rows.Values] : throw new DataFileException(file, 2, null, "the file has a header but no figures");
    }

    /// <summary>The ONS code of the area LAIT numbers, when the register knows it by that name.</summary>
    private static string AreaOf(string number, string name, AreaRegister areas, string file, int line)
    {
        var code = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var dfe)
            ? Regions.GetValueOrDefault(dfe) ?? areas.CodeOf(dfe)
            : null;
        var area = code is null ? null : areas.Find(code);
        if (area is null)
        {
            throw new DataFileException(file, line, "LA Number", $"'{number}' is not the DfE number of an authority in the register, nor England (970) or the North West (981)");
        }

        return string.Equals(area.Name, name, StringComparison.OrdinalIgnoreCase)
            ? area.Code
            : throw new DataFileException(file, line, "LA and Regions", $"'{name}' is not {number}: the register names {area.Code} '{area.Name}'");
    }

    /// <summary>
    /// The indicators' definitions. The dictionary lists a few indicators under two topics: the
    /// first definition is kept, with both topics.
    /// </summary>
    public static List<PublishedMeasure> ReadDictionary(TextReader text)
    {
        using var csv = PublicDataImport.OpenCsv(text, DictionaryFile, ["Measure_short", "Topic", "Measure", "Polarity", "y_axis_name", "Description", Owner, "Hyperlink(s)"], "indicator");
        var measures = new Dictionary<string, PublishedMeasure>(StringComparer.Ordinal);
        var end = 1;
        while (csv.Read())
        {
            // A description may run over several lines: a problem is reported at the line the indicator starts.
            var line = end + 1;
            end = PublicDataImport.LineOf(csv, DictionaryFile);
            string Field(string column, int longest) => csv.GetField(column)?.Trim() is { } value && value.Length <= longest
                ? value
                : throw new DataFileException(DictionaryFile, line, column, $"longer than {longest} characters");
            var code = Field("Measure_short", 100);
            if (code.Length == 0)
            {
                throw new DataFileException(DictionaryFile, line, "Measure_short", "the indicator's code is missing");
            }

            var topic = Field("Topic", 200);
            if (measures.TryGetValue(code, out var first))
            {
                var topics = $"{first.Topic}; {topic}";
                measures[code] = first.Topic.Split("; ").Contains(topic) ? first
                    : topics.Length <= 200 ? Definition(first, topics)
                    : throw new DataFileException(DictionaryFile, line, "Topic", $"{code}'s topics together are longer than 200 characters");
                continue;
            }

            measures[code] = new PublishedMeasure
            {
                Dataset = Key,
                Code = code,
                Name = Field("Measure", 500),
                Topic = topic,
                Unit = Field("y_axis_name", 200),
                Polarity = Field("Polarity", 50) switch { "High" => Polarity.HigherIsBetter, "Low" => Polarity.LowerIsBetter, _ => Polarity.Neutral },
                Description = Field("Description", 4000),
                Source = Field(Owner, 500),
                Link = Field("Hyperlink(s)", 2000),
            };
        }

        return measures.Count > 0 ? [.. measures.Values] : throw new DataFileException(DictionaryFile, 2, null, "the file has a header but no indicators");
    }

    private static PublishedMeasure Definition(PublishedMeasure measure, string topic) => new()
    {
        Dataset = measure.Dataset,
        Code = measure.Code,
        Name = measure.Name,
        Topic = topic,
        Unit = measure.Unit,
        Polarity = measure.Polarity,
        Description = measure.Description,
        Source = measure.Source,
        Link = measure.Link,
    };
}
