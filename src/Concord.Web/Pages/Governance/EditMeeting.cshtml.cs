using Concord.Core;
using Concord.Core.Governance;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Governance;

/// <summary>Add a meeting to a body (/governance/bodies/{bodyId}/meetings/new) or change one (/governance/meetings/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditMeetingModel(ConcordDbContext db) : ConcordPageModel
{
    public static readonly IReadOnlyList<SelectListItem> Statuses =
        Enum.GetValues<MeetingStatus>().Select(s => new SelectListItem(s.ToString(), s.ToString())).ToList();

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public GovernanceBody Body { get; private set; } = default!;

    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? bodyId, CancellationToken cancellationToken)
    {
        var (body, meeting) = await FindAsync(id, bodyId, cancellationToken);
        if (body is null)
        {
            return NotFound();
        }

        Body = body;
        Id = meeting?.Id;
        Input = meeting is null ? new MeetingInput() : MeetingInput.From(meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, Guid? bodyId, CancellationToken cancellationToken)
    {
        var (body, meeting) = await FindAsync(id, bodyId, cancellationToken);
        if (body is null)
        {
            return NotFound();
        }

        Body = body;
        Id = meeting?.Id;
        var date = Input.Date.Read(ModelState, "Input.Date", "Date of the meeting");
        var status = Enum.TryParse<MeetingStatus>(Input.Status, out var parsed) ? parsed : (MeetingStatus?)null;
        return await SaveAsync(
            db,
            change: () =>
            {
                if (meeting is null)
                {
                    meeting = body.ScheduleMeeting(date, Input.Notes);
                    meeting.Change(date, status, Input.Notes);
                }
                else
                {
                    meeting.Change(date, status, Input.Notes);
                    db.ExpectVersion(meeting, Input.Version);
                    db.Touch(meeting);
                }

                return Task.FromResult(meeting);
            },
            saved: saved =>
            {
                Notify($"Meeting on {Formats.Date(saved.Date)} is saved.");
                return Redirect($"/governance/bodies/{body.Id}");
            },
            showLatest: async () =>
            {
                var latest = await db.Meetings.OwnedBy(db.User.ActiveAuthorityId).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
                Input = latest is null ? Input : MeetingInput.From(latest);
                return latest is not null;
            },
            "meeting",
            cancellationToken);
    }

    private async Task<(GovernanceBody? Body, Meeting? Meeting)> FindAsync(Guid? id, Guid? bodyId, CancellationToken cancellationToken)
    {
        Meeting? meeting = null;
        if (id is not null)
        {
            meeting = await db.Meetings.OwnedBy(db.User.ActiveAuthorityId).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (meeting is null)
            {
                return (null, null);
            }

            bodyId = meeting.GovernanceBodyId;
        }

        var body = await db.GovernanceBodies.OwnedBy(db.User.ActiveAuthorityId).Include(b => b.Meetings).SingleOrDefaultAsync(b => b.Id == bodyId, cancellationToken);
        return (body, meeting is null ? null : body?.Meetings.Single(m => m.Id == meeting.Id));
    }

    public sealed class MeetingInput
    {
        public DateInput Date { get; set; } = new();

        public string? Status { get; set; } = nameof(MeetingStatus.Scheduled);

        public string? Notes { get; set; }

        public Guid Version { get; set; }

        public static MeetingInput From(Meeting m) =>
            new() { Date = DateInput.From(m.Date), Status = m.Status.ToString(), Notes = m.Notes, Version = m.Version };
    }
}
