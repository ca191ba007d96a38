using Concord.Core;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concord.Web.Api;

public sealed record RiskScoreDto(int Likelihood, int Impact, int Value, RiskRating Rating)
{
    public static RiskScoreDto From(RiskScore score) => new(score.Likelihood, score.Impact, score.Value, score.Rating);
}

public sealed record RiskOptionRef(Guid Id, string Title);

public sealed record RiskDto(
    Guid Id, Guid PartnershipId, Guid ProgrammeId, string Reference, string Title, string Implication, string? Cause, string Mitigation, string Owner,
    RiskOptionRef? Option, RiskScope Scope, AuthorityRef? AffectedCouncil, string Affects,
    RiskScoreDto Inherent, RiskScoreDto Current, RiskScoreDto Target, DateOnly ReviewDate, bool ReviewOverdue, RiskStatus Status,
    bool OnProgrammeLog, DateTimeOffset? EscalatedAt, string? EscalationReason, Guid Version)
{
    public static RiskDto From(Risk r, string? optionTitle, ProgrammeView view, DateOnly today) => new(
        r.Id, r.PartnershipId, r.ProgrammeId, r.Reference, r.Title, r.Implication, r.Cause, r.Mitigation, r.Owner,
        r.OptionId is { } o ? new RiskOptionRef(o, optionTitle ?? string.Empty) : null,
        r.Scope, r.AffectedAuthorityId is { } a ? new AuthorityRef(a, view.NameOf(a)) : null, RiskReader.Affects(r, view),
        RiskScoreDto.From(r.Inherent), RiskScoreDto.From(r.Current), RiskScoreDto.From(r.Target), r.ReviewDate, r.IsReviewOverdue(today), r.Status,
        r.OnProgrammeLog, r.EscalatedAt, r.EscalationReason, r.Version);

    public static RiskDto From(RiskRow row, ProgrammeView view, DateOnly today) => From(row.Risk, row.OptionTitle, view, today);
}

public sealed record RiskAssessmentDto(DateTimeOffset AssessedAt, RiskScoreDto Score, string By, string? Note);

public sealed record RiskDetailDto(RiskDto Risk, IReadOnlyList<RiskAssessmentDto> History);

/// <summary>A risk's details. On POST, optionId puts it on that option's log; it is ignored on PUT. Note goes with a change of current score.</summary>
public sealed record RiskRequest(
    Guid? OptionId, string? Title, string? Implication, string? Cause, string? Mitigation, string? Owner, RiskScope? Scope, Guid? AffectedAuthorityId,
    int? InherentLikelihood, int? InherentImpact, int? CurrentLikelihood, int? CurrentImpact, int? TargetLikelihood, int? TargetImpact,
    DateOnly? ReviewDate, RiskStatus? Status, string? Note, Guid? Version)
{
    public RiskDetails ToDetails() => new(Title, Implication, Cause, Mitigation, Owner, Scope, AffectedAuthorityId,
        InherentLikelihood, InherentImpact, CurrentLikelihood, CurrentImpact, TargetLikelihood, TargetImpact, ReviewDate, Status);
}

public sealed record EscalateRequest(string? Reason, Guid? Version);

/// <summary>The programme's risk log: risks of the programme and of its options, their scores and history, and downloads.</summary>
public static class RisksApi
{
    public static void MapRisksApi(this RouteGroupBuilder api)
    {
        var partnership = api.MapGroup("/partnerships/{partnershipId:guid}/risks").WithTags("Risks");
        partnership.MapGet("/", ListRisks).WithName("ListRisks")
            .WithSummary("A risk log: the programme's own (log=programme, the default), every risk (log=all) or one option's (optionId); format=json, csv or xlsx");
        partnership.MapPost("/", CreateRisk).WithName("CreateRisk").RequireAuthorization(Policies.Edit)
            .WithSummary("Identifies a risk of the programme, or of an option (optionId), with the next reference");

        var risk = api.MapGroup("/risks/{id:guid}").WithTags("Risks");
        risk.MapGet("/", GetRisk).WithName("GetRisk").WithSummary("A risk with the history of its current score");
        risk.MapPut("/", UpdateRisk).WithName("UpdateRisk").RequireAuthorization(Policies.Edit)
            .WithSummary("Changes a risk; send the version you read. A change of current score is added to its history");
        risk.MapPost("/escalate", Escalate).WithName("EscalateRisk").RequireAuthorization(Policies.Edit)
            .WithSummary("Escalates an option's risk to the programme's own log, with a reason");
    }

