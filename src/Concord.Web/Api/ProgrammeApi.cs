using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Api;

public sealed record AuthorityRef(Guid Id, string Name);

public sealed record PhaseDto(Guid Id, int Number, string Name, string? Description, DateOnly? Starts, DateOnly? Ends, Guid Version);

public sealed record WorkstreamMemberDto(Guid Id, string Name, string JobTitle, AuthorityRef Council, bool IsLead);

public sealed record WorkstreamDto(Guid Id, string Name, string ServiceArea, string? Description, IReadOnlyList<WorkstreamMemberDto> Members, Guid Version);

public sealed record ProgrammeDto(Guid Id, Guid PartnershipId, string Name, string? Aim, int ApprovalToleranceDays, IReadOnlyList<PhaseDto> Phases, IReadOnlyList<WorkstreamDto> Workstreams, Guid Version)
{
    public static ProgrammeDto From(ProgrammeView view)
    {
        var p = view.Programme;
        return new(p.Id, p.PartnershipId, p.Name, p.Aim, p.ApprovalToleranceDays,
            p.Phases.OrderBy(x => x.Number).Select(x => new PhaseDto(x.Id, x.Number, x.Name, x.Description, x.Starts, x.Ends, x.Version)).ToList(),
            p.Workstreams.OrderBy(w => w.Name, StringComparer.Ordinal).Select(w => new WorkstreamDto(w.Id, w.Name, w.ServiceArea, w.Description,
                w.Members.Select(m => new WorkstreamMemberDto(m.Id, m.Name, m.JobTitle, new AuthorityRef(m.AuthorityId, view.NameOf(m.AuthorityId)), m.IsLead)).ToList(), w.Version)).ToList(),
            p.Version);
    }
}

public sealed record ProgrammeRequest(string? Name, string? Aim, int? ApprovalToleranceDays, Guid? Version);

public sealed record PhaseRequest(string? Name, string? Description, DateOnly? Starts, DateOnly? Ends, Guid? Version);

public sealed record WorkstreamRequest(string? Name, string? ServiceArea, string? Description, Guid? Version);

public sealed record WorkstreamMemberRequest(string? Name, string? JobTitle, Guid? AuthorityId, bool? IsLead);

public sealed record AppraisalDto(
    EqiaStatus Eqia, string? EqiaNotes,
    string? HrConsiderations, string? LegalConsiderations, string? FinancialConsiderations,
    AgreementNeed AgreementNeed, string? MonitoringMethod, string? Indicators,
    string? DeliveryForum, string? AccountableOfficer, DateOnly? FirstScrutinyReportOn, string? FirstScrutinyCommittee)
{
    public static AppraisalDto From(Option o) => new(o.Eqia, o.EqiaNotes, o.HrConsiderations, o.LegalConsiderations,
        o.FinancialConsiderations, o.AgreementNeed, o.MonitoringMethod, o.Indicators, o.DeliveryForum, o.AccountableOfficer,
        o.FirstScrutinyReportOn, o.FirstScrutinyCommittee);
}

public sealed record GateCriterionDto(string Key, string Name, bool Met, string? Detail);

public sealed record GateDto(Stage Stage, Stage? Next, bool CanAdvance, IReadOnlyList<GateCriterionDto> Criteria, IReadOnlyList<string> Blocks, IReadOnlyList<string> Missing)
{
    public static GateDto From(GateReport gate) => new(gate.Stage, gate.Next, gate.CanAdvance,
        gate.Criteria.Select(c => new GateCriterionDto(c.Key, c.Name, c.Met, c.Detail)).ToList(), gate.Blocks, gate.Missing);
}

public sealed record TransitionDto(Stage From, Stage To, TransitionKind Kind, string? Reason, DateTimeOffset At, string By, Guid? ActingAuthorityId);

public sealed record OptionDto(
    Guid Id, Guid PartnershipId, string Title, string Summary, string ServiceArea, Guid? PhaseId, Guid? WorkstreamId, bool IsProofOfConcept,
    IReadOnlyList<AuthorityRef> Participants, IReadOnlyList<ExpectedBenefit> Benefits, string? OtherBenefits, Stage Stage, Stage? PausedFrom,
    AppraisalDto Appraisal, Guid Version)
{
    public static OptionDto From(Option o, ProgrammeView view) => new(o.Id, o.PartnershipId, o.Title, o.Summary, o.ServiceArea, o.PhaseId, o.WorkstreamId,
        o.IsProofOfConcept, o.ParticipantIds.Select(id => new AuthorityRef(id, view.NameOf(id))).OrderBy(a => a.Name, StringComparer.Ordinal).ToList(),
        o.Benefits, o.OtherBenefits, o.Stage, o.PausedFrom, AppraisalDto.From(o), o.Version);
}

