using Concord.Core.Access;
using Concord.Core.Attention;
using Concord.Core.Partnerships;
using Concord.Data;
using Concord.Web.Infrastructure.Attention;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages;

/// <summary>Home: the person's authorities and roles, their partnerships, and what needs their attention.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ConcordDatabase database, ConcordDbContext db, IUserContext user, IEnumerable<IAttentionSource> sources, TimeProvider clock)
    : ConcordPageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public IReadOnlyList<(Authority Authority, IReadOnlyList<Role> Roles, bool WorkingFor)> Authorities { get; private set; } = [];

    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];

    public IReadOnlyList<AttentionItem> Attention { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await using (var system = database.OpenAsSystem())
        {
            DisplayName = user.DisplayName;
            var ids = user.AuthorityIds();
            var authorities = await system.Authorities.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
            Authorities = authorities
                .OrderBy(a => a.Name, StringComparer.Ordinal)
                .Select(a => (a, (IReadOnlyList<Role>)user.Grants.Where(g => g.AuthorityId == a.Id).Select(g => g.Role).Order().ToList(), a.Id == user.ActiveAuthorityId))
                .ToList();
        }

        Partnerships = await db.Partnerships.OrderBy(p => p.Name).ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var items = new List<AttentionItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.FindAsync(db, user, now, cancellationToken));
        }

        Attention = items.OrderByDescending(i => i.Level).ToList();
    }
}
