using Concord.Core.Governance;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Governance;

[Authorize(Policy = Policies.Read)]
public sealed class BodyModel(ConcordDbContext db, IAuthorizationService authorization) : ConcordPageModel
{
    public GovernanceBody Body { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var body = await db.GovernanceBodies.Include(b => b.Meetings).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (body is null)
        {
            return NotFound();
        }

        Body = body;
        // A partner's body, shared because a joint milestone relies on it, is read here but changed only by its own council.
        CanEdit = body.AuthorityId == db.User.ActiveAuthorityId && (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }
}
