using Concord.Core.Finance;
using Concord.Data;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concord.Web.Api;

public sealed record OptionRef(Guid Id, string Title);

public sealed record ContributionDto(AuthorityRef Council, ContributionKind Kind, string Description, decimal AnnualValue, bool InKind);

public sealed record ContributionTotalDto(AuthorityRef Council, decimal Money, decimal InKind, decimal Total);



public sealed record KpiActualDto(string Period, DateOnly PeriodEnd, decimal Value, string? Note, KpiRag Rag);

public sealed record KpiDto(
    Guid Id, Guid AgreementId, string Measure, string? Unit, decimal Target, KpiPolarity Polarity, KpiFrequency Frequency, string Source,
    KpiRag? Latest, bool RedTwiceRunning, IReadOnlyList<KpiActualDto> Actuals, Guid Version)
{
    public static KpiDto From(Kpi k)
    {
        var actuals = k.InOrder.Select(a => new KpiActualDto(a.Period, a.PeriodEnd, a.Value, a.Note, k.Rate(a.Value))).ToList();
        return new(k.Id, k.AgreementId, k.Measure, k.Unit, k.Target, k.Polarity, k.Frequency, k.Source,
            actuals.Count == 0 ? null : actuals[^1].Rag, k.RedTwiceRunning, actuals, k.Version);
    }
}

public sealed record AgreementAlertDto(Guid KpiId, string Measure, string Message);

public sealed record AgreementDto(
    Guid Id, Guid PartnershipId, string Title, OptionRef? Option, IReadOnlyList<AuthorityRef> Parties,
    IReadOnlyList<ContributionDto> Contributions, IReadOnlyList<ContributionTotalDto> Totals,
    string? RiskSharing, string? Contingency, string? ExitArrangements, DateOnly? Starts, DateOnly? Ends, DateOnly? ReviewDate,
    AgreementStatus Status, DateOnly? SignedOn, RuleDto Rule, IReadOnlyList<KpiDto> Kpis, IReadOnlyList<AgreementAlertDto> Alerts, Guid Version)
{
    public static AgreementDto From(Agreement a, PartnershipView view)
    {
        AuthorityRef Council(Guid id) => new(id, view.NameOf(id));
        return new(
            a.Id, a.PartnershipId, a.Title, a.OptionId is { } o ? new OptionRef(o, view.OptionTitle(o) ?? string.Empty) : null,
            a.Parties.Select(Council).OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
            a.Contributions.Select(c => new ContributionDto(Council(c.AuthorityId), c.Kind, c.Description, c.AnnualValue, c.InKind)).ToList(),
            AgreementReader.Totals(a, view).Select(t => new ContributionTotalDto(Council(t.AuthorityId), t.Money, t.InKind, t.Total)).ToList(),
            a.RiskSharing, a.Contingency, a.ExitArrangements, a.Starts, a.Ends, a.ReviewDate, a.Status, a.SignedOn,
            RuleDto.From(a.Rule, view),
            a.Kpis.OrderBy(k => k.Measure, StringComparer.Ordinal).Select(KpiDto.From).ToList(),
            a.Alerts.Select(k => new AgreementAlertDto(k.Id, k.Measure, $"KPI red two periods running: {k.Measure}")).ToList(),
            a.Version);
    }
}

public sealed record ContributionRequest(Guid? AuthorityId, ContributionKind? Kind, string? Description, decimal? AnnualValue);



public sealed record AgreementRequest(
    string? Title, Guid? OptionId, IReadOnlyList<Guid>? Parties, IReadOnlyList<ContributionRequest>? Contributions,
    string? RiskSharing, string? Contingency, string? ExitArrangements, DateOnly? Starts, DateOnly? Ends, DateOnly? ReviewDate,
    AgreementStatus? Status, DateOnly? SignedOn, RuleRequest? Rule, Guid? Version)
{
    public IReadOnlyList<Guid> PartyIds => Parties ?? [];

    public ApportionmentRule ToRule() => Rule is null
        ? ApportionmentRule.Equal
        : ApportionmentRule.Create(Rule.Method, null, null,
            (Rule.Shares ?? []).Select(s => new AuthorityShare(s.AuthorityId, s.Value)).ToList(), PartyIds.Distinct().ToList());

    public AgreementDetails ToDetails(ApportionmentRule rule) => new(
        Title, OptionId, PartyIds,
        (Contributions ?? []).Select(c => new Contribution(c.AuthorityId ?? Guid.Empty, c.Kind ?? 0, c.Description ?? string.Empty, c.AnnualValue ?? 0)).ToList(),
        RiskSharing, Contingency, ExitArrangements, Starts, Ends, ReviewDate, Status, SignedOn, rule);
}

public sealed record KpiRequest(string? Measure, string? Unit, decimal? Target, KpiPolarity? Polarity, KpiFrequency? Frequency, string? Source, Guid? Version);

public sealed record KpiActualRequest(string? Period, DateOnly? PeriodEnd, decimal? Value, string? Note);

