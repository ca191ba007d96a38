using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Api;

/// <summary>One piece of feedback ("you said") and the councils' response ("we did"), with the change to the option it caused.</summary>
public sealed record FeedbackDto(
    Guid Id, Guid ExerciseId, StakeholderGroup Group, string Theme, string YouSaid, DateOnly? ReceivedOn,
    string? WeDid, string? ChangeToOption, DateTimeOffset? RespondedAt, string? RespondedBy, Guid Version)
{
    public static FeedbackDto From(FeedbackItem f) =>
        new(f.Id, f.ExerciseId, f.Group, f.Theme, f.YouSaid, f.ReceivedOn, f.WeDid, f.ChangeToOption, f.RespondedAt, f.RespondedBy, f.Version);
}

public sealed record ExerciseDto(
    Guid Id, Guid PartnershipId, string Title, string? Description, Guid? OptionId, DateOnly? Starts, DateOnly? Ends, ExerciseStatus Status,
    IReadOnlyList<StakeholderGroup> Groups, int FeedbackCount, int Answered, IReadOnlyList<FeedbackDto> Feedback, Guid Version)
{
    public static ExerciseDto From(EngagementExercise e)
    {
        var summary = e.Summarise();
        return new(e.Id, e.PartnershipId, e.Title, e.Description, e.OptionId, e.Starts, e.Ends, e.Status, e.Groups.Order().ToList(),
            summary.Feedback, summary.Answered,
            e.Feedback.OrderBy(f => f.ReceivedOn ?? DateOnly.MaxValue).ThenBy(f => f.Id).Select(FeedbackDto.From).ToList(), e.Version);
    }
}

public sealed record ExerciseRequest(
    string? Title, string? Description, Guid? OptionId, DateOnly? Starts, DateOnly? Ends, ExerciseStatus? Status,
    IReadOnlyList<StakeholderGroup>? Groups, Guid? Version);

public sealed record FeedbackRequest(StakeholderGroup? Group, string? Theme, string? YouSaid, DateOnly? ReceivedOn);

public sealed record ResponseRequest(string? WeDid, string? ChangeToOption, Guid? Version);

/// <summary>Consultation and engagement: exercises, the feedback they gathered, and the councils' responses.</summary>
public static class EngagementApi
{
    public static void MapEngagementApi(this RouteGroupBuilder api)
    {
        var partnership = api.MapGroup("/partnerships/{partnershipId:guid}/engagement").WithTags("Engagement");
        partnership.MapGet("/", ListExercises).WithName("ListEngagementExercises").WithSummary("The programme's engagement exercises, each with its feedback and responses");
        partnership.MapPost("/", CreateExercise).WithName("CreateEngagementExercise").RequireAuthorization(Policies.Edit);

        var exercise = api.MapGroup("/engagement/{id:guid}").WithTags("Engagement");
        exercise.MapGet("/", GetExercise).WithName("GetEngagementExercise");
        exercise.MapPut("/", UpdateExercise).WithName("UpdateEngagementExercise").RequireAuthorization(Policies.Edit);
        exercise.MapPost("/feedback", AddFeedback).WithName("AddFeedback").RequireAuthorization(Policies.Edit)
            .WithSummary("Records what a group said; the group must be one the exercise reached");

        api.MapPut("/feedback/{id:guid}/response", Respond).WithTags("Engagement").WithName("RespondToFeedback").RequireAuthorization(Policies.Edit)
            .WithSummary("Records or changes the councils' response to a piece of feedback: what they did, and how the option changed");
    }

    private static async Task<Results<Ok<List<ExerciseDto>>, NotFound>> ListExercises(Guid partnershipId, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var exercises = await db.EngagementExercises.Include(e => e.Feedback).Where(e => e.ProgrammeId == view.Programme.Id).ToListAsync(ct);
        return TypedResults.Ok(exercises.OrderBy(e => e.Starts ?? DateOnly.MaxValue).ThenBy(e => e.Title, StringComparer.Ordinal).Select(ExerciseDto.From).ToList());
    }

    private static async Task<Results<Created<ExerciseDto>, NotFound>> CreateExercise(Guid partnershipId, ExerciseRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var exercise = EngagementExercise.Create(view.Programme, request.Title, request.Description, request.OptionId, request.Starts, request.Ends,
            request.Status, request.Groups ?? [], await OptionIdsAsync(view, reader, ct));
        db.EngagementExercises.Add(exercise);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/engagement/{exercise.Id}", ExerciseDto.From(exercise));
    }

    /// <summary>The exercise and its programme, or nothing if the caller's council may not see it.</summary>
    private static async Task<(EngagementExercise Exercise, ProgrammeView View)?> FindAsync(Guid id, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        var exercise = await db.EngagementExercises.Include(e => e.Feedback).SingleOrDefaultAsync(e => e.Id == id, ct);
        return exercise is not null && await reader.ForProgrammeAsync(exercise.ProgrammeId, ct) is { } view ? (exercise, view) : null;
    }

    private static async Task<Results<Ok<ExerciseDto>, NotFound>> GetExercise(Guid id, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct) =>
        await FindAsync(id, reader, db, ct) is var (exercise, _) ? TypedResults.Ok(ExerciseDto.From(exercise)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ExerciseDto>, NotFound>> UpdateExercise(Guid id, ExerciseRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, db, ct) is not var (exercise, view))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        exercise.Change(request.Title, request.Description, request.OptionId, request.Starts, request.Ends, request.Status, request.Groups ?? [],
            await OptionIdsAsync(view, reader, ct));
        db.ExpectVersion(exercise, version);
        db.Touch(exercise);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ExerciseDto.From(exercise));
    }

    private static async Task<Results<Created<FeedbackDto>, NotFound>> AddFeedback(Guid id, FeedbackRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, db, ct) is not var (exercise, _))
        {
            return TypedResults.NotFound();
        }

        var item = exercise.AddFeedback(request.Group, request.Theme, request.YouSaid, request.ReceivedOn);
        db.FeedbackItems.Add(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/engagement/{id}", FeedbackDto.From(item));
    }

    private static async Task<Results<Ok<FeedbackDto>, NotFound>> Respond(Guid id, ResponseRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        var item = await db.FeedbackItems.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (item is null || await FindAsync(item.ExerciseId, reader, db, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        item.Respond(request.WeDid, request.ChangeToOption, reader.Actor);
        db.ExpectVersion(item, version);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(FeedbackDto.From(item));
    }

    private static async Task<List<Guid>> OptionIdsAsync(ProgrammeView view, ProgrammeReader reader, CancellationToken ct) =>
        (await reader.OptionsAsync(view, ct)).Select(o => o.Id).ToList();
}
