using System.Globalization;
using Concord.Core.PublicData;

namespace Concord.Web.PublicData;

/// <summary>
/// Ofsted's inspections of local authority children's services (ILACS) as at 31 March 2025, the
/// latest judgements of every authority and the inspections since 2018, and the first area SEND
/// inspections under the 2023 framework. A row is an inspection: its period the inspection date
/// (yyyy-MM-dd), the judgements and the publication date (yyyy-MM-dd) as its texts. The ILACS
/// files name authorities by ONS code; the area SEND file names them, resolved against the register.
/// </summary>
public sealed class OfstedChildrensServicesImport : StatisticsDataset
{
    public const string Key = "ofsted-la-childrens-services";

    public const string LatestFile = "ilacs_latest_judgements_as_at_2025-03-31.csv";

    public const string HistoryFile = "ilacs_inspection_history_2018-2025.csv";

    public const string AreaSendFile = "area_send_inspections_new_framework_to_winter_2022-23.csv";

    public const string CareLeavers = "The experiences and progress of care leavers";

    /// <summary>The ILACS judgements; care leavers are judged only in inspections from 2023.</summary>
    public static readonly IReadOnlyList<string> Judgements =
    [
        "Overall effectiveness", "The impact of leaders on social work practice with children and families",
        "The experiences and progress of children who need help and protection", "The experiences and progress of children in care", CareLeavers,
    ];

    public static readonly IReadOnlySet<string> Grades = new HashSet<string>(StringComparer.Ordinal) { "Outstanding", "Good", "Requires improvement to be good", "Inadequate" };

