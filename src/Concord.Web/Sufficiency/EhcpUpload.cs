using System.Globalization;
using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Sufficiency;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Sufficiency;

public sealed record EhcpUploadResult(Guid BatchId, int Records, int Replaced);

/// <summary>
/// Loads the council's own children with EHC plans from a CSV file, a line a child: every line is
/// checked first, and if any is wrong nothing is loaded and every problem is named with its line and
/// column. A good file replaces the council's previous load whole, in one transaction: its records
/// are deleted, the load's own (audited) record is added, and the rows are written in bulk.
/// </summary>
public static class EhcpUpload
{
    public const string Columns = "Reference,DateOfBirth,PrimaryNeed,Setting,ProvisionUrn,SettingName,SettingAreaCode,HomeLsoa,NeedsSpecialistPlace";

    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly string[] Required = ["Reference", "DateOfBirth", "PrimaryNeed", "Setting", "HomeLsoa", "NeedsSpecialistPlace"];

    /// <summary>Each column with what to put in it, as the upload page and the API document them.</summary>
    public static readonly IReadOnlyList<(string Column, string Meaning)> Documentation =
    [
        ("Reference", $"Your own reference for the child, never a name (up to {EhcpRecord.MaxReferenceLength} characters, each once in the file)"),
        ("DateOfBirth", "Written yyyy-MM-dd, like 2014-03-27; the child must be 0 to 25"),
        ("PrimaryNeed", $"The primary need as a code: {Needs.Codes}"),
        ("Setting", "Where they are educated now: Mainstream, Specialist, EarlyYears, FurtherEducation or NotInEducation"),
        ("ProvisionUrn (optional)", "The URN of the provision they attend, when it is in your council's register or a partner's"),
        ("SettingName (optional)", "The setting's name when it is not in a register, like an out-of-area independent school"),
        ("SettingAreaCode (optional)", "The ONS code of the area the setting is in, like E08000007; taken from the provision when a URN is given"),
        ("HomeLsoa", "The LSOA (2011) the child lives in, like E01005837: its centre point is where travel is measured from"),
        ("NeedsSpecialistPlace", "yes or no: whether the plan names a specialist place"),
    ];

    /// <summary>
    /// Checks every line of <paramref name="text"/>, then replaces the council's load with them in
    /// one transaction; or throws every problem, loading nothing and leaving the previous load as it was.
    /// </summary>
    public static async Task<EhcpUploadResult> ApplyAsync(ConcordDbContext db, ProvisionRegister register, TextReader text, string source, CancellationToken cancellationToken)
    {
        var user = db.User;
        if (await register.OwnCouncilAsync(cancellationToken) is not { } council || !user.Can(Capability.Edit))
        {
            throw new AccessDeniedException("Children's records are loaded only by their own council's staff who may edit.");
        }

        var asAt = register.Today;
        var lines = CsvUpload.Lines(text, Columns, Required, "a child");
        var codes = lines.Select(l => l.Fields["HomeLsoa"]?.ToUpperInvariant()).OfType<string>().Distinct().ToList();
        var centres = (await db.Lsoas.AsNoTracking().Where(l => codes.Contains(l.Code) && l.Latitude != null && l.Longitude != null)
                .Select(l => new { l.Code, l.Latitude, l.Longitude }).ToListAsync(cancellationToken))
            .ToDictionary(l => l.Code, l => new GeoPoint(l.Latitude!.Value, l.Longitude!.Value), StringComparer.Ordinal);
        var records = Check(lines, council, asAt, await ProvisionsByUrnAsync(db, register, council, cancellationToken), centres);

        var batch = EhcpBatch.Create(council.Id, synthetic: false, source, records.Count, null, null, asAt, register.Now, user.DisplayName);
        return await ReplaceAsync(db, council.Id, batch, records, cancellationToken);
    }

