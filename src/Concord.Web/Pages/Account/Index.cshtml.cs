using Concord.Core.Access;
using Concord.Data;
using Concord.Data.Identity;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Account;

/// <summary>The person's own account: details, roles, password and personal access tokens.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ConcordDatabase database, ConcordDbContext db, UserManager<ConcordUser> users, IUserContext user, TimeProvider clock)
    : ConcordPageModel
{
    public ConcordUser Person { get; private set; } = default!;

    public bool HasPassword { get; private set; }

    public IReadOnlyList<(string Authority, Role Role)> Roles { get; private set; } = [];

    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await users.GetUserAsync(User);
        if (found is null)
        {
            return NotFound();
        }

        Person = found;
        HasPassword = await users.HasPasswordAsync(found);
        Now = clock.GetUtcNow();
        await using (var system = database.OpenAsSystem())
        {
            Roles = (await system.AuthorityGrants.Where(g => g.UserId == found.Id)
                    .Join(system.Authorities, g => g.AuthorityId, a => a.Id, (g, a) => new { a.Name, g.Role })
                    .ToListAsync(cancellationToken))
                .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Role)
                .Select(r => (r.Name, r.Role))
                .ToList();
        }

        // Tokens are filtered to their owner by the database context.
        Tokens = await db.PersonalAccessTokens.OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return NotFound();
        }

        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        Notify($"Token \u201c{token.Name}\u201d is revoked. Scripts using it can no longer call Concord.");
        return RedirectToPage();
    }

    public Guid? CurrentUserId => user.UserId;
}
