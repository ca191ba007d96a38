using System.Globalization;
using Concord.Core;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Sufficiency;

public sealed record ProvisionUploadResult(int Added, int Changed);

/// <summary>
/// Reads provisions for the register of the council worked for from CSV, a line each. Every line is
/// checked; if any is wrong nothing is saved and every problem is named with its line and column. A
/// line whose URN is already in the register changes that provision (keeping its planned changes and
/// notes); any other line adds one.
/// </summary>
public static class ProvisionUpload
{
    public const string Columns = "Urn,Name,Kind,AreaCode,Latitude,Longitude,AgeFrom,AgeTo,CommissionedPlaces,PhysicalPlaces,Needs,AnnualCostPerPlace,Opens,Closes";

    public const long MaxBytes = 1024 * 1024;

    /// <summary>The columns every file must name in its first line; the others may be left out.</summary>
    private static readonly string[] Required = ["Name", "Kind", "AreaCode", "AgeFrom", "AgeTo", "CommissionedPlaces", "PhysicalPlaces", "Needs"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];

    /// <summary>Each column with what to put in it, as the upload page and the API document them.</summary>
    public static readonly IReadOnlyList<(string Column, string Meaning)> Documentation =
    [
        ("Urn (optional)", "The setting's 6-digit URN on Get Information about Schools, like 106172. A URN already in your register changes that entry; otherwise the line adds one"),
        ("Name", "The provision's name, like Castle Hill High School or Bramhall High School resourced provision"),
        ("Kind", $"One of {string.Join(", ", ProvisionKinds.All)}"),
        ("AreaCode", "The ONS code of the local authority it stands in, like E08000007 for Stockport (another authority's for a setting outside your area)"),
        ("Latitude, Longitude", "Where it is, like 53.4106 and -2.1575. May be left blank when the URN is a school on GIAS: its location is taken from there"),
        ("AgeFrom, AgeTo", "The youngest and oldest ages it takes, 0 to 25"),
        ("CommissionedPlaces, PhysicalPlaces", "Whole numbers, at least 1: places your council commissions (or expects to buy) and places the buildings hold"),
        ("Needs", $"The needs it is designated for, as codes separated by semicolons, like ASD;SLD. Codes: {Needs.Codes}"),
        ("AnnualCostPerPlace (optional)", "The annual cost of a place in pounds, like 23500; blank for your council's default band for its kind"),
        ("Opens, Closes (optional)", "For a provision not open yet, or closing: dates written 2027-09-01"),
    ];

    /// <summary>
    /// Adds or changes a provision for every line of <paramref name="text"/> in the register of the
    /// council worked for and saves them together; or, if any line is wrong, saves nothing and throws
    /// every problem.
    /// </summary>
    public static async Task<ProvisionUploadResult> ApplyAsync(ConcordDbContext db, ProvisionRegister register, TextReader text, CancellationToken cancellationToken)
    {
        var own = register.WorkingFor ?? throw new Core.Access.AccessDeniedException("Choose the council you are working for before uploading to its register.");
        var problems = new List<string>();
        var lines = CsvUpload.Lines(text, Columns, Required, "a provision");
        var existing = await db.Provisions.OwnedBy(own).Where(p => p.Urn != null).ToListAsync(cancellationToken);
        var byUrn = existing.ToDictionary(p => p.Urn!.Value);
        var seen = new Dictionary<int, int>();
        int added = 0, changed = 0;
        foreach (var (line, values) in lines)
        {
            var lineProblems = new List<(string Column, string Message)>();

            int? Whole(string column, string what)
            {
                var value = values[column];
                if (value is null)
                {
                    return null;
                }

                if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                lineProblems.Add((column, $"'{value}' is not {what}, a whole number"));
                return null;
            }

            double? Degrees(string column)
            {
                var value = values[column];
                if (value is null)
                {
                    return null;
                }

                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                lineProblems.Add((column, $"'{value}' is not a number of degrees, like 53.41"));
                return null;
            }

            DateOnly? Date(string column)
            {
                var value = values[column];
                if (value is null)
                {
                    return null;
                }

                if (DateOnly.TryParseExact(value, DateFormats, Formats.UkCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                lineProblems.Add((column, $"'{value}' is not a date written like 2027-09-01"));
                return null;
            }

            var urn = Whole("Urn", "a URN");
            var kindText = values["Kind"];
            var kind = ProvisionKinds.Parse(kindText);
            if (kindText is not null && kind is null)
            {
                lineProblems.Add(("Kind", $"unknown kind '{kindText}': use one of {string.Join(", ", ProvisionKinds.All)}"));
            }

            var needs = new List<NeedType>();
            foreach (var code in (values["Needs"] ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Needs.Parse(code) is { } need)
                {
                    needs.Add(need);
                }
                else
                {
                    lineProblems.Add(("Needs", $"unknown need code \"{code}\": use {Needs.Codes}, separated by semicolons"));
                }
            }

            decimal? cost = null;
            if (values["AnnualCostPerPlace"] is { } costText)
            {
                cost = AmountInput.TryParse(costText, out var amount) ? amount : null;
                if (cost is null)
                {
                    lineProblems.Add(("AnnualCostPerPlace", $"'{costText}' is not an amount in pounds, like 23500"));
                }
            }

            var (latitude, longitude) = (Degrees("Latitude"), Degrees("Longitude"));
            var (ageFrom, ageTo) = (Whole("AgeFrom", "an age"), Whole("AgeTo", "an age"));
            var (commissioned, physical) = (Whole("CommissionedPlaces", "a number of places"), Whole("PhysicalPlaces", "a number of places"));
            var (opens, closes) = (Date("Opens"), Date("Closes"));
            if (urn is { } u && seen.TryGetValue(u, out var first))
            {
                lineProblems.Add(("Urn", $"line {first} already gives the URN {u}"));
            }

            var provision = urn is { } known ? byUrn.GetValueOrDefault(known) : null;
            var details = new ProvisionDetails(urn, values["Name"], kind, values["AreaCode"], null, latitude, longitude, ageFrom, ageTo, commissioned, physical,
                needs, cost, opens, closes, provision?.PlannedChanges ?? [], provision?.Notes);
            try
            {
                // Checked with the problems found in the line's text, so that every problem of the line is named at once.
                await register.ApplyAsync(provision, details, cancellationToken, [.. lineProblems.Select(p => new RuleViolation(p.Column, p.Message))]);
                (added, changed) = provision is null ? (added + 1, changed) : (added, changed + 1);
                if (urn is { } saved)
                {
                    seen[saved] = line;
                }
            }
            catch (RuleViolationException violations)
            {
                var order = Columns.Split(',').ToList();
                lineProblems = violations.Violations.OrderBy(v => order.IndexOf(v.Field) is var i and >= 0 ? i : order.Count)
                    .Select(v => (v.Field, Lower(v.Message))).ToList();
            }

            problems.AddRange(lineProblems.Select(p => $"Line {line}, column {p.Column}: {p.Message}"));
        }

        if (problems.Count == 0 && added + changed == 0)
        {
            problems.Add("Line 2: the file has no provisions");
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new CsvUploadException(problems);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ProvisionUploadResult(added, changed);
    }

    public static string Lower(string message) => message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..];
}