    public static readonly IReadOnlySet<string> AreaSendOutcomes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Typically positive experiences and outcomes", "Inconsistent experiences and outcomes", "Widespread and/or systemic failings",
    };

    private const string AreaCode = "Local authority area code";

    private const string InspectionType = "Inspection type";

    public override string Dataset => Key;

    public override string Folder => Key;

    public override string Title => "Ofsted inspections of local authority children's services (ILACS), latest judgements as at 31 March 2025 and inspections since 2018, and area SEND inspections to winter 2022-23";

    public override string Publisher => "Ofsted";

    public override IReadOnlyList<string> Files => [LatestFile, HistoryFile, AreaSendFile];

    public override (List<PublishedStatistic> Rows, List<PublishedMeasure> Measures) Read(DatasetFiles files, AreaRegister areas)
    {
        using var latest = files.Open(LatestFile);
        using var history = files.Open(HistoryFile);
        using var send = files.Open(AreaSendFile);
        return ([.. ReadIlacs(latest, LatestFile, "ilacs-latest", areas), .. ReadIlacs(history, HistoryFile, "ilacs-history", areas), .. ReadAreaSend(send, areas)], []);
    }

    /// <summary>
    /// ILACS judgements, one row an inspection. The latest judgements name each authority once; in
    /// the history, two inspections of an authority on the same date are told apart by their type.
    /// </summary>
    public static List<PublishedStatistic> ReadIlacs(TextReader text, string file, string table, AreaRegister areas)
    {
        var history = file == HistoryFile;
        using var csv = PublicDataImport.OpenCsv(text, file, [AreaCode, "Inspection date", "Publication date", .. history ? [InspectionType] : Array.Empty<string>(), .. Judgements], "inspection");
        var inspections = new List<(int Line, string Code, DateOnly Date, string Type, Dictionary<string, string> Texts)>();
        while (csv.Read())
        {
            var line = PublicDataImport.LineOf(csv, file);
            string Field(string column) => csv.GetField(column)?.Trim() ?? string.Empty;
            var code = areas.Check(Field(AreaCode), file, line, AreaCode);
            var date = DateOf(Field("Inspection date"), file, line, "Inspection date");
            var texts = new Dictionary<string, string> { ["Publication date"] = Iso(DateOf(Field("Publication date"), file, line, "Publication date")) };
            var type = history ? Field(InspectionType) : string.Empty;
            if (history)
            {
                texts[InspectionType] = type.Length > 0 ? type : throw new DataFileException(file, line, InspectionType, "the inspection's type is missing");
            }

            foreach (var judgement in Judgements)
            {
                var grade = Field(judgement);
                if (grade.Length == 0 && judgement == CareLeavers)
                {
                    continue;
                }

                texts[judgement] = Grades.Contains(grade)
                    ? grade
                    : throw new DataFileException(file, line, judgement, $"'{grade}' is not a judgement (Outstanding, Good, Requires improvement to be good, Inadequate)");
            }

            if (!history && inspections.Any(i => i.Code == code))
            {
                throw new DataFileException(file, line, AreaCode, $"{code} has two latest inspections");
            }

            inspections.Add((line, code, date, type, texts));
        }

        var sameDay = inspections.GroupBy(i => (i.Code, i.Date)).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var seen = new HashSet<(string, DateOnly, string)>();
        var rows = inspections.Select(i =>
        {
            var breakdown = sameDay.Contains((i.Code, i.Date)) ? i.Type : string.Empty;
            return seen.Add((i.Code, i.Date, breakdown))
                ? new PublishedStatistic { Dataset = Key, Table = table, AreaCode = i.Code, Period = Iso(i.Date), Year = i.Date.Year, Breakdown = breakdown, Texts = i.Texts }
                : throw new DataFileException(file, i.Line, "Inspection date", $"{i.Code} has two inspections on {Iso(i.Date)}{(breakdown.Length > 0 ? $" of type {breakdown}" : string.Empty)}");
        }).ToList();
        return rows.Count > 0 ? rows : throw new DataFileException(file, 2, null, "the file has a header but no inspections");
    }

    /// <summary>Area SEND inspections: the area named as in the register, the number of areas for priority action a number or NA.</summary>
    public static List<PublishedStatistic> ReadAreaSend(TextReader text, AreaRegister areas)
    {
        const string Area = "Local.area.partnership", Outcome = "Inspection.outcome", Plan = "Priority.action.plan.required.", Priorities = "Number.of.areas.for.priority.action";
        using var csv = PublicDataImport.OpenCsv(text, AreaSendFile, [Area, "Inspection.start.date", "Inspection.publication.date", Outcome, Plan, Priorities], "inspection");
        var rows = new List<PublishedStatistic>();
        var seen = new HashSet<(string, DateOnly)>();
        while (csv.Read())
        {
            var line = PublicDataImport.LineOf(csv, AreaSendFile);
            string Field(string column) => csv.GetField(column)?.Trim() ?? string.Empty;
            var code = areas.CodeNamed(Field(Area)) ?? throw new DataFileException(AreaSendFile, line, Area, $"'{Field(Area)}' is not the name of an area in the register");
            var date = DateOf(Field("Inspection.start.date"), AreaSendFile, line, "Inspection.start.date");
            if (!seen.Add((code, date)))
            {
                throw new DataFileException(AreaSendFile, line, "Inspection.start.date", $"{Field(Area)} has two inspections starting {Iso(date)}");
            }

            var statistic = new PublishedStatistic
            {
                Dataset = Key,
                Table = "area-send",
                AreaCode = code,
                Period = Iso(date),
                Year = date.Year,
                Texts =
                {
                    ["Inspection.publication.date"] = Iso(DateOf(Field("Inspection.publication.date"), AreaSendFile, line, "Inspection.publication.date")),
                    [Outcome] = AreaSendOutcomes.Contains(Field(Outcome))
                        ? Field(Outcome)
                        : throw new DataFileException(AreaSendFile, line, Outcome, $"'{Field(Outcome)}' is not an outcome of the area SEND framework"),
                    [Plan] = Field(Plan) is "Yes" or "No" ? Field(Plan) : throw new DataFileException(AreaSendFile, line, Plan, $"'{Field(Plan)}' is not Yes or No"),
                },
            };
            StatisticsTable.Measure(statistic, Priorities, Field(Priorities), AreaSendFile, line, Priorities);
            rows.Add(statistic);
        }

        return rows.Count > 0 ? rows : throw new DataFileException(AreaSendFile, 2, null, "the file has a header but no inspections");
    }

    private static DateOnly DateOf(string text, string file, int line, string column) =>
        DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DataFileException(file, line, column, $"'{text}' is not a date like 28/03/2022");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
