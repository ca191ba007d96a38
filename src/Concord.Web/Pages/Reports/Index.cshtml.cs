using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Reports;

/// <summary>
/// The council's committee reports on the programme, and downloads of the risk log and the
/// milestone plan. A new report is drafted from live records, then edited and downloaded as Word.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ProgrammeReader reader, ConcordDbContext db, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public override string Section => "Reports";

    public IReadOnlyList<CommitteeReport> Reports { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Committees { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Scopes { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string Council { get; private set; } = string.Empty;

    [BindProperty]
    public NewReportInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await LoadAsync(partnershipId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var authority = Reader.Actor.AuthorityId!.Value;
        var committee = await db.GovernanceBodies.OwnedBy(authority).SingleOrDefaultAsync(b => b.Id == Choices.ReadGuid(Input.GovernanceBodyId), cancellationToken);
        var meetingDate = Input.MeetingDate.Read(ModelState, "Input.MeetingDate", "Meeting date");
        var optionId = Choices.ReadGuid(Input.Scope);
        if (Input.Scope is { Length: > 0 } && Input.Scope != "programme" && Scopes.All(s => s.Value != Input.Scope))
        {
            ModelState.AddModelError("Input.Scope", "Select the programme or one of its options");
        }

        var sections = await Reader.DraftSectionsAsync(View, committee?.Name ?? "committee", optionId, cancellationToken);
        var officer = await db.Users.Where(u => u.Id == Reader.Actor.UserId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        sections = sections with { OfficerName = officer?.DisplayName, OfficerJobTitle = "Programme lead", OfficerEmail = officer?.Email };
        return await SaveAsync(
            db,
            change: () =>
            {
                var report = CommitteeReport.Draft(authority, View.PartnershipId, committee, meetingDate, optionId, sections, Reader.Actor);
                db.CommitteeReports.Add(report);
                return Task.FromResult(report);
            },
            saved: saved =>
            {
                Notify("The report is drafted from the programme's records. Edit its text, then download it.");
                return Redirect($"/reports/{saved.Id}");
            },
            showLatest: () => Task.FromResult(true),
            "report",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(partnershipId, cancellationToken))
        {
            return false;
        }

        var authority = Reader.Actor.AuthorityId;
        Council = View.NameOf(authority);
        Reports = await db.CommitteeReports.OwnedBy(authority).Where(r => r.PartnershipId == partnershipId)
            .OrderByDescending(r => r.MeetingDate).ToListAsync(cancellationToken);
        Committees = Choices.WithPrompt("Choose a committee", (await db.GovernanceBodies.OwnedBy(authority).ToListAsync(cancellationToken))
            .OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.Ordinal).Select(b => new SelectListItem(b.Name, b.Id.ToString())));
        Scopes = [new SelectListItem("The whole programme", "programme"), .. (await Reader.OptionsAsync(View, cancellationToken)).Select(o => new SelectListItem(o.Title, o.Id.ToString()))];
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    public sealed class NewReportInput
    {
        public string? GovernanceBodyId { get; set; }

        public DateInput MeetingDate { get; set; } = new();

        public string? Scope { get; set; } = "programme";
    }
}
