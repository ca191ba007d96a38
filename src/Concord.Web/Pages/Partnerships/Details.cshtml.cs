using Concord.Core.Partnerships;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Partnerships;

[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(ConcordDbContext db, IAuthorizationService authorization) : ConcordPageModel
{
    public Partnership Partnership { get; private set; } = default!;

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        Partnership = partnership;
        CanChange = (await authorization.AuthorizeAsync(User, Policies.ProgrammeLead)).Succeeded;
        return Page();
    }
}
