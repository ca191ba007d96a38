using Concord.Core.Partnerships;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Authorities;

/// <summary>Reference data: every authority Concord knows, with its codes. Visible to every signed-in member of staff.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ConcordDbContext db) : ConcordPageModel
{
    public IReadOnlyList<Authority> Authorities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Authorities = await db.Authorities.OrderBy(a => a.Name).ToListAsync(cancellationToken);
}
