using Concord.Core;
using Concord.Core.Finance;
using Concord.Data;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concord.Web.Api;

public sealed record AuthorityShareDto(AuthorityRef Authority, decimal Value);

public sealed record RuleDto(ApportionmentMethod Method, ApportionmentDriver? Driver, int? DriverYear, string Description, IReadOnlyList<AuthorityShareDto> Shares)
{
    public static RuleDto From(ApportionmentRule rule, PartnershipView view) => new(rule.Method, rule.Driver, rule.DriverYear, view.Describe(rule),
        rule.Shares.Select(s => new AuthorityShareDto(new AuthorityRef(s.AuthorityId, view.NameOf(s.AuthorityId)), s.Value)).ToList());
}

public sealed record PostFundingDto(AuthorityRef Authority, FundingSource Source, string? Note);

public sealed record SharedPostDto(
    Guid Id, Guid PartnershipId, string Title, PostArrangement Arrangement, AuthorityRef EmployingAuthority, IReadOnlyList<AuthorityRef> ServedAuthorities,
    string? Holder, decimal Fte, DateOnly Start, DateOnly? InitialTermEnds, DateOnly? End, IReadOnlyList<DateOnly> ReviewDates, DateOnly? NextReview,
    decimal Salary, decimal OnCosts, decimal OtherCosts, decimal AnnualCost, IReadOnlyList<PostFundingDto> Funding, Guid? AgreementId, RuleDto Rule,
    IReadOnlyList<AuthorityShareDto> YearlyShares, Guid Version)
{
    public static SharedPostDto From(SharedPost p, PartnershipView view, DateOnly today)
    {
        AuthorityRef Ref(Guid id) => new(id, view.NameOf(id));
        var served = view.InOrder(p.ServedAuthorityIds);
        return new(p.Id, p.PartnershipId, p.Title, p.Arrangement, Ref(p.EmployingAuthorityId), served.Select(Ref).ToList(),
            p.Holder, p.Fte, p.Start, p.InitialTermEnds, p.End, p.ReviewDates, p.NextReview(today),
            p.Salary, p.OnCosts, p.OtherCosts, p.AnnualCost, p.Funding.Select(f => new PostFundingDto(Ref(f.AuthorityId), f.Source, f.Note)).ToList(), p.AgreementId,
            RuleDto.From(p.Rule, view), p.Rule.Split(p.AnnualCost, served).Select(s => new AuthorityShareDto(Ref(s.Key), s.Value)).ToList(), p.Version);
    }
}

public sealed record ShareRequest(Guid AuthorityId, decimal Value);

/// <summary>How the cost is split: EqualShares; FixedPercentages with a share per council; or Driver with driver and driverYear, whose values come from the partnership's measures.</summary>
public sealed record RuleRequest(ApportionmentMethod? Method, ApportionmentDriver? Driver, int? DriverYear, IReadOnlyList<ShareRequest>? Shares)
{
    public RuleChoice ToChoice() => new(Method, (Shares ?? []).Select(s => new AuthorityShare(s.AuthorityId, s.Value)).ToList(), Driver, DriverYear);
}

public sealed record FundingRequest(Guid AuthorityId, FundingSource Source, string? Note);

/// <summary>A shared post's details; on PUT, send the version you read. The rule defaults to equal shares.</summary>
public sealed record SharedPostRequest(
    string? Title, PostArrangement? Arrangement, Guid? EmployingAuthorityId, IReadOnlyList<Guid>? ServedAuthorityIds, string? Holder, decimal? Fte,
    DateOnly? Start, DateOnly? InitialTermEnds, DateOnly? End, IReadOnlyList<DateOnly>? ReviewDates, decimal? Salary, decimal? OnCosts, decimal? OtherCosts,
    IReadOnlyList<FundingRequest>? Funding, Guid? AgreementId, RuleRequest? Rule, Guid? Version)
{
    public SharedPostDetails ToDetails() => new(Title, Arrangement, EmployingAuthorityId, ServedAuthorityIds ?? [], Holder, Fte, Start, InitialTermEnds, End,
        ReviewDates ?? [], Salary, OnCosts, OtherCosts, (Funding ?? []).Select(f => new PostFunding(f.AuthorityId, f.Source, f.Note)).ToList(), AgreementId, ApportionmentRule.Equal);

    public RuleChoice RuleChoice => (Rule ?? new RuleRequest(ApportionmentMethod.EqualShares, null, null, null)).ToChoice();
}

