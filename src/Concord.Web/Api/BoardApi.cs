using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Api;

public sealed record BoardMemberDto(Guid Id, string Name, string? JobTitle, AuthorityRef Council, BoardRole Role, bool Active, Guid Version)
{
    public static BoardMemberDto From(BoardMember m, ProgrammeView view) =>
        new(m.Id, m.Name, m.JobTitle, new AuthorityRef(m.AuthorityId, view.NameOf(m.AuthorityId)), m.Role, m.Active, m.Version);
}

/// <summary>An agenda item and the board's advice on it: advice only, never a decision.</summary>
public sealed record AgendaItemDto(Guid Id, Guid MeetingId, int Number, string Title, Guid? OptionId, string? Advice, Guid Version)
{
    public static AgendaItemDto From(AgendaItem i) => new(i.Id, i.BoardMeetingId, i.Number, i.Title, i.OptionId, i.Advice, i.Version);
}

public sealed record BoardActionDto(
    Guid Id, Guid MeetingId, string Description, string Owner, AuthorityRef? OwnerCouncil, DateOnly DueDate, ActionStatus Status, DateOnly? CompletedOn, bool Overdue, Guid Version)
{
    public static BoardActionDto From(BoardAction a, ProgrammeView view, DateOnly today) => new(a.Id, a.BoardMeetingId, a.Description, a.Owner,
        a.OwnerAuthorityId is { } council ? new AuthorityRef(council, view.NameOf(council)) : null, a.DueDate, a.Status, a.CompletedOn, a.IsOverdue(today), a.Version);
}

public sealed record BoardMeetingDto(
    Guid Id, DateOnly Date, string? Location, string? Notes, IReadOnlyList<AgendaItemDto> AgendaItems, IReadOnlyList<BoardActionDto> Actions, Guid Version)
{
    public static BoardMeetingDto From(BoardMeeting m, ProgrammeView view, DateOnly today) => new(m.Id, m.Date, m.Location, m.Notes,
        m.AgendaItems.OrderBy(i => i.Number).Select(AgendaItemDto.From).ToList(),
        m.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.Description, StringComparer.Ordinal).Select(a => BoardActionDto.From(a, view, today)).ToList(),
        m.Version);
}

/// <summary>The programme board of a partnership's programme: its members, and its meetings latest first.</summary>
public sealed record BoardDto(Guid ProgrammeId, Guid PartnershipId, IReadOnlyList<BoardMemberDto> Members, IReadOnlyList<BoardMeetingDto> Meetings);

/// <summary>A new member is on the board; <c>Active</c> is read when a member is changed.</summary>
public sealed record BoardMemberRequest(string? Name, string? JobTitle, Guid? AuthorityId, BoardRole? Role, bool? Active, Guid? Version);

public sealed record BoardMeetingRequest(DateOnly? Date, string? Location, string? Notes, Guid? Version);

public sealed record AgendaItemRequest(string? Title, Guid? OptionId);

public sealed record AdviceRequest(string? Advice, Guid? Version);

public sealed record BoardActionRequest(
    string? Description, string? Owner, Guid? OwnerAuthorityId, DateOnly? DueDate, ActionStatus? Status, DateOnly? CompletedOn, Guid? Version);

/// <summary>
/// The programme board, which advises and decides nothing: members, meetings, agenda items with
/// the board's advice, and actions.
/// </summary>
public static class BoardApi
{
    private const string Tag = "Programme board";

    public static void MapBoardApi(this RouteGroupBuilder api)
    {
        var partnership = api.MapGroup("/partnerships/{partnershipId:guid}/board").WithTags(Tag);
        partnership.MapGet("/", GetBoard).WithName("GetBoard").WithSummary("The board's members, and its meetings with their agenda items and actions");
        partnership.MapPost("/members", CreateMember).WithName("CreateBoardMember").RequireAuthorization(Policies.Edit);
        partnership.MapPost("/meetings", CreateMeeting).WithName("CreateBoardMeeting").RequireAuthorization(Policies.Edit);

        var board = api.MapGroup("/board").WithTags(Tag);
        board.MapPut("/members/{id:guid}", UpdateMember).WithName("UpdateBoardMember").RequireAuthorization(Policies.Edit);
        board.MapGet("/meetings/{id:guid}", GetMeeting).WithName("GetBoardMeeting").WithSummary("A board meeting with its agenda items and actions");
        board.MapPut("/meetings/{id:guid}", UpdateMeeting).WithName("UpdateBoardMeeting").RequireAuthorization(Policies.Edit);
        board.MapPost("/meetings/{id:guid}/items", AddItem).WithName("AddAgendaItem").RequireAuthorization(Policies.Edit)
            .WithSummary("Adds an item to the meeting's agenda, optionally about one of the programme's options");
        board.MapPut("/items/{id:guid}/advice", RecordAdvice).WithName("RecordBoardAdvice").RequireAuthorization(Policies.Edit)
            .WithSummary("Records or changes the board's advice on an agenda item, once the board has met");
        board.MapPost("/meetings/{id:guid}/actions", AddAction).WithName("AddBoardAction").RequireAuthorization(Policies.Edit);
        board.MapPut("/actions/{id:guid}", UpdateAction).WithName("UpdateBoardAction").RequireAuthorization(Policies.Edit);
    }

