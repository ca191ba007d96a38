using Concord.Core.Partnerships;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Partnerships;

/// <summary>The partnerships the authority being worked for belongs to.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ConcordDbContext db, IAuthorizationService authorization) : ConcordPageModel
{
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Partnerships = await db.Partnerships.OrderBy(p => p.Name).ToListAsync(cancellationToken);
        CanCreate = (await authorization.AuthorizeAsync(User, Policies.ProgrammeLead)).Succeeded;
    }
}
