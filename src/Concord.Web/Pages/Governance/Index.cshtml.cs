using Concord.Core.Governance;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Governance;

/// <summary>The committees and meeting calendar of the authority being worked for: its own record.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ConcordDbContext db, IAuthorizationService authorization, TimeProvider clock) : ConcordPageModel
{
    public IReadOnlyList<GovernanceBody> Bodies { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Bodies = (await db.GovernanceBodies.OwnedBy(db.User.ActiveAuthorityId).Include(b => b.Meetings).ToListAsync(cancellationToken))
            .OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.Ordinal).ToList();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
    }

    public Meeting? NextMeeting(GovernanceBody body) =>
        body.Meetings.Where(m => m.Date >= Today && m.Status == MeetingStatus.Scheduled).MinBy(m => m.Date);
}
