using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Governance;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Api;

public sealed record ApprovalDto(AuthorityRef Council, Guid GovernanceBodyId, string Body, Guid? MeetingId, DateOnly? MeetingDate, string? MeetingStatus);

public sealed record MilestoneDto(
    Guid Id, Guid? OptionId, string? Option, string Description, string? Output, string Owner, DateOnly ExpectedDate, DateOnly BaselineDate,
    DateOnly? ActualDate, MilestoneStatus Status, int SlippageDays, IReadOnlyList<ApprovalDto> Approvals, IReadOnlyList<string> OutOfStep, Guid Version)
{
    public static MilestoneDto From(MilestoneView view)
    {
        var m = view.Milestone;
        return new(m.Id, m.OptionId, view.OptionTitle, m.Description, m.Output, m.Owner, m.ExpectedDate, m.BaselineDate, m.ActualDate, m.Status, m.SlippageDays,
            view.Approvals.Select(a => new ApprovalDto(new AuthorityRef(a.Approval.AuthorityId, a.Authority), a.Approval.GovernanceBodyId, a.Body,
                a.Meeting?.Id, a.Meeting?.Date, a.Meeting?.Status.ToString())).ToList(),
            view.Flags.Select(f => f.Message).ToList(), m.Version);
    }
}

public sealed record MilestoneRequest(string? Description, string? Output, string? Owner, Guid? OptionId, DateOnly? ExpectedDate, DateOnly? BaselineDate,
    DateOnly? ActualDate, MilestoneStatus? Status, Guid? Version)
{
    public MilestoneDetails ToDetails(DateOnly? baseline) => new(Description, Output, Owner, OptionId, ExpectedDate, baseline, ActualDate, Status ?? MilestoneStatus.NotStarted);
}

public sealed record ApprovalRequest(Guid? GovernanceBodyId, Guid? MeetingId);

/// <summary>The joint milestone plan, and each council's governance calendar upload.</summary>
public static class MilestonesApi
{
    /// <summary>The plan's columns, the same in CSV and Excel.</summary>
    public static readonly IReadOnlyList<ExportColumn<MilestoneView>> Columns =
    [
        new("Milestone", v => v.Milestone.Description),
        new("Output", v => v.Milestone.Output),
        new("Option", v => v.OptionTitle),
        new("Owner", v => v.Milestone.Owner),
        new("Baseline date", v => v.Milestone.BaselineDate),
        new("Expected date", v => v.Milestone.ExpectedDate),
        new("Actual date", v => v.Milestone.ActualDate),
        new("Slippage (days)", v => v.Milestone.SlippageDays),
        new("Status", v => v.Milestone.Status.Display()),
        new("Approvals", v => string.Join("; ", v.Approvals.Select(a => $"{a.Authority}: {a.Body}, {(a.Meeting is { } m ? Formats.Date(m.Date) : "not scheduled")}"))),
        new("Out of step", v => string.Join("; ", v.Flags.Select(f => f.Message))),
    ];

    public static void MapMilestonesApi(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/partnerships/{partnershipId:guid}/milestones").WithTags("Milestones");
        plan.MapGet("/", List).WithName("ListMilestones")
            .WithSummary("The joint milestone plan with approvals and what is out of step: format=json (default), csv or xlsx; optionId to filter");
        plan.MapPost("/", Create).WithName("CreateMilestone").RequireAuthorization(Policies.Edit);

        var one = api.MapGroup("/milestones/{id:guid}").WithTags("Milestones");
        one.MapGet("/", Get).WithName("GetMilestone");
        one.MapPut("/", Update).WithName("UpdateMilestone").RequireAuthorization(Policies.Edit);
        one.MapPut("/approval", SetApproval).WithName("SetMilestoneApproval").RequireAuthorization(Policies.Edit)
            .WithSummary("Names the body and meeting at which the council you work for approves the milestone");
        one.MapDelete("/approval", RemoveApproval).WithName("RemoveMilestoneApproval").RequireAuthorization(Policies.Edit);

        api.MapPost("/governance/calendar", UploadCalendar).WithTags("Committees and meetings").WithName("UploadCalendar")
            .RequireAuthorization(Policies.Edit).Accepts<string>("text/csv")
            .WithSummary($"Uploads the council's calendar as CSV ({CalendarImport.Columns}); all lines are saved or none");
    }