public sealed record MeasureDto(Guid Id, AuthorityRef Authority, ApportionmentDriver Driver, string DriverName, int Year, decimal Value, string Source, Guid Version);

public sealed record MeasureRequest(Guid? AuthorityId, ApportionmentDriver? Driver, int? Year, decimal? Value, string? Source);

public sealed record CouncilFiguresDto(AuthorityRef Authority, decimal Paid, decimal InKind, decimal Share, decimal Balance, string? Funding);

public sealed record RechargeItemDto(string Kind, Guid SourceId, string Title, string Rule, decimal Cost, IReadOnlyList<CouncilFiguresDto> Councils);

public sealed record SettlementDto(AuthorityRef From, AuthorityRef To, decimal Amount, string Text);

public sealed record RechargeStatementDto(
    string Year, int? Quarter, string Period, DateOnly Start, DateOnly End, decimal TotalCost, IReadOnlyList<RechargeItemDto> Items, IReadOnlyList<CouncilFiguresDto> Councils,
    IReadOnlyList<SettlementDto> Settlements)
{
    public static RechargeStatementDto From(RechargeStatement s, int? quarter) => new(
        s.Year.ToString(), quarter, s.Period.Label, s.Period.Start, s.Period.End, s.TotalCost,
        s.Items.Select(i => new RechargeItemDto(i.Kind, i.SourceId, i.Title, i.Rule, i.Cost,
            s.Councils.Where(c => i.Shares.ContainsKey(c.AuthorityId) || i.Paid.ContainsKey(c.AuthorityId) || i.InKind.ContainsKey(c.AuthorityId))
                .Select(c => new CouncilFiguresDto(new AuthorityRef(c.AuthorityId, c.Name), i.Paid.GetValueOrDefault(c.AuthorityId), i.InKind.GetValueOrDefault(c.AuthorityId),
                    i.Shares.GetValueOrDefault(c.AuthorityId), i.Balance(c.AuthorityId), i.Funding.GetValueOrDefault(c.AuthorityId)))
                .ToList())).ToList(),
        s.Councils.Select(c => new CouncilFiguresDto(new AuthorityRef(c.AuthorityId, c.Name), c.Paid, c.InKind, c.Share, c.Balance, null)).ToList(),
        s.Settlements.Select(x => new SettlementDto(new AuthorityRef(x.From, x.FromName), new AuthorityRef(x.To, x.ToName), x.Amount, RechargeExport.Describe(x))).ToList());
}

/// <summary>Shared posts, apportionment measures and recharge statements.</summary>
public static class FinanceApi
{
    public static void MapFinanceApi(this RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/shared-posts").WithTags("Shared posts");
        posts.MapGet("/", ListPosts).WithName("ListSharedPosts").WithSummary("Every shared post in the partnerships of the council you work for");
        posts.MapGet("/{id:guid}", GetPost).WithName("GetSharedPost").WithSummary("A shared post with its rule and each council's yearly share");
        posts.MapPut("/{id:guid}", UpdatePost).WithName("UpdateSharedPost").RequireAuthorization(Policies.Edit)
            .WithSummary("Changes a shared post; send the version you read");

        var partnership = api.MapGroup("/partnerships/{partnershipId:guid}").WithTags("Shared posts");
        partnership.MapPost("/shared-posts", CreatePost).WithName("CreateSharedPost").RequireAuthorization(Policies.Edit)
            .WithSummary("Adds a shared post to the partnership");
        partnership.MapGet("/measures", ListMeasures).WithName("ListMeasures").WithTags("Recharges")
            .WithSummary("The partnership's apportionment measures: each council's value of a driver for a year, with its source");
        partnership.MapPost("/measures", RecordMeasure).WithName("RecordMeasure").WithTags("Recharges").RequireAuthorization(Policies.Edit)
            .WithSummary("Records a council's value of a driver for a year, or changes the one already recorded");
        partnership.MapGet("/recharges", GetRecharges).WithName("GetRecharges").WithTags("Recharges")
            .WithSummary("The recharge statement for a financial year (year=2022-23) or a quarter of it (quarter=1 to 4); JSON, or CSV or XLSX by format= or the Accept header");
    }