public sealed record OptionDetailDto(OptionDto Option, GateDto Gate, IReadOnlyList<TransitionDto> Transitions);

public sealed record OptionRequest(
    string? Title, string? Summary, string? ServiceArea, Guid? PhaseId, Guid? WorkstreamId, bool? IsProofOfConcept,
    IReadOnlyList<Guid>? Participants, IReadOnlyList<ExpectedBenefit>? Benefits, string? OtherBenefits, Guid? Version)
{
    public OptionDetails ToDetails() => new(Title, Summary, ServiceArea, PhaseId, WorkstreamId, IsProofOfConcept ?? false, Participants ?? [], Benefits ?? [], OtherBenefits);
}

/// <summary>One part of the appraisal: the fields of that part are read, the rest ignored.</summary>
public sealed record AppraisalRequest(
    EqiaStatus? Eqia, string? EqiaNotes,
    string? HrConsiderations, string? LegalConsiderations, string? FinancialConsiderations,
    AgreementNeed? AgreementNeed, string? MonitoringMethod, string? Indicators,
    string? DeliveryForum, string? AccountableOfficer, DateOnly? FirstScrutinyReportOn, string? FirstScrutinyCommittee, Guid? Version);

public sealed record StageMoveRequest(string? Reason, Guid? Version);

public sealed record StageDto(Guid OptionId, Stage Stage, Guid Version);

public sealed record DecisionDto(Guid Id, Guid OptionId, AuthorityRef Council, Guid GovernanceBodyId, string Body, Core.Governance.BodyKind BodyKind, DateOnly MeetingDate,
    string? Reference, bool IsKeyDecision, DecisionOutcome Outcome, string? Conditions, string? MinutesExcerpt, DateTimeOffset RecordedAt, string RecordedBy)
{
    public static DecisionDto From(Decision d, ProgrammeView view) => new(d.Id, d.OptionId, new AuthorityRef(d.AuthorityId, view.NameOf(d.AuthorityId)), d.GovernanceBodyId,
        d.BodyName, d.BodyKind, d.MeetingDate, d.Reference, d.IsKeyDecision, d.Outcome, d.Conditions, d.MinutesExcerpt, d.RecordedAt, d.RecordedBy);
}

public sealed record DecisionRequest(Guid? AuthorityId, Guid? GovernanceBodyId, DateOnly? MeetingDate, string? Reference, bool? IsKeyDecision,
    DecisionOutcome? Outcome, string? Conditions, string? MinutesExcerpt);

public sealed record KeyDecisionTestRequest(bool? IsKeyDecision, string? Reasoning, Guid? Version);

public sealed record KeyDecisionTestDto(Guid Id, Guid OptionId, AuthorityRef Council, bool IsKeyDecision, string Reasoning, DateTimeOffset RecordedAt, string RecordedBy, Guid Version);

