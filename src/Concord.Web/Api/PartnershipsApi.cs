using Concord.Core.Access;
using Concord.Core.Partnerships;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Api;

public sealed record PartnershipDto(Guid Id, string Name, DateOnly StartDate, Guid Version, IReadOnlyList<AuthorityDto> Members)
{
    public static PartnershipDto From(Partnership p) => new(p.Id, p.Name, p.StartDate, p.Version,
        p.Members.Select(m => AuthorityDto.From(m.Authority!)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList());
}

public sealed record PartnershipRequest(string? Name, DateOnly? StartDate, IReadOnlyList<Guid>? MemberAuthorityIds, Guid? Version);

public static class PartnershipsApi
{
    public static RouteGroupBuilder MapPartnershipsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", List).WithName("ListPartnerships").WithSummary("Partnerships the authority you work for belongs to, with their members");
        group.MapGet("/{id:guid}", Get).WithName("GetPartnership").WithSummary("One partnership with its members");
        group.MapPost("/", Create).WithName("CreatePartnership").RequireAuthorization(Policies.ProgrammeLead)
            .WithSummary("Create a partnership that includes the authority you work for");
        group.MapPut("/{id:guid}", Update).WithName("UpdatePartnership").RequireAuthorization(Policies.ProgrammeLead)
            .WithSummary("Change a partnership's name, start date or members; send the version you read");
        return group;
    }

    private static async Task<Ok<List<PartnershipDto>>> List(ConcordDbContext db, CancellationToken cancellationToken)
    {
        var partnerships = await db.Partnerships.OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(partnerships.Select(PartnershipDto.From).ToList());
    }

    private static async Task<Results<Ok<PartnershipDto>, NotFound>> Get(Guid id, ConcordDbContext db, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return partnership is null ? TypedResults.NotFound() : TypedResults.Ok(PartnershipDto.From(partnership));
    }

    private static async Task<Created<PartnershipDto>> Create(PartnershipRequest request, ConcordDbContext db, IUserContext user, CancellationToken cancellationToken)
    {
        var members = await KnownAuthorities(db, request.MemberAuthorityIds, cancellationToken);
        var partnership = Partnership.Create(request.Name, request.StartDate, members, user.ActiveAuthorityId);
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(cancellationToken);
        var saved = await db.Partnerships.SingleAsync(p => p.Id == partnership.Id, cancellationToken);
        return TypedResults.Created($"/api/partnerships/{saved.Id}", PartnershipDto.From(saved));
    }

    private static async Task<Results<Ok<PartnershipDto>, NotFound>> Update(Guid id, PartnershipRequest request, ConcordDbContext db, IUserContext user, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partnership is null)
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        var members = await KnownAuthorities(db, request.MemberAuthorityIds, cancellationToken);
        partnership.Change(request.Name, request.StartDate, members, user.ActiveAuthorityId);
        db.ExpectVersion(partnership, version);
        db.Touch(partnership);
        await db.SaveChangesAsync(cancellationToken);
        var saved = await db.Partnerships.SingleAsync(p => p.Id == id, cancellationToken);
        return TypedResults.Ok(PartnershipDto.From(saved));
    }

    /// <summary>The requested member ids, refusing any that is not a known authority.</summary>
    private static async Task<IReadOnlyCollection<Guid>> KnownAuthorities(ConcordDbContext db, IReadOnlyList<Guid>? ids, CancellationToken cancellationToken)
    {
        var requested = (ids ?? []).Distinct().ToList();
        var known = await db.Authorities.Where(a => requested.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var unknown = requested.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new Core.RuleViolationException([new("memberAuthorityIds", $"No authority has the id {string.Join(", ", unknown)}")]);
        }

        return known;
    }
}
