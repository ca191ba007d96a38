using Concord.Core.Finance;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Api;

public sealed record CostBenefitLineDto(CostBenefitScenario Scenario, AuthorityRef Council, CostBenefitKind Kind, string Description, IReadOnlyList<decimal> Amounts);

public sealed record CostBenefitYearDto(
    int Index, string Year, decimal DiscountFactor, decimal Costs, decimal CostsWithBias, decimal CashableSavings, decimal ValuedBenefits,
    decimal NetCashable, decimal Net, decimal PresentValueCashable, decimal PresentValue)
{
    public static CostBenefitYearDto From(CostBenefitYear y) => new(y.Index, y.Year.ToString(), y.DiscountFactor, y.Costs, y.CostsWithBias, y.CashableSavings,
        y.ValuedBenefits, y.NetCashable, y.Net, y.PresentValueCashable, y.PresentValue);
}

public sealed record IncrementalYearDto(int Index, string Year, decimal NetCashable, decimal PresentValueCashable, decimal CumulativePresentValueCashable, decimal PresentValue);

public sealed record CouncilSplitDto(AuthorityRef Council, decimal Costs, decimal CashableSavings, decimal ValuedBenefits, decimal NetCashable);

public sealed record PaybackDto(int Index, string Year);

public sealed record CostBenefitResultDto(
    decimal NetPresentValueCashable, decimal NetPresentValue, PaybackDto? Payback,
    IReadOnlyList<CostBenefitYearDto> DoNothing, IReadOnlyList<CostBenefitYearDto> Option, IReadOnlyList<IncrementalYearDto> Increment,
    IReadOnlyList<CouncilSplitDto> Split);

public sealed record CostBenefitDto(
    Guid Id, Guid OptionId, int FirstYear, string FirstYearLabel, int HorizonYears, decimal DiscountRate, decimal OptimismBias,
    IReadOnlyList<CostBenefitLineDto> Lines, IReadOnlyList<string> DescribedBenefits, string? Notes, DateTimeOffset PreparedAt, string PreparedBy,
    string Summary, CostBenefitResultDto Result, Guid Version)
{
    public static CostBenefitDto From(CostBenefitAnalysis a, ProgrammeView view)
    {
        AuthorityRef Council(Guid id) => new(id, view.NameOf(id));
        var r = a.Evaluate();
        var result = new CostBenefitResultDto(
            r.NetPresentValueCashable, r.NetPresentValue, r.Payback is { } p ? new PaybackDto(p.Index, p.Year.ToString()) : null,
            r.DoNothing.Years.Select(CostBenefitYearDto.From).ToList(), r.Option.Years.Select(CostBenefitYearDto.From).ToList(),
            r.Increment.Select(y => new IncrementalYearDto(y.Index, y.Year.ToString(), y.NetCashable, y.PresentValueCashable, y.CumulativePresentValueCashable, y.PresentValue)).ToList(),
            r.Split.Select(s => new CouncilSplitDto(Council(s.AuthorityId), s.Costs, s.CashableSavings, s.ValuedBenefits, s.NetCashable)).ToList());
        return new(a.Id, a.OptionId, a.FirstYear, a.Year0.ToString(), a.HorizonYears, a.DiscountRate, a.OptimismBias,
            a.Lines.Select(l => new CostBenefitLineDto(l.Scenario, Council(l.AuthorityId), l.Kind, l.Description, l.Amounts)).ToList(),
            a.DescribedBenefits, a.Notes, a.PreparedAt, a.PreparedBy, a.Summarise(view.AuthorityNames), result, a.Version);
    }
}

public sealed record CostBenefitLineRequest(CostBenefitScenario? Scenario, Guid? AuthorityId, CostBenefitKind? Kind, string? Description, IReadOnlyList<decimal>? Amounts);

/// <summary>An option's cost-benefit analysis. Rates are proportions: 0.035 for 3.5%. Version is needed only to replace an existing analysis safely.</summary>
public sealed record CostBenefitRequest(
    int? FirstYear, int? HorizonYears, decimal? DiscountRate, decimal? OptimismBias, IReadOnlyList<CostBenefitLineRequest>? Lines,
    IReadOnlyList<string>? DescribedBenefits, string? Notes, Guid? Version)
{
    public CostBenefitDetails ToDetails() => new(FirstYear, HorizonYears, DiscountRate, OptimismBias,
        (Lines ?? []).Select(l => new CostBenefitLine(l.Scenario ?? 0, l.AuthorityId ?? Guid.Empty, l.Kind ?? 0, l.Description ?? string.Empty, l.Amounts ?? [])).ToList(),
        DescribedBenefits ?? [], Notes);
}

/// <summary>The cost-benefit analysis of an option: Green Book net present value, payback and the split between councils.</summary>
public static class CostBenefitApi
{
    public static void MapCostBenefitApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/options/{id:guid}/cost-benefit").WithTags("Cost-benefit analysis");
        group.MapGet("/", GetCostBenefit).WithName("GetCostBenefit")
            .WithSummary("An option's cost-benefit analysis and its evaluation: net present values, payback, the years of each scenario and the split between councils");
        group.MapPut("/", PutCostBenefit).WithName("PutCostBenefit").RequireAuthorization(Policies.Edit)
            .WithSummary("Prepares the option's cost-benefit analysis, or replaces it");
    }

    private static async Task<(Option Option, ProgrammeView View)?> FindAsync(Guid id, ProgrammeReader reader, CancellationToken ct)
    {
        var option = await reader.OptionAsync(id, ct);
        return option is not null && await reader.ForProgrammeAsync(option.ProgrammeId, ct) is { } view ? (option, view) : null;
    }

    private static async Task<Results<Ok<CostBenefitDto>, NotFound>> GetCostBenefit(Guid id, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, ct) is not var (_, view) ||
            await db.CostBenefitAnalyses.SingleOrDefaultAsync(a => a.OptionId == id, ct) is not { } analysis)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(CostBenefitDto.From(analysis, view));
    }

    private static async Task<Results<Created<CostBenefitDto>, Ok<CostBenefitDto>, NotFound>> PutCostBenefit(
        Guid id, CostBenefitRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, ct) is not var (option, view))
        {
            return TypedResults.NotFound();
        }

        var analysis = await db.CostBenefitAnalyses.SingleOrDefaultAsync(a => a.OptionId == id, ct);
        if (analysis is null)
        {
            analysis = CostBenefitAnalysis.Create(option.PartnershipId, option.Id, request.ToDetails(), option.ParticipantIds, reader.Actor);
            db.CostBenefitAnalyses.Add(analysis);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/options/{id}/cost-benefit", CostBenefitDto.From(analysis, view));
        }

        analysis.Change(request.ToDetails(), option.ParticipantIds, reader.Actor);
        if (request.Version is { } version)
        {
            db.ExpectVersion(analysis, version);
        }

        db.Touch(analysis);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CostBenefitDto.From(analysis, view));
    }
}