    private static async Task<Ok<List<SharedPostDto>>> ListPosts(SharedPostReader reader, CancellationToken ct)
    {
        var views = (await reader.PartnershipsAsync(ct)).ToDictionary(v => v.Id);
        var posts = await reader.PostsAsync(null, ct);
        return TypedResults.Ok(posts.Where(p => views.ContainsKey(p.PartnershipId)).Select(p => SharedPostDto.From(p, views[p.PartnershipId], reader.Today)).ToList());
    }

    private static async Task<Results<Ok<SharedPostDto>, NotFound>> GetPost(Guid id, SharedPostReader reader, CancellationToken ct) =>
        await reader.PostWithPartnershipAsync(id, ct) is var (post, view) ? TypedResults.Ok(SharedPostDto.From(post, view, reader.Today)) : TypedResults.NotFound();

    private static async Task<Results<Created<SharedPostDto>, NotFound>> CreatePost(
        Guid partnershipId, SharedPostRequest request, SharedPostReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.PartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var post = await reader.SaveAsync(view, null, request.ToDetails(), request.RuleChoice, Guid.Empty, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/shared-posts/{post.Id}", SharedPostDto.From(post, view, reader.Today));
    }

    private static async Task<Results<Ok<SharedPostDto>, NotFound>> UpdatePost(Guid id, SharedPostRequest request, SharedPostReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.PostWithPartnershipAsync(id, ct) is not var (post, view))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        await reader.SaveAsync(view, post, request.ToDetails(), request.RuleChoice, version, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SharedPostDto.From(post, view, reader.Today));
    }

    private static MeasureDto Dto(ApportionmentMeasure m, PartnershipView view) =>
        new(m.Id, new AuthorityRef(m.AuthorityId, view.NameOf(m.AuthorityId)), m.Driver, m.Driver.Display(), m.Year, m.Value, m.Source, m.Version);

    private static async Task<Results<Ok<List<MeasureDto>>, NotFound>> ListMeasures(Guid partnershipId, SharedPostReader reader, CancellationToken ct)
    {
        if (await reader.PartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await reader.MeasuresAsync(partnershipId, ct)).Select(m => Dto(m, view)).ToList());
    }

    private static async Task<Results<Ok<MeasureDto>, NotFound>> RecordMeasure(
        Guid partnershipId, MeasureRequest request, SharedPostReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.PartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var measure = await reader.RecordMeasureAsync(view, request.AuthorityId, request.Driver, request.Year, request.Value, request.Source, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(measure, view));
    }

    /// <summary>The financial year and quarter asked for, or the problems naming year and quarter.</summary>
    public static (FinancialYear Year, int? Quarter) ReadPeriod(string? year, int? quarter)
    {
        var checks = new Checks();
        checks.Require(FinancialYear.TryParse(year, out var parsed), "year", "Enter a financial year like 2022-23");
        checks.Require(quarter is null or (>= 1 and <= 4), "quarter", "The quarter must be 1, 2, 3 or 4, or left out for the whole year");
        checks.ThrowIfAny();
        return (parsed, quarter);
    }

    private static async Task<Results<Ok<RechargeStatementDto>, FileContentHttpResult, NotFound>> GetRecharges(
        Guid partnershipId, string? year, int? quarter, string? format, HttpRequest http, SharedPostReader reader, CancellationToken ct)
    {
        var accept = http.Headers.Accept.ToString();
        var chosen = (format ?? (accept.Contains(TableExport.XlsxType, StringComparison.OrdinalIgnoreCase) ? "xlsx"
            : accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "json")).ToLowerInvariant();
        var checks = new Checks();
        checks.Require(TableExport.IsFormat(chosen), "format", TableExport.FormatProblem);
        checks.ThrowIfAny();
        var (financialYear, chosenQuarter) = ReadPeriod(year, quarter);
        if (await reader.PartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var statement = await reader.StatementAsync(view, financialYear, chosenQuarter, ct);
        return chosen switch
        {
            "csv" => TypedResults.File(RechargeExport.Csv(statement), TableExport.CsvType, $"{RechargeExport.FileName(statement)}.csv"),
            "xlsx" => TypedResults.File(RechargeExport.Xlsx(statement), TableExport.XlsxType, $"{RechargeExport.FileName(statement)}.xlsx"),
            _ => TypedResults.Ok(RechargeStatementDto.From(statement, chosenQuarter)),
        };
    }
}
