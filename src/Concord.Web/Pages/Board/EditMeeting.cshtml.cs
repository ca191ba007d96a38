using Concord.Core;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Board;

/// <summary>Adds a board meeting (/programme/{partnershipId}/board/meetings/new) or changes one (/board/meetings/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditMeetingModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public override string Section => "Board";

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, meeting) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        Input = meeting is null ? new MeetingInput() : MeetingInput.From(meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, meeting) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        var date = Input.Date.Read(ModelState, "Input.Date", "Date of the meeting");
        return await SaveAsync(
            db,
            change: () =>
            {
                if (meeting is null)
                {
                    meeting = BoardMeeting.Create(View.Programme, date, Input.Location, Input.Notes);
                    db.BoardMeetings.Add(meeting);
                }
                else
                {
                    meeting.Change(date, Input.Location, Input.Notes);
                    db.ExpectVersion(meeting, Input.Version);
                    db.Touch(meeting);
                }

                return Task.FromResult(meeting);
            },
            saved: saved =>
            {
                Notify($"The board meeting of {Formats.Date(saved.Date)} is saved.");
                return Redirect($"/board/meetings/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await db.BoardMeetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
                Input = latest is null ? Input : MeetingInput.From(latest);
                return latest is not null;
            },
            "board meeting",
            cancellationToken);
    }

    private async Task<(bool Found, BoardMeeting? Record)> FindAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var found = await LoadNewOrExistingAsync(partnershipId, id, db.BoardMeetings, cancellationToken);
        return found;
    }

    public sealed class MeetingInput
    {
        public DateInput Date { get; set; } = new();

        public string? Location { get; set; }

        public string? Notes { get; set; }

        public Guid Version { get; set; }

        public static MeetingInput From(BoardMeeting m) => new()
        {
            Date = DateInput.From(m.Date),
            Location = m.Location,
            Notes = m.Notes,
            Version = m.Version,
        };
    }
}
