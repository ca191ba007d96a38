using Concord.Core.Access;
using Concord.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Api;

public sealed record GrantDto(Guid AuthorityId, string Authority, Role Role);

public sealed record MeDto(Guid Id, string Email, string DisplayName, Guid? WorkingForAuthorityId, IReadOnlyList<GrantDto> Grants);

public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", GetMe).WithName("GetMe").WithSummary("The signed-in person, their roles and the authority they are working for");
        return group;
    }

    private static async Task<Results<Ok<MeDto>, NotFound>> GetMe(ConcordDatabase database, IUserContext user, CancellationToken cancellationToken)
    {
        // Someone's own grants span authorities, so they are read outside the authority scope.
        await using var db = database.OpenAsSystem();
        var me = await db.Users.SingleOrDefaultAsync(u => u.Id == user.UserId, cancellationToken);
        if (me is null)
        {
            return TypedResults.NotFound();
        }

        var grants = await db.AuthorityGrants.Where(g => g.UserId == me.Id)
            .Join(db.Authorities, g => g.AuthorityId, a => a.Id, (g, a) => new GrantDto(a.Id, a.Name, g.Role))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new MeDto(me.Id, me.Email ?? string.Empty, me.DisplayName, user.ActiveAuthorityId,
            grants.OrderBy(g => g.Authority, StringComparer.Ordinal).ThenBy(g => g.Role).ToList()));
    }
}