/// <summary>The shared services programme: the programme itself, its options, their stage gates and each council's decisions.</summary>
public static class ProgrammeApi
{
    public static void MapProgrammeApi(this RouteGroupBuilder api)
    {
        var partnership = api.MapGroup("/partnerships/{partnershipId:guid}").WithTags("Programme");
        partnership.MapGet("/programme", GetProgramme).WithName("GetProgramme");
        partnership.MapPost("/programme", CreateProgramme).WithName("CreateProgramme").RequireAuthorization(Policies.ProgrammeLead);
        partnership.MapPut("/programme", UpdateProgramme).WithName("UpdateProgramme").RequireAuthorization(Policies.ProgrammeLead);
        partnership.MapPost("/programme/phases", AddPhase).WithName("AddPhase").RequireAuthorization(Policies.Edit);
        partnership.MapPost("/programme/workstreams", AddWorkstream).WithName("AddWorkstream").RequireAuthorization(Policies.Edit);
        api.MapPut("/phases/{id:guid}", UpdatePhase).WithTags("Programme").WithName("UpdatePhase").RequireAuthorization(Policies.Edit);
        api.MapPut("/workstreams/{id:guid}", UpdateWorkstream).WithTags("Programme").WithName("UpdateWorkstream").RequireAuthorization(Policies.Edit);
        api.MapPost("/workstreams/{id:guid}/members", AddWorkstreamMember).WithTags("Programme").WithName("AddWorkstreamMember").RequireAuthorization(Policies.Edit)
            .WithSummary("Adds a member from one of the partnership's councils; a lead replaces that council's previous lead");
        partnership.MapGet("/options", ListOptions).WithName("ListOptions").WithSummary("The programme's options, each with its stage");
        partnership.MapPost("/options", CreateOption).WithName("CreateOption").RequireAuthorization(Policies.Edit);

        var options = api.MapGroup("/options/{id:guid}").WithTags("Options");
        options.MapGet("/", GetOption).WithName("GetOption").WithSummary("An option with its stage gate and history");
        options.MapPut("/", UpdateOption).WithName("UpdateOption").RequireAuthorization(Policies.Edit);
        options.MapPut("/appraisal/{part}", UpdateAppraisal).WithName("UpdateAppraisal").RequireAuthorization(Policies.Edit)
            .WithSummary("One part of the appraisal: cost-benefit, eqia, considerations, agreement, monitoring or delivery");
        options.MapPost("/advance", Advance).WithName("AdvanceOption").RequireAuthorization(Policies.ProgrammeLead)
            .WithSummary("Moves the option to its next stage, or answers 422 listing the unmet criteria");
        options.MapPost("/move-back", (Guid id, StageMoveRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct) =>
            Move(id, request, reader, db, (o, a) => o.MoveBack(request.Reason, a), ct)).WithName("MoveOptionBack").RequireAuthorization(Policies.ProgrammeLead);
        options.MapPost("/pause", (Guid id, StageMoveRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct) =>
            Move(id, request, reader, db, (o, a) => o.Pause(request.Reason, a), ct)).WithName("PauseOption").RequireAuthorization(Policies.ProgrammeLead);
        options.MapPost("/resume", (Guid id, StageMoveRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct) =>
            Move(id, request, reader, db, (o, a) => o.Resume(request.Reason, a), ct)).WithName("ResumeOption").RequireAuthorization(Policies.ProgrammeLead);
        options.MapPost("/withdraw", (Guid id, StageMoveRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct) =>
            Move(id, request, reader, db, (o, a) => o.Withdraw(request.Reason, a), ct)).WithName("WithdrawOption").RequireAuthorization(Policies.ProgrammeLead);
        options.MapGet("/decisions", ListDecisions).WithName("ListDecisions");
        options.MapPost("/decisions", RecordDecision).WithName("RecordDecision").RequireAuthorization(Policies.ProgrammeLead)
            .WithSummary("Records the decision of the council you work for, taken through one of its own bodies");
        options.MapPut("/key-decision-test", RecordKeyDecisionTest).WithName("RecordKeyDecisionTest").RequireAuthorization(Policies.ProgrammeLead);
    }

    private static async Task<Results<Ok<ProgrammeDto>, NotFound>> GetProgramme(Guid partnershipId, ProgrammeReader reader, CancellationToken ct) =>
        await reader.ForPartnershipAsync(partnershipId, ct) is { } view ? TypedResults.Ok(ProgrammeDto.From(view)) : TypedResults.NotFound();

