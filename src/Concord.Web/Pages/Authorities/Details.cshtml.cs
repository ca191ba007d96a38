using Concord.Core.Partnerships;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Authorities;

[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(ConcordDbContext db) : ConcordPageModel
{
    public Authority Authority { get; private set; } = default!;

    /// <summary>Partnerships this authority is in that the viewer's authority also belongs to.</summary>
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var authority = await db.Authorities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (authority is null)
        {
            return NotFound();
        }

        Authority = authority;
        Partnerships = await db.Partnerships.Where(p => p.Members.Any(m => m.AuthorityId == id)).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return Page();
    }
}