    /// <summary>
    /// Replaces the council's children with a new load in one transaction: the old records go, the
    /// load's record is saved (and audited), then its rows are written; all of it or none.
    /// </summary>
    public static async Task<EhcpUploadResult> ReplaceAsync(ConcordDbContext db, Guid councilId, EhcpBatch batch, IReadOnlyList<EhcpRecord> records, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var replaced = await db.EhcpRecords.OwnedBy(councilId).ExecuteDeleteAsync(cancellationToken);
        db.EhcpBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertLoadAsync(records.Select(r => r.InBatch(batch.Id)).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EhcpUploadResult(batch.Id, records.Count, replaced);
    }

    /// <summary>The provisions a URN may name: the council's own register first, then its partners'.</summary>
    private static async Task<Dictionary<int, Provision>> ProvisionsByUrnAsync(ConcordDbContext db, ProvisionRegister register, RegisterCouncil council, CancellationToken cancellationToken)
    {
        var readable = (await register.ReadableCouncilsAsync(cancellationToken)).Select(c => c.Id).ToList();
        var provisions = await db.Provisions.AsNoTracking().Where(p => p.Urn != null && readable.Contains(p.AuthorityId)).ToListAsync(cancellationToken);
        return provisions.GroupBy(p => p.Urn!.Value).ToDictionary(g => g.Key, g => g.OrderBy(p => p.AuthorityId == council.Id ? 0 : 1).First());
    }

    /// <summary>Every line as a record, or every problem of every line.</summary>
    private static List<EhcpRecord> Check(List<CsvUploadLine> lines, RegisterCouncil council, DateOnly asAt, Dictionary<int, Provision> provisions, Dictionary<string, GeoPoint> centres)
    {
        var problems = new List<string>();
        var records = new List<EhcpRecord>();
        var references = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (number, fields) in lines)
        {
            var lineProblems = new List<(string Column, string Message)>();
            DateOnly? born = null;
            if (fields["DateOfBirth"] is { } dateText)
            {
                born = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
                if (born is null)
                {
                    lineProblems.Add(("DateOfBirth", $"'{dateText}' is not a date written yyyy-MM-dd, like 2014-03-27"));
                }
            }

            var needText = fields["PrimaryNeed"];
            var need = Needs.Parse(needText);
            if (needText is not null && need is null)
            {
                lineProblems.Add(("PrimaryNeed", $"unknown need code \"{needText}\": use {Needs.Codes}"));
            }

            var settingText = fields["Setting"];
            var setting = SettingTypes.Parse(settingText);
            if (settingText is not null && setting is null)
            {
                lineProblems.Add(("Setting", $"unknown setting '{settingText}': use Mainstream, Specialist, EarlyYears, FurtherEducation or NotInEducation"));
            }

            Provision? provision = null;
            if (fields["ProvisionUrn"] is { } urnText)
            {
                if (!int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var urn))
                {
                    lineProblems.Add(("ProvisionUrn", $"'{urnText}' is not a URN, a 6-digit number like 106172"));
                }
                else if (!provisions.TryGetValue(urn, out provision))
                {
                    lineProblems.Add(("ProvisionUrn", $"no provision in {council.Name}'s register or its partners' has the URN {urn}"));
                }
            }

            bool? specialist = fields["NeedsSpecialistPlace"]?.ToLowerInvariant() switch
            {
                null => null,
                "yes" or "y" or "true" => true,
                "no" or "n" or "false" => false,
                _ => null,
            };
            if (specialist is null)
            {
                lineProblems.Add(("NeedsSpecialistPlace", fields["NeedsSpecialistPlace"] is { } given ? $"'{given}' is not yes or no" : "say yes or no: whether the plan names a specialist place"));
            }

            if (fields["Reference"] is { } reference && references.TryGetValue(reference, out var first))
            {
                lineProblems.Add(("Reference", $"line {first} already has the reference {reference}: each child once"));
            }

            var lsoa = fields["HomeLsoa"]?.ToUpperInvariant();
            GeoPoint? home = lsoa is not null && centres.TryGetValue(lsoa, out var centre) ? centre : null;
            if (lsoa is not null && home is null)
            {
                lineProblems.Add(("HomeLsoa", $"{lsoa} is not an LSOA (2011) with a centre point in the imported ONS lookup"));
            }

            try
            {
                var record = EhcpRecord.Create(council.Id, new EhcpDetails(
                    fields["Reference"], born, need, setting, provision?.Id, fields["SettingName"], fields["SettingAreaCode"] ?? provision?.AreaCode,
                    lsoa, home ?? (lsoa is null ? null : new GeoPoint(0, 0)), specialist ?? false, Synthetic: false), asAt);
                if (lineProblems.Count == 0)
                {
                    records.Add(record);
                    references[record.Reference] = number;
                }
            }
            catch (RuleViolationException broken)
            {
                // A value already refused above (a date not written yyyy-MM-dd, an unknown code) is named once.
                lineProblems.AddRange(broken.Violations
                    .GroupBy(v => v.Field).Select(g => g.First())
                    .Where(v => lineProblems.All(p => p.Column != v.Field) && !(v.Field == "DateOfBirth" && fields["DateOfBirth"] is not null && born is null)
                        && !(v.Field is "PrimaryNeed" or "Setting" && fields[v.Field] is not null))
                    .Select(v => (v.Field, ProvisionUpload.Lower(v.Message))));
            }

            problems.AddRange(lineProblems.Select(p => $"Line {number}, column {p.Column}: {p.Message}"));
        }

        if (problems.Count == 0 && records.Count == 0)
        {
            problems.Add("Line 2: the file has no children");
        }

        return problems.Count > 0 ? throw new CsvUploadException(problems) : records;
    }
}
