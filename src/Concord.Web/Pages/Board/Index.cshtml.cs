using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Board;

/// <summary>The programme board, which advises and decides nothing: its members, its meetings and the actions that are overdue.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ProgrammeReader reader, ConcordDbContext db, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public override string Section => "Board";

    public IReadOnlyList<BoardMember> Members { get; private set; } = [];

    public IReadOnlyList<BoardMeeting> Meetings { get; private set; } = [];

    public IReadOnlyList<(BoardAction Action, BoardMeeting Meeting)> Overdue { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        Today = Reader.Today;
        Members = await db.BoardMembersAsync(View.Programme.Id, cancellationToken);
        Meetings = await db.BoardMeetingsAsync(View.Programme.Id, cancellationToken);
        Overdue = Meetings.SelectMany(m => m.Actions.Where(a => a.IsOverdue(Today)).Select(a => (a, m)))
            .OrderBy(o => o.a.DueDate).ThenBy(o => o.a.Description, StringComparer.Ordinal).ToList();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }
}
