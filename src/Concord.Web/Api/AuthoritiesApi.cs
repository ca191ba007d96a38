using Concord.Core.Partnerships;
using Concord.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Api;

public sealed record AuthorityDto(Guid Id, string Name, string OnsCode, int DfeCode, string Area)
{
    public static AuthorityDto From(Authority a) => new(a.Id, a.Name, a.OnsCode, a.DfeCode, a.Area);
}

public static class AuthoritiesApi
{
    public static RouteGroupBuilder MapAuthoritiesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", List).WithName("ListAuthorities").WithSummary("Every authority Concord knows, with its ONS and DfE codes");
        group.MapGet("/{id:guid}", Get).WithName("GetAuthority").WithSummary("One authority");
        return group;
    }

    private static async Task<Ok<List<AuthorityDto>>> List(ConcordDbContext db, CancellationToken cancellationToken)
    {
        var authorities = await db.Authorities.OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(authorities.Select(AuthorityDto.From).ToList());
    }

    private static async Task<Results<Ok<AuthorityDto>, NotFound>> Get(Guid id, ConcordDbContext db, CancellationToken cancellationToken)
    {
        var authority = await db.Authorities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return authority is null ? TypedResults.NotFound() : TypedResults.Ok(AuthorityDto.From(authority));
    }
}