    private static async Task<Results<Ok<List<RiskDto>>, FileContentHttpResult, NotFound>> ListRisks(
        Guid partnershipId, string? format, Guid? optionId, string? log, ProgrammeReader reader, RiskReader risks, CancellationToken ct)
    {
        var chosenFormat = (format ?? "json").ToLowerInvariant();
        var chosenLog = (log ?? "programme").ToLowerInvariant();
        var checks = new Checks();
        checks.Require(TableExport.IsFormat(chosenFormat), "format", TableExport.FormatProblem);
        checks.Require(chosenLog is "programme" or "all", "log", "Log must be programme or all");
        checks.ThrowIfAny();

        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view ||
            await risks.LogAsync(view, optionId, chosenLog == "all", ct) is not { } riskLog)
        {
            return TypedResults.NotFound();
        }

        return chosenFormat switch
        {
            "csv" => TypedResults.File(TableExport.Csv(riskLog.Rows, RiskReader.Columns), TableExport.CsvType, $"{riskLog.FileName}.csv"),
            "xlsx" => TypedResults.File(TableExport.Xlsx(riskLog.Rows, RiskReader.Columns, "Risk log"), TableExport.XlsxType, $"{riskLog.FileName}.xlsx"),
            _ => TypedResults.Ok(riskLog.Rows.Select(r => RiskDto.From(r, view, reader.Today)).ToList()),
        };
    }

    private static async Task<Results<Created<RiskDto>, NotFound>> CreateRisk(
        Guid partnershipId, RiskRequest request, ProgrammeReader reader, RiskReader risks, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var risk = await risks.IdentifyAsync(view, request.OptionId, request.ToDetails(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/risks/{risk.Id}", RiskDto.From(risk, await risks.OptionTitleAsync(risk, ct), view, reader.Today));
    }

    /// <summary>The risk and its programme, or nothing if the caller's council may not see it.</summary>
    private static async Task<(Risk Risk, ProgrammeView View)?> FindAsync(Guid id, ProgrammeReader reader, RiskReader risks, CancellationToken ct)
    {
        var risk = await risks.RiskAsync(id, ct);
        return risk is not null && await reader.ForProgrammeAsync(risk.ProgrammeId, ct) is { } view ? (risk, view) : null;
    }

    private static async Task<Results<Ok<RiskDetailDto>, NotFound>> GetRisk(Guid id, ProgrammeReader reader, RiskReader risks, CancellationToken ct)
    {
        if (await FindAsync(id, reader, risks, ct) is not var (risk, view))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new RiskDetailDto(
            RiskDto.From(risk, await risks.OptionTitleAsync(risk, ct), view, reader.Today),
            risk.History.OrderBy(h => h.AssessedAt).Select(h => new RiskAssessmentDto(h.AssessedAt, RiskScoreDto.From(h.Score), h.By, h.Note)).ToList()));
    }

    private static async Task<Results<Ok<RiskDto>, NotFound>> UpdateRisk(Guid id, RiskRequest request, ProgrammeReader reader, RiskReader risks, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, risks, ct) is not var (risk, view))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        risk.Change(request.ToDetails(), view.Members, reader.Actor, request.Note);
        db.ExpectVersion(risk, version);
        db.Touch(risk);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RiskDto.From(risk, await risks.OptionTitleAsync(risk, ct), view, reader.Today));
    }

    private static async Task<Results<Ok<RiskDto>, NotFound>> Escalate(Guid id, EscalateRequest request, ProgrammeReader reader, RiskReader risks, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, risks, ct) is not var (risk, view))
        {
            return TypedResults.NotFound();
        }

        risk.Escalate(request.Reason, reader.Actor);
        if (request.Version is { } version)
        {
            db.ExpectVersion(risk, version);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RiskDto.From(risk, await risks.OptionTitleAsync(risk, ct), view, reader.Today));
    }
}