/// <summary>Shared services agreements: parties, contributions, clauses, status, and their KPIs with actuals rated red, amber or green.</summary>
public static class AgreementsApi
{
    public static void MapAgreementsApi(this RouteGroupBuilder api)
    {
        var partnership = api.MapGroup("/partnerships/{partnershipId:guid}/agreements").WithTags("Agreements");
        partnership.MapGet("/", ListAgreements).WithName("ListAgreements").WithSummary("The partnership's shared services agreements, with their KPIs and alerts");
        partnership.MapPost("/", CreateAgreement).WithName("CreateAgreement").RequireAuthorization(Policies.Edit)
            .WithSummary("Adds a shared services agreement, optionally linked to one of the programme's options");

        var agreement = api.MapGroup("/agreements/{id:guid}").WithTags("Agreements");
        agreement.MapGet("/", GetAgreement).WithName("GetAgreement").WithSummary("An agreement with its KPIs, their actuals rated red, amber or green, and its alerts");
        agreement.MapPut("/", UpdateAgreement).WithName("UpdateAgreement").RequireAuthorization(Policies.Edit)
            .WithSummary("Changes an agreement; send the version you read");
        agreement.MapPost("/kpis", AddKpi).WithName("AddKpi").RequireAuthorization(Policies.Edit).WithSummary("Adds a KPI (a performance level) to an agreement");

        var kpi = api.MapGroup("/kpis/{id:guid}").WithTags("Agreements");
        kpi.MapGet("/", GetKpi).WithName("GetKpi").WithSummary("A KPI with its actuals by period, each rated");
        kpi.MapPut("/", UpdateKpi).WithName("UpdateKpi").RequireAuthorization(Policies.Edit).WithSummary("Changes a KPI; send the version you read");
        kpi.MapPost("/actuals", RecordActual).WithName("RecordKpiActual").RequireAuthorization(Policies.Edit)
            .WithSummary("Records the KPI's value for a period, replacing an earlier value for the same period end");
    }

    private static async Task<Results<Ok<List<AgreementDto>>, NotFound>> ListAgreements(Guid partnershipId, AgreementReader agreements, CancellationToken ct)
    {
        if (await agreements.PartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await agreements.AgreementsAsync(partnershipId, ct)).Select(a => AgreementDto.From(a, view)).ToList());
    }

    private static async Task<Results<Created<AgreementDto>, NotFound>> CreateAgreement(
        Guid partnershipId, AgreementRequest request, AgreementReader agreements, ConcordDbContext db, CancellationToken ct)
    {
        if (await agreements.PartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        Agreement? created = null;
        AgreementRules.Apply(request.ToRule, rule => created = agreements.Create(view, request.ToDetails(rule)));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/agreements/{created!.Id}", AgreementDto.From(created, view));
    }

    private static async Task<Results<Ok<AgreementDto>, NotFound>> GetAgreement(Guid id, AgreementReader agreements, CancellationToken ct) =>
        await agreements.FindAsync(id, ct) is var (agreement, view) ? TypedResults.Ok(AgreementDto.From(agreement, view)) : TypedResults.NotFound();

    private static async Task<Results<Ok<AgreementDto>, NotFound>> UpdateAgreement(
        Guid id, AgreementRequest request, AgreementReader agreements, ConcordDbContext db, CancellationToken ct)
    {
        if (await agreements.FindAsync(id, ct) is not var (agreement, view))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        AgreementRules.Apply(request.ToRule, rule => agreements.Change(agreement, view, request.ToDetails(rule), version));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AgreementDto.From(agreement, view));
    }

    private static async Task<Results<Created<KpiDto>, NotFound>> AddKpi(Guid id, KpiRequest request, AgreementReader agreements, ConcordDbContext db, CancellationToken ct)
    {
        if (await agreements.FindAsync(id, ct) is not var (agreement, _))
        {
            return TypedResults.NotFound();
        }

        var kpi = agreements.AddKpi(agreement, request.Measure, request.Unit, request.Target, request.Polarity, request.Frequency, request.Source);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/kpis/{kpi.Id}", KpiDto.From(kpi));
    }

    private static async Task<Results<Ok<KpiDto>, NotFound>> GetKpi(Guid id, AgreementReader agreements, CancellationToken ct) =>
        await agreements.FindKpiAsync(id, ct) is var (kpi, _, _) ? TypedResults.Ok(KpiDto.From(kpi)) : TypedResults.NotFound();

    private static async Task<Results<Ok<KpiDto>, NotFound>> UpdateKpi(Guid id, KpiRequest request, AgreementReader agreements, ConcordDbContext db, CancellationToken ct)
    {
        if (await agreements.FindKpiAsync(id, ct) is not var (kpi, _, _))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        kpi.Change(request.Measure, request.Unit, request.Target, request.Polarity, request.Frequency, request.Source);
        db.ExpectVersion(kpi, version);
        db.Touch(kpi);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(KpiDto.From(kpi));
    }

    private static async Task<Results<Ok<KpiDto>, NotFound>> RecordActual(Guid id, KpiActualRequest request, AgreementReader agreements, ConcordDbContext db, CancellationToken ct)
    {
        if (await agreements.FindKpiAsync(id, ct) is not var (kpi, _, _))
        {
            return TypedResults.NotFound();
        }

        agreements.Record(kpi, request.Period, request.PeriodEnd, request.Value, request.Note);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(KpiDto.From(kpi));
    }
}
