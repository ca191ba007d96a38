using System.Globalization;
using Concord.Core;
using Concord.Core.Governance;
using Concord.Data;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Governance;

/// <summary>One line of an uploaded calendar: a meeting of a body, on a date.</summary>
public sealed record CalendarLine(int Line, string Body, BodyKind? Kind, DateOnly Date, MeetingStatus Status, string? Notes);

public sealed record CalendarImportResult(int BodiesAdded, int MeetingsAdded, int MeetingsUpdated);

/// <summary>The lines that could be read, and the problems of those that could not, each with its line number.</summary>
public sealed record ParsedCalendar(IReadOnlyList<CalendarLine> Lines, IReadOnlyList<(int Line, string Problem)> Problems);

/// <summary>An uploaded calendar that cannot be read: every problem, each with its line.</summary>
public sealed class CalendarImportException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads a council's governance calendar from CSV (columns Body, Kind, Date, and optionally Status
/// and Notes) into its committees and meetings. Every line is checked first; if any is wrong,
/// nothing is saved and every problem is named with its line.
/// </summary>
public static class CalendarImport
{
    public const string Columns = "Body, Kind, Date, Status, Notes";

    private static readonly string[] RequiredColumns = ["body", "date"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d MMMM yyyy", "d MMM yyyy"];

    public static ParsedCalendar Parse(TextReader text)
    {
        var problems = new List<(int Line, string Problem)>();
        var lines = new List<CalendarLine>();
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
        });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header ||
            !RequiredColumns.All(required => header.Any(h => h.Trim().Equals(required, StringComparison.OrdinalIgnoreCase))))
        {
            return new ParsedCalendar([], [(1, $"the first line must name the columns {Columns} (Body and Date are needed)")]);
        }

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var body = csv.GetField("body")?.Trim() ?? string.Empty;
            var kindText = Field(csv, "kind");
            var dateText = Field(csv, "date") ?? string.Empty;
            var statusText = Field(csv, "status");
            var notes = Field(csv, "notes");
            if (body.Length == 0 && dateText.Length == 0 && kindText is null)
            {
                continue;
            }

            var lineProblems = new List<string>();
            if (body.Length == 0)
            {
                lineProblems.Add("the body's name is missing");
            }
            else if (body.Length > GovernanceBody.MaxNameLength)
            {
                lineProblems.Add($"the body's name is longer than {GovernanceBody.MaxNameLength} characters");
            }

            BodyKind? kind = null;
            if (kindText is not null)
            {
                kind = ReadKind(kindText);
                if (kind is null)
                {
                    lineProblems.Add($"the kind '{kindText}' is not one of {string.Join(", ", Enum.GetValues<BodyKind>().Select(k => k.Display()))}");
                }
            }

            if (!DateOnly.TryParseExact(dateText, DateFormats, Formats.UkCulture, DateTimeStyles.None, out var date))
            {
                lineProblems.Add(dateText.Length == 0
                    ? "the date is missing"
                    : $"the date '{dateText}' is not a real date (write it as 2027-01-12 or 12/01/2027)");
            }

            var status = MeetingStatus.Scheduled;
            if (statusText is not null && (!Enum.TryParse(statusText, ignoreCase: true, out status) || !Enum.IsDefined(status) || int.TryParse(statusText, out _)))
            {
                lineProblems.Add($"the status '{statusText}' is not Scheduled, Held or Cancelled");
            }

            if (lineProblems.Count > 0)
            {
                problems.Add((line, string.Join("; ", lineProblems)));
            }
            else
            {
                lines.Add(new CalendarLine(line, body, kind, date, status, notes));
            }
        }

        if (problems.Count == 0 && lines.Count == 0)
        {
            problems.Add((2, "the file has no meetings"));
        }

        return new ParsedCalendar(lines, problems);
    }

    /// <summary>
    /// Adds the lines to the council's calendar: new bodies (which need a kind), new meetings, and
    /// the status and notes of meetings already there. Saves all or nothing: every problem, the
    /// file's own and those of its lines against the calendar, is named at once.
    /// </summary>
    public static async Task<CalendarImportResult> ApplyAsync(ConcordDbContext db, Guid authorityId, ParsedCalendar calendar, CancellationToken cancellationToken)
    {
        var bodies = await db.GovernanceBodies.OwnedBy(authorityId).Include(b => b.Meetings).ToListAsync(cancellationToken);
        var problems = calendar.Problems.ToList();
        var lines = calendar.Lines;
        int bodiesAdded = 0, meetingsAdded = 0, meetingsUpdated = 0;
        foreach (var line in lines)
        {
            try
            {
                var body = bodies.FirstOrDefault(b => string.Equals(b.Name, line.Body, StringComparison.OrdinalIgnoreCase));
                if (body is null)
                {
                    if (line.Kind is null)
                    {
                        problems.Add((line.Line, $"{line.Body} is a new body, so its kind is needed"));
                        continue;
                    }

                    body = GovernanceBody.Create(authorityId, line.Body, line.Kind, null);
                    bodies.Add(body);
                    db.GovernanceBodies.Add(body);
                    bodiesAdded++;
                }
                else if (line.Kind is { } kind && kind != body.Kind)
                {
                    problems.Add((line.Line, $"{body.Name} is a {body.Kind.Display()}, not a {kind.Display()}"));
                    continue;
                }

                var meeting = body.Meetings.FirstOrDefault(m => m.Date == line.Date);
                if (meeting is null)
                {
                    meeting = body.ScheduleMeeting(line.Date, line.Notes);
                    meeting.Change(line.Date, line.Status, line.Notes);
                    meetingsAdded++;
                }
                else if (meeting.Status != line.Status || (line.Notes is not null && meeting.Notes != line.Notes))
                {
                    meeting.Change(line.Date, line.Status, line.Notes ?? meeting.Notes);
                    meetingsUpdated++;
                }
            }
            catch (RuleViolationException violations)
            {
                problems.Add((line.Line, string.Join("; ", violations.Violations.Select(v => v.Message))));
            }
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new CalendarImportException(problems.OrderBy(p => p.Line).Select(p => $"Line {p.Line}: {p.Problem}").ToList());
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CalendarImportResult(bodiesAdded, meetingsAdded, meetingsUpdated);
    }

    private static string? Field(CsvReader csv, string name) =>
        csv.TryGetField<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static BodyKind? ReadKind(string text)
    {
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact.Equals("CLT", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.CorporateLeadershipTeam;
        }

        return Enum.GetValues<BodyKind>().Cast<BodyKind?>().FirstOrDefault(k =>
            k!.Value.ToString().Equals(compact, StringComparison.OrdinalIgnoreCase) ||
            k.Value.Display().Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
