using Concord.Core.Auditing;
using Concord.Data;
using Concord.Web.Pages.Admin.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concord.Web.Api;

public sealed record AuditEntryDto(Guid Id, DateTimeOffset When, string Actor, Guid? AuthorityId, AuditAction Action, string Entity, string EntityKey, string Changes)
{
    public static AuditEntryDto From(AuditEntry a) => new(a.Id, a.When, a.Actor, a.AuthorityId, a.Action, a.Entity, a.EntityKey, a.Changes);
}

public sealed record AuditPageDto(int Page, int PageSize, int Total, IReadOnlyList<AuditEntryDto> Entries);

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", Search).WithName("SearchAuditTrail")
            .WithSummary("Search your authority's audit trail (administrators): text, entity, action, from and to dates, page");
        return group;
    }

    private static async Task<Ok<AuditPageDto>> Search([AsParameters] AuditSearch search, ConcordDbContext db, CancellationToken cancellationToken)
    {
        var result = await search.RunAsync(db, cancellationToken);
        return TypedResults.Ok(new AuditPageDto(result.Page, AuditSearch.PageSize, result.Total, result.Entries.Select(AuditEntryDto.From).ToList()));
    }
}