    private static async Task<Results<Created<ProgrammeDto>, NotFound, Conflict<string>>> CreateProgramme(Guid partnershipId, ProgrammeRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct))
        {
            return TypedResults.NotFound();
        }

        if (await db.Programmes.AnyAsync(p => p.PartnershipId == partnershipId, ct))
        {
            return TypedResults.Conflict("The partnership already has a programme: change it with PUT.");
        }

        db.Programmes.Add(SharedProgramme.Create(partnershipId, request.Name, request.Aim, request.ApprovalToleranceDays));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/{partnershipId}/programme", ProgrammeDto.From((await reader.ForPartnershipAsync(partnershipId, ct))!));
    }

    private static async Task<Results<Ok<ProgrammeDto>, NotFound>> UpdateProgramme(Guid partnershipId, ProgrammeRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        view.Programme.Change(request.Name, request.Aim, request.ApprovalToleranceDays);
        db.ExpectVersion(view.Programme, version);
        db.Touch(view.Programme);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProgrammeDto.From(view));
    }

    private static async Task<Results<Created<ProgrammeDto>, NotFound>> AddPhase(Guid partnershipId, PhaseRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        db.Phases.Add(view.Programme.AddPhase(request.Name, request.Description, request.Starts, request.Ends));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/{partnershipId}/programme", ProgrammeDto.From(view));
    }

    private static async Task<Results<Created<ProgrammeDto>, NotFound>> AddWorkstream(Guid partnershipId, WorkstreamRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        db.Workstreams.Add(view.Programme.AddWorkstream(request.Name, request.ServiceArea, request.Description));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/{partnershipId}/programme", ProgrammeDto.From(view));
    }

    private static async Task<Results<Ok<ProgrammeDto>, NotFound>> UpdatePhase(Guid id, PhaseRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        var programmeId = await db.Phases.Where(p => p.Id == id).Select(p => (Guid?)p.ProgrammeId).SingleOrDefaultAsync(ct);
        if (programmeId is not { } pid || await reader.ForProgrammeAsync(pid, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var phase = view.Programme.Phases.Single(p => p.Id == id);
        var version = ConcordApi.RequireVersion(request.Version);
        phase.Change(request.Name, request.Description, request.Starts, request.Ends);
        db.ExpectVersion(phase, version);
        db.Touch(phase);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProgrammeDto.From(view));
    }

    private static async Task<(Workstream Workstream, ProgrammeView View)?> WorkstreamAsync(Guid id, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        var programmeId = await db.Workstreams.Where(w => w.Id == id).Select(w => (Guid?)w.ProgrammeId).SingleOrDefaultAsync(ct);
        return programmeId is { } pid && await reader.ForProgrammeAsync(pid, ct) is { } view ? (view.Programme.Workstreams.Single(w => w.Id == id), view) : null;
    }

    private static async Task<Results<Ok<ProgrammeDto>, NotFound>> UpdateWorkstream(Guid id, WorkstreamRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await WorkstreamAsync(id, reader, db, ct) is not var (workstream, view))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        workstream.Change(request.Name, request.ServiceArea, request.Description);
        db.ExpectVersion(workstream, version);
        db.Touch(workstream);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProgrammeDto.From(view));
    }

    private static async Task<Results<Ok<ProgrammeDto>, NotFound>> AddWorkstreamMember(Guid id, WorkstreamMemberRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await WorkstreamAsync(id, reader, db, ct) is not var (workstream, view))
        {
            return TypedResults.NotFound();
        }

        db.Add(workstream.AddMember(request.Name, request.JobTitle, request.AuthorityId, request.IsLead ?? false, view.Members));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProgrammeDto.From(view));
    }

    private static async Task<Results<Ok<List<OptionDto>>, NotFound>> ListOptions(Guid partnershipId, ProgrammeReader reader, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await reader.OptionsAsync(view, ct)).Select(o => OptionDto.From(o, view)).ToList());
    }

    private static async Task<Results<Created<OptionDto>, NotFound>> CreateOption(Guid partnershipId, OptionRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var option = Option.Create(view.Programme, request.ToDetails(), view.Members,
            view.Programme.Phases.Select(p => p.Id).ToList(), view.Programme.Workstreams.Select(w => w.Id).ToList());
        db.Options.Add(option);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/options/{option.Id}", OptionDto.From(option, view));
    }

    /// <summary>The option and its programme, or nothing if the caller's council may not see it.</summary>
    private static async Task<(Option Option, ProgrammeView View)?> FindAsync(Guid id, ProgrammeReader reader, CancellationToken ct)
    {
        var option = await reader.OptionAsync(id, ct);
        return option is not null && await reader.ForProgrammeAsync(option.ProgrammeId, ct) is { } view ? (option, view) : null;
    }

    private static async Task<Results<Ok<OptionDetailDto>, NotFound>> GetOption(Guid id, ProgrammeReader reader, CancellationToken ct)
    {
        if (await FindAsync(id, reader, ct) is not var (option, view))
        {
            return TypedResults.NotFound();
        }

        var gate = await reader.GateAsync(option, view, ct);
        return TypedResults.Ok(new OptionDetailDto(OptionDto.From(option, view), GateDto.From(gate),
            option.Transitions.OrderBy(t => t.At).Select(t => new TransitionDto(t.From, t.To, t.Kind, t.Reason, t.At, t.By, t.ActingAuthorityId)).ToList()));
    }

    private static async Task<Results<Ok<OptionDto>, NotFound>> UpdateOption(Guid id, OptionRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, ct) is not var (option, view))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        option.Change(request.ToDetails(), view.Members, view.Programme.Phases.Select(p => p.Id).ToList(), view.Programme.Workstreams.Select(w => w.Id).ToList());
        db.ExpectVersion(option, version);
        db.Touch(option);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OptionDto.From(option, view));
    }

    private static async Task<Results<Ok<OptionDto>, NotFound>> UpdateAppraisal(Guid id, string part, AppraisalRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, ct) is not var (option, view))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        switch (part)
        {
            case "eqia":
                option.RecordEqia(request.Eqia, request.EqiaNotes);
                break;
            case "considerations":
                option.RecordConsiderations(request.HrConsiderations, request.LegalConsiderations, request.FinancialConsiderations);
                break;
            case "agreement":
                option.RecordAgreementNeed(request.AgreementNeed);
                break;
            case "monitoring":
                option.RecordMonitoring(request.MonitoringMethod, request.Indicators);
                break;
            case "delivery":
                option.RecordDelivery(request.DeliveryForum, request.AccountableOfficer, request.FirstScrutinyReportOn, request.FirstScrutinyCommittee);
                break;
            default:
                return TypedResults.NotFound();
        }

        db.ExpectVersion(option, version);
        db.Touch(option);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OptionDto.From(option, view));
    }

    private static async Task<Results<Ok<StageDto>, NotFound>> Advance(Guid id, StageMoveRequest? request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, ct) is not var (option, view))
        {
            return TypedResults.NotFound();
        }

        option.Advance(await reader.GateAsync(option, view, ct), reader.Actor);
        if (request?.Version is { } version)
        {
            db.ExpectVersion(option, version);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new StageDto(option.Id, option.Stage, option.Version));
    }

    private static async Task<Results<Ok<StageDto>, NotFound>> Move(Guid id, StageMoveRequest request, ProgrammeReader reader, ConcordDbContext db, Action<Option, Actor> move, CancellationToken ct)
    {
        if (await FindAsync(id, reader, ct) is not var (option, _))
        {
            return TypedResults.NotFound();
        }

        move(option, reader.Actor);
        if (request.Version is { } version)
        {
            db.ExpectVersion(option, version);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new StageDto(option.Id, option.Stage, option.Version));
    }

    private static async Task<Results<Ok<List<DecisionDto>>, NotFound>> ListDecisions(Guid id, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, ct) is not var (option, view))
        {
            return TypedResults.NotFound();
        }

        var decisions = await db.Decisions.Where(d => d.OptionId == option.Id).ToListAsync(ct);
        return TypedResults.Ok(decisions.OrderBy(d => d.MeetingDate).ThenBy(d => d.RecordedAt).Select(d => DecisionDto.From(d, view)).ToList());
    }

    private static async Task<Results<Created<DecisionDto>, NotFound>> RecordDecision(Guid id, DecisionRequest request, ProgrammeReader reader, ConcordDbContext db, IUserContext user, CancellationToken ct)
    {
        if (await FindAsync(id, reader, ct) is not var (option, view))
        {
            return TypedResults.NotFound();
        }

        var authority = OwnAuthority(request.AuthorityId, user, view);
        var body = await db.GovernanceBodies.SingleOrDefaultAsync(b => b.Id == request.GovernanceBodyId && b.AuthorityId == authority, ct);
        var decision = Decision.Record(option, authority, body, request.MeetingDate, request.Reference, request.IsKeyDecision, request.Outcome,
            request.Conditions, request.MinutesExcerpt, reader.Actor);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/options/{id}/decisions", DecisionDto.From(decision, view));
    }

    private static async Task<Results<Ok<KeyDecisionTestDto>, NotFound>> RecordKeyDecisionTest(Guid id, KeyDecisionTestRequest request, ProgrammeReader reader, ConcordDbContext db, IUserContext user, CancellationToken ct)
    {
        if (await FindAsync(id, reader, ct) is not var (option, view))
        {
            return TypedResults.NotFound();
        }

        var authority = OwnAuthority(null, user, view);
        var test = await db.KeyDecisionTests.SingleOrDefaultAsync(t => t.OptionId == id && t.AuthorityId == authority, ct);
        if (test is null)
        {
            test = KeyDecisionTest.Record(option, authority, request.IsKeyDecision, request.Reasoning, reader.Actor);
            db.KeyDecisionTests.Add(test);
        }
        else
        {
            test.Change(option, request.IsKeyDecision, request.Reasoning, reader.Actor);
            if (request.Version is { } version)
            {
                db.ExpectVersion(test, version);
            }
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new KeyDecisionTestDto(test.Id, test.OptionId, new AuthorityRef(authority, view.NameOf(authority)), test.IsKeyDecision,
            test.Reasoning, test.RecordedAt, test.RecordedBy, test.Version));
    }

    /// <summary>
    /// A council records only its own decisions: naming another council is refused as forbidden,
    /// and naming one outside the partnership as a broken rule.
    /// </summary>
    private static Guid OwnAuthority(Guid? requested, IUserContext user, ProgrammeView view)
    {
        var own = user.ActiveAuthorityId ?? throw new AccessDeniedException("Choose the council you are working for.");
        if (requested is { } other && other != own)
        {
            if (!view.Members.Contains(other))
            {
                throw new RuleViolationException([new("AuthorityId", "That authority is not a member of the partnership")]);
            }

            throw new AccessDeniedException($"You work for {view.NameOf(own)}: only {view.NameOf(other)}'s own staff can record its decisions.");
        }

        return own;
    }
}
