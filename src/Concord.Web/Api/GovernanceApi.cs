using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Governance;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Api;

public sealed record MeetingDto(Guid Id, Guid GovernanceBodyId, DateOnly Date, MeetingStatus Status, string? Notes, Guid Version)
{
    public static MeetingDto From(Meeting m) => new(m.Id, m.GovernanceBodyId, m.Date, m.Status, m.Notes, m.Version);
}

public sealed record GovernanceBodyDto(Guid Id, Guid AuthorityId, string Name, BodyKind Kind, string? Remit, Guid Version, IReadOnlyList<MeetingDto> Meetings)
{
    public static GovernanceBodyDto From(GovernanceBody b) => new(b.Id, b.AuthorityId, b.Name, b.Kind, b.Remit, b.Version,
        b.Meetings.OrderBy(m => m.Date).Select(MeetingDto.From).ToList());
}

public sealed record GovernanceBodyRequest(string? Name, BodyKind? Kind, string? Remit, Guid? Version);

public sealed record MeetingRequest(DateOnly? Date, MeetingStatus? Status, string? Notes, Guid? Version);

/// <summary>The committees and meeting calendar of the authority the caller works for.</summary>
public static class GovernanceApi
{
    public static RouteGroupBuilder MapGovernanceApi(this RouteGroupBuilder group)
    {
        group.MapGet("/bodies", ListBodies).WithName("ListGovernanceBodies")
            .WithSummary("Your authority's decision-making and scrutiny bodies, with their meetings");
        group.MapGet("/bodies/{id:guid}", GetBody).WithName("GetGovernanceBody");
        group.MapPost("/bodies", CreateBody).WithName("CreateGovernanceBody").RequireAuthorization(Policies.Edit);
        group.MapPut("/bodies/{id:guid}", UpdateBody).WithName("UpdateGovernanceBody").RequireAuthorization(Policies.Edit);
        group.MapDelete("/bodies/{id:guid}", DeleteBody).WithName("DeleteGovernanceBody").RequireAuthorization(Policies.Edit)
            .WithSummary("Delete a body and its meetings; send ?version= with the version you read");
        group.MapPost("/bodies/{id:guid}/meetings", CreateMeeting).WithName("CreateMeeting").RequireAuthorization(Policies.Edit);
        group.MapPut("/meetings/{id:guid}", UpdateMeeting).WithName("UpdateMeeting").RequireAuthorization(Policies.Edit);
        group.MapDelete("/meetings/{id:guid}", DeleteMeeting).WithName("DeleteMeeting").RequireAuthorization(Policies.Edit);
        return group;
    }

    /// <summary>The council's own bodies: partners' bodies shared through a joint milestone are read on the milestone, not here.</summary>
    private static IQueryable<GovernanceBody> Bodies(ConcordDbContext db) => db.GovernanceBodies.OwnedBy(db.User.ActiveAuthorityId).Include(b => b.Meetings);

    private static async Task<Ok<List<GovernanceBodyDto>>> ListBodies(ConcordDbContext db, CancellationToken cancellationToken)
    {
        var bodies = await Bodies(db).OrderBy(b => b.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(bodies.Select(GovernanceBodyDto.From).ToList());
    }

    private static async Task<Results<Ok<GovernanceBodyDto>, NotFound>> GetBody(Guid id, ConcordDbContext db, CancellationToken cancellationToken)
    {
        var body = await Bodies(db).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return body is null ? TypedResults.NotFound() : TypedResults.Ok(GovernanceBodyDto.From(body));
    }

    private static async Task<Created<GovernanceBodyDto>> CreateBody(GovernanceBodyRequest request, ConcordDbContext db, IUserContext user, CancellationToken cancellationToken)
    {
        var authorityId = user.ActiveAuthorityId ?? throw new AccessDeniedException("Choose the authority you are working for.");
        var body = GovernanceBody.Create(authorityId, request.Name, request.Kind, request.Remit);
        await EnsureUniqueName(db, body, cancellationToken);
        db.GovernanceBodies.Add(body);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/governance/bodies/{body.Id}", GovernanceBodyDto.From(body));
    }

    private static async Task<Results<Ok<GovernanceBodyDto>, NotFound>> UpdateBody(Guid id, GovernanceBodyRequest request, ConcordDbContext db, CancellationToken cancellationToken)
    {
        var body = await Bodies(db).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (body is null)
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        body.Change(request.Name, request.Kind, request.Remit);
        await EnsureUniqueName(db, body, cancellationToken);
        db.ExpectVersion(body, version);
        db.Touch(body);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(GovernanceBodyDto.From(body));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteBody(Guid id, Guid? version, ConcordDbContext db, CancellationToken cancellationToken)
    {
        var body = await Bodies(db).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (body is null)
        {
            return TypedResults.NotFound();
        }

        await EnsureNotReliedOnAsync(db, db.MilestoneApprovals.Where(a => a.GovernanceBodyId == body.Id), cancellationToken);
        db.ExpectVersion(body, ConcordApi.RequireVersion(version));
        db.GovernanceBodies.Remove(body);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<MeetingDto>, NotFound>> CreateMeeting(Guid id, MeetingRequest request, ConcordDbContext db, CancellationToken cancellationToken)
    {
        var body = await Bodies(db).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (body is null)
        {
            return TypedResults.NotFound();
        }

        var meeting = body.ScheduleMeeting(request.Date, request.Notes);
        if (request.Status is { } status)
        {
            meeting.Change(meeting.Date, status, meeting.Notes);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/governance/meetings/{meeting.Id}", MeetingDto.From(meeting));
    }

    private static async Task<Results<Ok<MeetingDto>, NotFound>> UpdateMeeting(Guid id, MeetingRequest request, ConcordDbContext db, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.OwnedBy(db.User.ActiveAuthorityId).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        meeting.Change(request.Date, request.Status ?? meeting.Status, request.Notes);
        db.ExpectVersion(meeting, version);
        db.Touch(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeetingDto.From(meeting));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteMeeting(Guid id, Guid? version, ConcordDbContext db, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.OwnedBy(db.User.ActiveAuthorityId).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        await EnsureNotReliedOnAsync(db, db.MilestoneApprovals.Where(a => a.MeetingId == meeting.Id), cancellationToken);
        db.ExpectVersion(meeting, ConcordApi.RequireVersion(version));
        db.Meetings.Remove(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A body or meeting that a joint milestone's approval relies on cannot be deleted until the milestone changes.</summary>
    private static async Task EnsureNotReliedOnAsync(ConcordDbContext db, IQueryable<Core.Programme.MilestoneApproval> approvals, CancellationToken cancellationToken)
    {
        var milestone = await approvals.Join(db.Milestones, a => a.MilestoneId, m => m.Id, (a, m) => m.Description).FirstOrDefaultAsync(cancellationToken);
        if (milestone is not null)
        {
            throw new RuleViolationException([new("id", $"The joint milestone “{milestone}” relies on it for an approval. Change the milestone's approval first")]);
        }
    }

    /// <summary>Two bodies of one council cannot share a name (the calendar would be ambiguous).</summary>
    public static async Task EnsureUniqueName(ConcordDbContext db, GovernanceBody body, CancellationToken cancellationToken)
    {
        if (await db.GovernanceBodies.OwnedBy(body.AuthorityId).AnyAsync(b => b.Id != body.Id && b.Name == body.Name, cancellationToken))
        {
            throw new RuleViolationException([new("Name", $"Your authority already has a body called {body.Name}")]);
        }
    }
}
