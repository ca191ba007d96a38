using Concord.Core;
using Concord.Core.Governance;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Governance;

/// <summary>Confirms and deletes a body (with its meetings) or a single meeting. Every deletion is audited.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class DeleteModel(ConcordDbContext db) : ConcordPageModel
{
    public string What { get; private set; } = string.Empty;

    public string BackUrl { get; private set; } = "/governance";

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        var record = await DescribeAsync(kind, id, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        Version = record.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        var record = await DescribeAsync(kind, id, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        if (await ReliedOnByAsync(record, cancellationToken) is { } milestone)
        {
            ModelState.AddModelError(string.Empty, $"The joint milestone “{milestone}” relies on this {(kind == "bodies" ? "body" : "meeting")} for an approval. Change the milestone's approval first.");
            return Invalid();
        }

        db.ExpectVersion(record, Version);
        db.Remove(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, $"Someone else changed the {What} after you opened this page. Check it before deleting it.");
            db.ChangeTracker.Clear();
            var latest = await DescribeAsync(kind, id, cancellationToken);
            if (latest is null)
            {
                return NotFound();
            }

            ModelState.Remove(nameof(Version));
            Version = latest.Version;
            return Invalid(StatusCodes.Status409Conflict);
        }

        Notify($"The {What} is deleted.");
        return Redirect(kind == "bodies" ? "/governance" : BackUrl);
    }

    /// <summary>A joint milestone whose approval is scheduled at this body or meeting, if any.</summary>
    private Task<string?> ReliedOnByAsync(Entity record, CancellationToken cancellationToken)
    {
        var approvals = record is GovernanceBody body
            ? db.MilestoneApprovals.Where(a => a.GovernanceBodyId == body.Id)
            : db.MilestoneApprovals.Where(a => a.MeetingId == record.Id);
        return approvals.Join(db.Milestones, a => a.MilestoneId, m => m.Id, (a, m) => m.Description).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<Entity?> DescribeAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        if (kind == "bodies")
        {
            var body = await db.GovernanceBodies.OwnedBy(db.User.ActiveAuthorityId).Include(b => b.Meetings).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
            if (body is not null)
            {
                What = $"body \u201c{body.Name}\u201d and its {body.Meetings.Count} meetings";
                BackUrl = $"/governance/bodies/{body.Id}";
            }

            return body;
        }

        var meeting = await db.Meetings.OwnedBy(db.User.ActiveAuthorityId).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is not null)
        {
            What = $"meeting on {Formats.Date(meeting.Date)}";
            BackUrl = $"/governance/bodies/{meeting.GovernanceBodyId}";
        }

        return meeting;
    }
}