    private static async Task<IResult> List(Guid partnershipId, string? format, Guid? optionId, ProgrammeReader reader, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var milestones = await reader.MilestonesAsync(view, optionId, ct);
        return (format ?? "json").ToLowerInvariant() switch
        {
            "json" => TypedResults.Ok(milestones.Select(MilestoneDto.From).ToList()),
            "csv" => TypedResults.File(TableExport.Csv(milestones, Columns), TableExport.CsvType, "joint-milestone-plan.csv"),
            "xlsx" => TypedResults.File(TableExport.Xlsx(milestones, Columns, "Milestones"), TableExport.XlsxType, "joint-milestone-plan.xlsx"),
            _ => throw new RuleViolationException([new("format", "Ask for format json, csv or xlsx")]),
        };
    }

    private static async Task<Results<Created<MilestoneDto>, NotFound>> Create(Guid partnershipId, MilestoneRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var options = (await reader.OptionsAsync(view, ct)).Select(o => o.Id).ToList();
        var milestone = Milestone.Create(view.Programme, request.ToDetails(request.BaselineDate), options);
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/milestones/{milestone.Id}", await ViewOfAsync(milestone.Id, view, reader, ct));
    }

    private static async Task<(Milestone Milestone, ProgrammeView View)?> FindAsync(Guid id, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        var milestone = await db.Milestones.Include(m => m.Approvals).SingleOrDefaultAsync(m => m.Id == id, ct);
        return milestone is not null && await reader.ForProgrammeAsync(milestone.ProgrammeId, ct) is { } view ? (milestone, view) : null;
    }

    private static async Task<MilestoneDto> ViewOfAsync(Guid id, ProgrammeView view, ProgrammeReader reader, CancellationToken ct) =>
        MilestoneDto.From((await reader.MilestonesAsync(view, null, ct)).Single(m => m.Milestone.Id == id));

    private static async Task<Results<Ok<MilestoneDto>, NotFound>> Get(Guid id, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct) =>
        await FindAsync(id, reader, db, ct) is var (_, view) ? TypedResults.Ok(await ViewOfAsync(id, view, reader, ct)) : TypedResults.NotFound();

    private static async Task<Results<Ok<MilestoneDto>, NotFound>> Update(Guid id, MilestoneRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, db, ct) is not var (milestone, view))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        var options = (await reader.OptionsAsync(view, ct)).Select(o => o.Id).ToList();
        milestone.Change(request.ToDetails(request.BaselineDate ?? milestone.BaselineDate), options);
        db.ExpectVersion(milestone, version);
        db.Touch(milestone);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewOfAsync(id, view, reader, ct));
    }

    private static async Task<Results<Ok<MilestoneDto>, NotFound>> SetApproval(Guid id, ApprovalRequest request, ProgrammeReader reader, ConcordDbContext db, IUserContext user, CancellationToken ct)
    {
        if (await FindAsync(id, reader, db, ct) is not var (milestone, view))
        {
            return TypedResults.NotFound();
        }

        var authority = user.ActiveAuthorityId ?? throw new AccessDeniedException("Choose the council you are working for.");
        var body = await db.GovernanceBodies.OwnedBy(authority).SingleOrDefaultAsync(b => b.Id == request.GovernanceBodyId, ct);
        var meeting = request.MeetingId is null ? null : await db.Meetings.OwnedBy(authority).SingleOrDefaultAsync(m => m.Id == request.MeetingId, ct);
        if (request.MeetingId is not null && meeting is null)
        {
            throw new RuleViolationException([new("meetingId", "Select one of your council's meetings")]);
        }

        milestone.RequireApproval(authority, body, meeting, view.Members);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewOfAsync(id, view, reader, ct));
    }

    private static async Task<Results<Ok<MilestoneDto>, NotFound>> RemoveApproval(Guid id, ProgrammeReader reader, ConcordDbContext db, IUserContext user, CancellationToken ct)
    {
        if (await FindAsync(id, reader, db, ct) is not var (milestone, view))
        {
            return TypedResults.NotFound();
        }

        if (milestone.RemoveApproval(user.ActiveAuthorityId ?? Guid.Empty) is { } removed)
        {
            db.Remove(removed);
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(await ViewOfAsync(id, view, reader, ct));
    }

    private static async Task<IResult> UploadCalendar(HttpRequest request, ConcordDbContext db, IUserContext user, CancellationToken ct)
    {
        if (request.ContentLength > Pages.Governance.UploadModel.MaxBytes)
        {
            throw new RuleViolationException([new("body", "The calendar must be smaller than 1 MB")]);
        }

        using var reader = new StreamReader(request.Body);
        try
        {
            var lines = CalendarImport.Parse(new StringReader(await reader.ReadToEndAsync(ct)));
            return TypedResults.Ok(await CalendarImport.ApplyAsync(db, user.ActiveAuthorityId!.Value, lines, ct));
        }
        catch (CalendarImportException refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lines"] = [.. refused.Problems] },
                detail: "Nothing was saved.", title: "The calendar has problems");
        }
    }
}
