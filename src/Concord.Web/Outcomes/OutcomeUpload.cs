using System.Globalization;
using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Outcomes;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Outcomes;

/// <summary>An uploaded file of values that cannot be saved: every problem, each naming its line and column.</summary>
public sealed class OutcomeUploadException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

public sealed record OutcomeUploadResult(int Added, int Changed);

/// <summary>
/// Reads a council's values of the framework's indicators from CSV, one line a value: columns
/// Indicator, Council (optional: the council you work for), Period, PeriodEnd, Value and Note
/// (optional). Every line is checked; if any is wrong, nothing is saved and every problem is named
/// with its line and column. A value for a period end already recorded replaces it.
/// </summary>
public static class OutcomeUpload
{
    public const string Columns = "Indicator, Council, Period, PeriodEnd, Value, Note";

    public const long MaxBytes = 1024 * 1024;

    /// <summary>Each column with what to put in it, as the upload page and the API document them.</summary>
    public static readonly IReadOnlyList<(string Column, string Meaning)> Documentation =
    [
        ("Indicator", "The indicator's name as the framework shows it, for example Schools with a named Team Around the School"),
        ("Council (optional)", "Your council's name or ONS code, for example Stockport or E08000007; left out, the council you work for. You can upload only your own council's values"),
        ("Period", "The period as you report it, for example Autumn term 2025 or 2024/25"),
        ("PeriodEnd", "The last day of the period, for example 2025-12-31 or 31/12/2025: it orders the trend, and a value for a period end already recorded is replaced"),
        ("Value", "A number, for example 72.5 (no unit)"),
        ("Note (optional)", "Anything to note about the value"),
    ];

    private static readonly string[] Required = ["indicator", "period", "periodend", "value"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d MMMM yyyy", "d MMM yyyy"];

    private static readonly IReadOnlyDictionary<string, string> ColumnOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Council"] = "Council",
        ["Period"] = "Period",
        ["PeriodEnd"] = "PeriodEnd",
        ["Value"] = "Value",
        ["Note"] = "Note",
    };

    /// <summary>
    /// Records every line of <paramref name="text"/> for the council worked for, in the framework,
    /// and saves them together; or, if any line is wrong, saves nothing and throws every problem.
    /// </summary>
    public static async Task<OutcomeUploadResult> ApplyAsync(ConcordDbContext db, OutcomesReader reader, FrameworkView framework, TextReader text, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var seen = new Dictionary<(Guid, DateOnly), int>();
        int added = 0, changed = 0;
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
        });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header ||
            Required.FirstOrDefault(r => !header.Any(h => h.Replace(" ", string.Empty, StringComparison.Ordinal).Equals(r, StringComparison.OrdinalIgnoreCase))) is not null)
        {
            throw new OutcomeUploadException([$"Line 1: the first line must name the columns {Columns} (Indicator, Period, PeriodEnd and Value are needed)"]);
        }

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string? Field(string name) => csv.TryGetField<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            var (name, council, period, end, number, note) = (Field("indicator"), Field("council"), Field("period"), Field("periodend"), Field("value"), Field("note"));
            if (name is null && council is null && period is null && end is null && number is null)
            {
                continue;
            }

            var lineProblems = new List<string>();
            void Problem(string column, string message) => lineProblems.Add($"Line {line}, column {column}: {message}");
            var indicator = name is null ? null : framework.Indicators.FirstOrDefault(i => string.Equals(i.Indicator.Name, name, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                Problem("Indicator", "the indicator's name is missing");
            }
            else if (indicator is null)
            {
                Problem("Indicator", $"'{name}' is not an indicator of the framework");
            }
            else if (indicator.Indicator.IsImported)
            {
                Problem("Indicator", $"{indicator.Indicator.Name} is read from published data, so its values cannot be uploaded");
                indicator = null;
            }

            var authorityId = reader.WorkingFor ?? Guid.Empty;
            if (council is not null)
            {
                var named = framework.Partnership.Partnership.Members.FirstOrDefault(m =>
                    string.Equals(m.Authority!.Name, council, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Authority.OnsCode, council, StringComparison.OrdinalIgnoreCase));
                if (named is null)
                {
                    Problem("Council", $"'{council}' is not a council of the partnership");
                }
                else if (named.AuthorityId != authorityId)
                {
                    Problem("Council", $"you can upload values only for {framework.Partnership.NameOf(authorityId)}, the council you work for, not {named.Authority!.Name}");
                }
            }

            DateOnly? periodEnd = null;
            if (end is not null)
            {
                periodEnd = DateOnly.TryParseExact(end, DateFormats, Formats.UkCulture, DateTimeStyles.None, out var date) ? date : null;
                if (periodEnd is null)
                {
                    Problem("PeriodEnd", $"'{end}' is not a date (write it as 2025-12-31 or 31/12/2025)");
                }
            }

            var value = NumberInput.Read(number);
            if (number is not null && value is null)
            {
                Problem("Value", $"'{number}' is not a number");
            }

            if (indicator is not null && periodEnd is { } key && seen.TryGetValue((indicator.Id, key), out var first))
            {
                Problem("PeriodEnd", $"line {first} already gives {indicator.Indicator.Name} for the period ending {Formats.Date(key)}");
            }

            if (lineProblems.Count == 0 && indicator is not null)
            {
                try
                {
                    var tracked = db.OutcomeValues.Local.Count;
                    var recorded = reader.Record(framework, indicator, authorityId, new ValueDetails(period, periodEnd, value, note));
                    (added, changed) = db.OutcomeValues.Local.Count > tracked ? (added + 1, changed) : (added, changed + 1);
                    seen[(indicator.Id, recorded.PeriodEnd)] = line;
                }
                catch (RuleViolationException violations)
                {
                    lineProblems.AddRange(violations.Violations.Select(v => $"Line {line}, column {ColumnOf.GetValueOrDefault(v.Field, v.Field)}: {Lower(v.Message)}"));
                }
                catch (AccessDeniedException denied)
                {
                    Problem("Council", Lower(denied.Message));
                }
            }

            problems.AddRange(lineProblems);
        }

        if (problems.Count == 0 && added + changed == 0)
        {
            problems.Add("Line 2: the file has no values");
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new OutcomeUploadException(problems);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new OutcomeUploadResult(added, changed);
    }

    private static string Lower(string message) => message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..];
}