    private static async Task<Results<Ok<BoardDto>, NotFound>> GetBoard(Guid partnershipId, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var members = await db.BoardMembersAsync(view.Programme.Id, ct);
        var meetings = await db.BoardMeetingsAsync(view.Programme.Id, ct);
        return TypedResults.Ok(new BoardDto(view.Programme.Id, view.PartnershipId,
            members.Select(m => BoardMemberDto.From(m, view)).ToList(),
            meetings.Select(m => BoardMeetingDto.From(m, view, reader.Today)).ToList()));
    }

    private static async Task<Results<Created<BoardMemberDto>, NotFound>> CreateMember(Guid partnershipId, BoardMemberRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var member = BoardMember.Create(view.Programme, request.Name, request.JobTitle, request.AuthorityId, request.Role, view.Members);
        db.BoardMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/{partnershipId}/board", BoardMemberDto.From(member, view));
    }

    private static async Task<Results<Ok<BoardMemberDto>, NotFound>> UpdateMember(Guid id, BoardMemberRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        var member = await db.BoardMembers.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (member is null || await reader.ForProgrammeAsync(member.ProgrammeId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        member.Change(request.Name, request.JobTitle, request.AuthorityId, request.Role, request.Active ?? member.Active, view.Members);
        db.ExpectVersion(member, version);
        db.Touch(member);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BoardMemberDto.From(member, view));
    }

    private static async Task<Results<Created<BoardMeetingDto>, NotFound>> CreateMeeting(Guid partnershipId, BoardMeetingRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var meeting = BoardMeeting.Create(view.Programme, request.Date, request.Location, request.Notes);
        db.BoardMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/board/meetings/{meeting.Id}", BoardMeetingDto.From(meeting, view, reader.Today));
    }

    /// <summary>The meeting with its agenda and actions, and its programme, or nothing if the caller's council may not see it.</summary>
    private static async Task<(BoardMeeting Meeting, ProgrammeView View)?> FindMeetingAsync(Guid id, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        var meeting = await db.BoardMeetingAsync(id, ct);
        return meeting is not null && await reader.ForProgrammeAsync(meeting.ProgrammeId, ct) is { } view ? (meeting, view) : null;
    }

    private static async Task<Results<Ok<BoardMeetingDto>, NotFound>> GetMeeting(Guid id, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct) =>
        await FindMeetingAsync(id, reader, db, ct) is var (meeting, view)
            ? TypedResults.Ok(BoardMeetingDto.From(meeting, view, reader.Today))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<BoardMeetingDto>, NotFound>> UpdateMeeting(Guid id, BoardMeetingRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindMeetingAsync(id, reader, db, ct) is not var (meeting, view))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        meeting.Change(request.Date, request.Location, request.Notes);
        db.ExpectVersion(meeting, version);
        db.Touch(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BoardMeetingDto.From(meeting, view, reader.Today));
    }

    private static async Task<Results<Created<AgendaItemDto>, NotFound>> AddItem(Guid id, AgendaItemRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindMeetingAsync(id, reader, db, ct) is not var (meeting, view))
        {
            return TypedResults.NotFound();
        }

        var options = (await reader.OptionsAsync(view, ct)).Select(o => o.Id).ToList();
        var item = meeting.AddItem(request.Title, request.OptionId, options);
        db.AgendaItems.Add(item);

        // Items are numbered from the agenda as read: the meeting's version keeps two people adding at once from sharing a number.
        db.Touch(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/board/meetings/{meeting.Id}", AgendaItemDto.From(item));
    }

    private static async Task<Results<Ok<AgendaItemDto>, NotFound>> RecordAdvice(Guid id, AdviceRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await db.AgendaItemAsync(id, ct) is not var (meeting, item) || await reader.ForProgrammeAsync(meeting.ProgrammeId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        meeting.RecordAdvice(item, request.Advice, reader.Today);
        db.ExpectVersion(item, version);
        db.Touch(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AgendaItemDto.From(item));
    }

    private static async Task<Results<Created<BoardActionDto>, NotFound>> AddAction(Guid id, BoardActionRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindMeetingAsync(id, reader, db, ct) is not var (meeting, view))
        {
            return TypedResults.NotFound();
        }

        var action = meeting.AddAction(request.Description, request.Owner, request.OwnerAuthorityId, request.DueDate, view.Members);
        db.BoardActions.Add(action);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/board/meetings/{meeting.Id}", BoardActionDto.From(action, view, reader.Today));
    }

    private static async Task<Results<Ok<BoardActionDto>, NotFound>> UpdateAction(Guid id, BoardActionRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await db.BoardActionAsync(id, ct) is not var (meeting, action) || await reader.ForProgrammeAsync(meeting.ProgrammeId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        action.Change(request.Description, request.Owner, request.OwnerAuthorityId, request.DueDate, request.Status, request.CompletedOn, view.Members);
        db.ExpectVersion(action, version);
        db.Touch(action);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BoardActionDto.From(action, view, reader.Today));
    }
}
