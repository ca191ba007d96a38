using Concord.Core.Access;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure;

/// <summary>What the layout shows around every page: the person, who they work for, and the areas they may open.</summary>
public sealed record LayoutView(
    string? DisplayName,
    Guid? WorkingForId,
    string? WorkingForName,
    IReadOnlyList<(Guid Id, string Name)> Authorities,
    IReadOnlyList<NavigationArea> Areas);

public sealed class LayoutContext(ConcordDatabase database, IUserContext user, IHttpContextAccessor accessor, IAuthorizationService authorization)
{
    private LayoutView? _view;

    public async Task<LayoutView> GetAsync()
    {
        if (_view is not null)
        {
            return _view;
        }

        var principal = accessor.HttpContext?.User;
        if (user.UserId is null || principal is null)
        {
            return _view = new LayoutView(null, null, null, [], []);
        }

        await using var db = database.OpenAsSystem();
        var name = user.DisplayName;
        var ids = user.AuthorityIds();
        var authorities = (await db.Authorities.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync())
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => (a.Id, a.Name))
            .ToList();

        var areas = new List<NavigationArea>();
        foreach (var area in Navigation.Areas)
        {
            if ((await authorization.AuthorizeAsync(principal, area.Policy)).Succeeded)
            {
                areas.Add(area);
            }
        }

        var working = authorities.FirstOrDefault(a => a.Id == user.ActiveAuthorityId);
        return _view = new LayoutView(name, user.ActiveAuthorityId, working.Name, authorities, areas);
    }
}
