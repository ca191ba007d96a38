using System.Globalization;
using System.Text.RegularExpressions;
using Concord.Core.PublicData;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.PublicData;

/// <summary>
/// Schools' Ofsted judgements as DfE's school performance service showed them in February 2020 (a
/// third-party scrape: see its SOURCE.md). The schools file gives each URN's latest judgement; the
/// history file every judgement listed, which must include that latest one as its newest. Ratings
/// are Ofsted's five words; no judgement may be dated after the scrape
/// (<see cref="SchoolInspection.AsAt"/>). A row the history repeats exactly is kept once.
/// </summary>
public sealed partial class SchoolInspectionImport : IPublicDataset
{
    public const string Key = "ofsted-schools-scrape-2020";

    public const string SchoolsFile = "school_details_with_latest_ofsted_rating.csv.gz";

    public const string HistoryFile = "ofsted_rating_history_by_urn.csv.gz";

    /// <summary>The overall effectiveness ratings as published ("Satisfactory" until 2012).</summary>
    public static readonly IReadOnlySet<string> Ratings = new HashSet<string>(StringComparer.Ordinal) { "Outstanding", "Good", "Requires Improvement", "Satisfactory", "Inadequate" };

    public string Dataset => Key;

    public string Folder => "ofsted-schools-scrape-2020";

    public string Title => "Schools' Ofsted judgements as shown on DfE's school performance service in February 2020 (third-party scrape, by URN)";

    public string Publisher => "Ofsted and Department for Education (scraped by waiky8/schools-data)";

    public string Licence => "Open Government Licence v3.0 (the underlying data); the scrape carries no licence statement";

    public IReadOnlyList<string> Files => [SchoolsFile, HistoryFile];

    public static List<SchoolInspection> Read(DatasetFiles files, AreaRegister areas)
    {
        var history = ReadHistory(files.Open(HistoryFile));
        var known = SchoolImport.AuthorityNumbers(areas);
        using var csv = CheckedCsv.Open(files.Open(SchoolsFile), DatasetFiles.Published(SchoolsFile),
            ["URN", "Name", "Rating", "Inspect Date", "Age From", "Age To", "Other URN", "Local Authority"], "school");
        var schools = new Dictionary<int, SchoolInspection>();
        while (csv.Read())
        {
            var urn = csv.Whole("URN", 100_000, 999_999, "a URN");
            var rating = Rating(csv, "Rating", optional: true);
            var inspected = InspectedOn(csv, "Inspect Date");
            if ((rating is null) != (inspected is null))
            {
                throw csv.Refuse(rating is null ? "Rating" : "Inspect Date", "a judgement needs both its rating and the date of its inspection");
            }

            var judgements = history.TryGetValue(urn, out var listed) ? listed.Judgements : [];
            if (judgements.FirstOrDefault() is var newest && (newest?.Rating, newest?.InspectedOn) != (rating, inspected))
            {
                throw csv.Refuse("Rating", newest is null
                    ? $"URN {urn} has a latest judgement but none in {DatasetFiles.Published(HistoryFile)}"
                    : $"the latest judgement is not the newest in {DatasetFiles.Published(HistoryFile)} ({newest.Rating}, {newest.InspectedOn:yyyyMMdd})");
            }

            var school = new SchoolInspection
            {
                Urn = urn,
                Name = csv.Required("Name", 200, "The school's name"),
                LaNumber = SchoolImport.Authority(csv, "Local Authority", known),
                Rating = rating,
                InspectedOn = inspected,
                AgeFrom = csv.WholeOrNull("Age From", 0, 99, "an age"),
                AgeTo = csv.WholeOrNull("Age To", 0, 99, "an age"),
                OtherUrn = OtherUrn(csv),
                History = judgements,
            };
            if (!schools.TryAdd(urn, school))
            {
                throw csv.Refuse("URN", $"URN {urn} appears twice");
            }
        }

        if (schools.Count == 0)
        {
            throw csv.RefuseAtEnd("URN", "the file has a header but no schools");
        }

        return history.FirstOrDefault(h => !schools.ContainsKey(h.Key)) is { Key: > 0 } stray
            ? throw new DataFileException(DatasetFiles.Published(HistoryFile), stray.Value.Line, "URN", $"URN {stray.Key} is not a school of {DatasetFiles.Published(SchoolsFile)}")
            : [.. schools.Values];
    }

    /// <summary>Every judgement by URN, newest first; a row repeated exactly is kept once.</summary>
    private static Dictionary<int, (int Line, List<SchoolInspection.Judgement> Judgements)> ReadHistory(TextReader text)
    {
        using var csv = CheckedCsv.Open(text, DatasetFiles.Published(HistoryFile), ["URN", "Rating", "Inspection Date"], "judgement");
        var history = new Dictionary<int, (int Line, List<SchoolInspection.Judgement> Judgements)>();
        while (csv.Read())
        {
            var urn = csv.Whole("URN", 100_000, 999_999, "a URN");
            var judgement = new SchoolInspection.Judgement(Rating(csv, "Rating", optional: false)!, InspectedOn(csv, "Inspection Date") ?? throw csv.Refuse("Inspection Date", "the date is missing"));
            if (!history.TryGetValue(urn, out var school))
            {
                history[urn] = school = (csv.Line, []);
            }

            if (!school.Judgements.Contains(judgement))
            {
                school.Judgements.Add(judgement);
            }
        }

        if (history.Count == 0)
        {
            throw csv.RefuseAtEnd("URN", "the file has a header but no judgements");
        }

        return history.ToDictionary(h => h.Key, h => (h.Value.Line, h.Value.Judgements.OrderByDescending(j => j.InspectedOn).ToList()));
    }

    private static string? Rating(CheckedCsv csv, string column, bool optional)
    {
        var value = csv[column];
        return value.Length == 0 && optional ? null
            : Ratings.Contains(value) ? value
            : throw csv.Refuse(column, $"'{value}' is not an Ofsted rating (Outstanding, Good, Requires Improvement, Satisfactory or Inadequate)");
    }

    private static DateOnly? InspectedOn(CheckedCsv csv, string column)
    {
        var date = csv.DateOrNull(column, "an inspection date");
        return date > SchoolInspection.AsAt ? throw csv.Refuse(column, $"{date:yyyyMMdd} is after the scrape's latest inspection ({SchoolInspection.AsAt:yyyyMMdd})") : date;
    }

    /// <summary>The spine's predecessor or successor URN, which it writes as a decimal (145210.0), or blank.</summary>
    private static int? OtherUrn(CheckedCsv csv)
    {
        var value = csv["Other URN"];
        var match = OtherUrnPattern().Match(value);
        return value.Length == 0 ? null
            : match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw csv.Refuse("Other URN", $"'{value}' is not a URN");
    }

    public async Task<int> ReplaceAsync(ConcordDbContext db, DatasetFiles files, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var rows = Read(files, await AreaRegister.LoadAsync(db, cancellationToken));
        progress?.Report(0.4);
        await db.SchoolInspections.ExecuteDeleteAsync(cancellationToken);
        await db.InsertAsync(rows, cancellationToken);
        return rows.Count;
    }

    [GeneratedRegex(@"^(\d{6})(\.0)?$")]
    private static partial Regex OtherUrnPattern();
}
