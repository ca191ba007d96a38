using Concord.Core;
using Concord.Core.Governance;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Milestones;

/// <summary>
/// One milestone, with the approvals it needs from each council. Each council names its own body
/// and meeting here; Concord checks them against the milestone's date and against each other.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(ProgrammeReader reader, ConcordDbContext db, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public override string Section => "Milestones";

    public MilestoneView Milestone { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public string Council { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> Bodies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Meetings { get; private set; } = [];

    [BindProperty]
    public ApprovalInput Approval { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var own = Milestone.Approvals.FirstOrDefault(a => a.Approval.AuthorityId == Reader.Actor.AuthorityId);
        Approval = new ApprovalInput { GovernanceBodyId = own?.Approval.GovernanceBodyId.ToString(), MeetingId = own?.Approval.MeetingId?.ToString() };
        return Page();
    }

    public async Task<IActionResult> OnPostSetApprovalAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var authority = Reader.Actor.AuthorityId!.Value;
        var bodyId = Choices.ReadGuid(Approval.GovernanceBodyId);
        var meetingId = Choices.ReadGuid(Approval.MeetingId);
        var body = await db.GovernanceBodies.OwnedBy(authority).SingleOrDefaultAsync(b => b.Id == bodyId, cancellationToken);
        var meeting = meetingId is null ? null : await db.Meetings.OwnedBy(authority).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meetingId is not null && meeting is null)
        {
            ModelState.AddModelError("Approval.MeetingId", "Select one of your council's meetings");
            return Invalid();
        }

        try
        {
            Milestone.Milestone.RequireApproval(authority, body, meeting, View.Members);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (RuleViolationException violations)
        {
            return Invalid(violations, "Approval");
        }

        Notify($"{Council}'s approval is set{(meeting is null ? string.Empty : $": {body!.Name} on {Formats.Date(meeting.Date)}")}.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveApprovalAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (Milestone.Milestone.RemoveApproval(Reader.Actor.AuthorityId!.Value) is { } removed)
        {
            db.Remove(removed);
            await db.SaveChangesAsync(cancellationToken);
            Notify($"The milestone no longer needs {Council}'s approval.");
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var programmeId = await db.Milestones.Where(m => m.Id == id).Select(m => (Guid?)m.ProgrammeId).SingleOrDefaultAsync(cancellationToken);
        if (programmeId is not { } p || !await LoadProgrammeAsync(p, cancellationToken))
        {
            return false;
        }

        Milestone = (await Reader.MilestonesAsync(View, null, cancellationToken)).Single(m => m.Milestone.Id == id);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        var authority = Reader.Actor.AuthorityId;
        Council = View.NameOf(authority);
        var bodies = await db.GovernanceBodies.OwnedBy(authority).Include(b => b.Meetings).ToListAsync(cancellationToken);
        Bodies = Choices.WithPrompt("Choose a body", bodies.OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.Ordinal)
            .Select(b => new SelectListItem(b.Name, b.Id.ToString())));
        Meetings = Choices.WithPrompt("Not scheduled yet", bodies
            .SelectMany(b => b.Meetings.Where(m => m.Status != MeetingStatus.Cancelled && m.Date >= Reader.Today.AddYears(-5)).Select(m => (Body: b, Meeting: m)))
            .OrderBy(x => x.Meeting.Date)
            .Select(x => new SelectListItem($"{x.Body.Name}, {Formats.Date(x.Meeting.Date)}", x.Meeting.Id.ToString())));
        return true;
    }

    public sealed class ApprovalInput
    {
        public string? GovernanceBodyId { get; set; }

        public string? MeetingId { get; set; }
    }
}
