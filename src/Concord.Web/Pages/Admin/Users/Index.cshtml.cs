using Concord.Core.Access;
using Concord.Data;
using Concord.Data.Identity;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Admin.Users;

public sealed record PersonRow(ConcordUser User, IReadOnlyList<Role> Roles);

/// <summary>The people who hold roles in the administrator's authority (grants are scoped to it).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(ConcordDbContext db, TimeProvider clock) : ConcordPageModel
{
    public IReadOnlyList<PersonRow> People { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var grants = await db.AuthorityGrants.ToListAsync(cancellationToken);
        var ids = grants.Select(g => g.UserId).Distinct().ToList();
        var users = await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        People = users
            .OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Select(u => new PersonRow(u, grants.Where(g => g.UserId == u.Id).Select(g => g.Role).Order().ToList()))
            .ToList();
    }
}
