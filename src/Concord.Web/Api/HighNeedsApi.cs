using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Finance;
using Concord.Core.PublicData;
using Concord.Data;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.Infrastructure.Security;
using Concord.Web.PublicData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concord.Web.Api;

public sealed record DsgBlocksDto(decimal Schools, decimal CentralSchoolServices, decimal HighNeeds, decimal EarlyYears, decimal Total)
{
    public static DsgBlocksDto From(DsgBlocks b) => new(b.Schools, b.CentralSchoolServices, b.HighNeeds, b.EarlyYears, b.Total);
}

public sealed record DataSourceDto(string Title, string Publisher, string Licence, string File, int Rows, DateTimeOffset ImportedAt)
{
    public static DataSourceDto? From(DatasetImport? d) => d is null ? null : new(d.Title, d.Publisher, d.Licence, d.File, d.Rows, d.ImportedAt);
}

public sealed record DsgAllocationDto(string Year, int DfeCode, string LaName, DsgBlocksDto BeforeRecoupment, DsgBlocksDto AfterDeductions)
{
    public static DsgAllocationDto From(DsgAllocation a) =>
        new(a.Year.ToString(), a.DfeCode, a.LaName, DsgBlocksDto.From(a.BeforeRecoupment), DsgBlocksDto.From(a.AfterDeductions));
}

public sealed record BudgetLineDto(SpendingLine Line, string Name, decimal Budget, IReadOnlyList<decimal?> Forecasts, decimal LatestForecast, decimal Variance, string? Note);

public sealed record ReconciliationLineDto(string Label, decimal Amount, string? Note, bool IsTotal);

public sealed record RecoveryDto(decimal DemandGrowth, decimal FundingGrowth, IReadOnlyList<decimal> Savings, string? Note);

public sealed record ProjectionYearDto(string Year, decimal Funding, decimal SpendBeforeSavings, decimal Savings, decimal Spend, decimal InYear, decimal CumulativeDeficit);

public sealed record HighNeedsBudgetDto(
    Guid Id, string Year, decimal DsgTotal, decimal HighNeedsBlock, ForecastFrequency Frequency, string? Notes, IReadOnlyList<string> Periods,
    IReadOnlyList<BudgetLineDto> Lines, decimal TotalBudget, decimal TotalForecast, decimal InYearForecast,
    IReadOnlyList<ReconciliationLineDto> Reconciliation, decimal CumulativeDeficit, decimal ForecastBalance,
    RecoveryDto Recovery, IReadOnlyList<ProjectionYearDto> Projection, Guid Version)
{
    public static HighNeedsBudgetDto From(HighNeedsBudget b) => new(
        b.Id, b.Year.ToString(), b.DsgTotal, b.HighNeedsBlock, b.Frequency, b.Notes, b.Periods.Select(p => p.Label).ToList(),
        b.Lines.Select(l => new BudgetLineDto(l.Line, l.Line.Display(), l.Budget, l.Forecasts, l.LatestForecast, l.Variance, l.Note)).ToList(),
        b.TotalBudget, b.TotalForecast, b.InYearForecast,
        b.ReconciliationLines().Select(l => new ReconciliationLineDto(l.Label, l.Amount, l.Note, l.IsTotal)).ToList(), b.CumulativeDeficit, b.ForecastBalance,
        new RecoveryDto(b.Recovery.DemandGrowth, b.Recovery.FundingGrowth, b.Recovery.Savings, b.Recovery.Note),
        b.Projection().Select(p => new ProjectionYearDto(p.Year.ToString(), p.Funding, p.SpendBeforeSavings, p.Savings, p.Spend, p.InYear, p.CumulativeDeficit)).ToList(),
        b.Version);
}

/// <summary>The public allocation for anyone; the budget only for the council's own staff (null, with a note, for others).</summary>
public sealed record HighNeedsDto(AuthorityRef Authority, string OnsCode, int DfeCode, string Year, DsgAllocationDto? DsgAllocation, DataSourceDto? DsgSource,
    HighNeedsBudgetDto? Budget, string BudgetNote);

public sealed record BudgetLineRequest(SpendingLine Line, decimal? Budget, IReadOnlyList<decimal?>? Forecasts, string? Note);

public sealed record ReconciliationRequest(ReconciliationEntry Entry, decimal? Amount, string? Note);

public sealed record RecoveryRequest(decimal? DemandGrowth, decimal? FundingGrowth, IReadOnlyList<decimal?>? Savings, string? Note);

/// <summary>A whole budget for a year: created if the council has none for the year, otherwise changed (send its version).</summary>
public sealed record HighNeedsRequest(
    decimal? DsgTotal, decimal? HighNeedsBlock, ForecastFrequency? Frequency, string? Notes,
    IReadOnlyList<BudgetLineRequest>? Lines, IReadOnlyList<ReconciliationRequest>? Reconciliation, string? InYearNote, RecoveryRequest? Recovery, Guid? Version);

/// <summary>High needs budgets (each council's own) and DfE's DSG allocations (public, every English authority).</summary>
public static class HighNeedsApi
{
    public static void MapHighNeedsApi(this RouteGroupBuilder api)
    {
        var authority = api.MapGroup("/authorities/{onsCode}/high-needs").WithTags("High needs");
        authority.MapGet("/", GetHighNeeds).WithName("GetHighNeeds")
            .WithSummary("DfE's DSG allocation by block for the authority and year (public), and the council's own high needs budget when the caller works for it");
        authority.MapGet("/xlsx", DownloadHighNeeds).WithName("DownloadHighNeeds")
            .WithSummary("The council's own high needs budget for the year as an Excel workbook: spending lines, reconciliation and projection");
        authority.MapPut("/", PutHighNeeds).WithName("PutHighNeeds").RequireAuthorization(Policies.Finance)
            .WithSummary("Creates or changes the caller's own council's high needs budget for the year: lines, forecasts, reconciliation and recovery assumptions");

        api.MapGet("/dsg-allocations", ListAllocations).WithTags("High needs").WithName("ListDsgAllocations")
            .WithSummary("DfE's DSG allocations for every English authority for a year; format=json, csv or xlsx");
    }

    internal static FinancialYear Year(string? year) =>
        FinancialYear.TryParse(year, out var parsed)
            ? parsed
            : throw new RuleViolationException([new RuleViolation("year", string.IsNullOrWhiteSpace(year) ? "Give the financial year, like year=2020-21" : $"'{year}' is not a financial year like 2020-21")]);

    private static async Task<Results<Ok<HighNeedsDto>, NotFound<string>>> GetHighNeeds(string onsCode, string? year, HighNeedsReader reader, CancellationToken ct)
    {
        var chosen = Year(year);
        if (await reader.AuthorityAsync(onsCode, ct) is not { } authority)
        {
            return TypedResults.NotFound($"No authority has the ONS code '{onsCode}'.");
        }

        var view = await reader.ViewAsync(authority, chosen, ct);
        var note = !view.OwnCouncil
            ? $"{authority.Name}'s high needs budget is internal to {authority.Name}: only its own staff can read it."
            : view.Budget is null ? $"{authority.Name} has not recorded a high needs budget for {chosen}." : "The council's own budget.";
        return TypedResults.Ok(new HighNeedsDto(new AuthorityRef(authority.Id, authority.Name), authority.OnsCode, authority.DfeCode, chosen.ToString(),
            view.Allocation is null ? null : DsgAllocationDto.From(view.Allocation), DataSourceDto.From(await reader.ProvenanceAsync(ct)),
            view.Budget is null ? null : HighNeedsBudgetDto.From(view.Budget), note));
    }

    private static async Task<Results<FileContentHttpResult, NotFound<string>>> DownloadHighNeeds(string onsCode, string? year, HighNeedsReader reader, CancellationToken ct)
    {
        var chosen = Year(year);
        if (await reader.AuthorityAsync(onsCode, ct) is not { } authority)
        {
            return TypedResults.NotFound($"No authority has the ONS code '{onsCode}'.");
        }

        var view = await reader.ViewAsync(authority, chosen, ct);
        return view.Budget is { } budget
            ? TypedResults.File(HighNeedsExport.Xlsx(budget), TableExport.XlsxType, HighNeedsExport.FileName(budget, authority.Name))
            : TypedResults.NotFound(view.OwnCouncil ? $"{authority.Name} has no high needs budget for {chosen}." : $"{authority.Name}'s high needs budget is internal to {authority.Name}.");
    }

    private static async Task<Results<Ok<HighNeedsBudgetDto>, Created<HighNeedsBudgetDto>, NotFound<string>>> PutHighNeeds(
        string onsCode, string? year, HighNeedsRequest request, HighNeedsReader reader, ConcordDbContext db, CancellationToken ct)
    {
        var chosen = Year(year);
        if (await reader.AuthorityAsync(onsCode, ct) is not { } authority)
        {
            return TypedResults.NotFound($"No authority has the ONS code '{onsCode}'.");
        }

        if (authority.Id != reader.WorkingFor)
        {
            throw new AccessDeniedException($"{authority.Name}'s high needs budget is changed only by {authority.Name}'s own Finance staff.");
        }

        var budget = await reader.OwnBudgetAsync(chosen, ct);
        var created = budget is null;
        if (budget is null)
        {
            budget = HighNeedsBudget.Create(authority.Id, chosen.StartYear, request.DsgTotal, request.HighNeedsBlock, request.Frequency, request.Notes);
            db.HighNeedsBudgets.Add(budget);
        }
        else
        {
            db.ExpectVersion(budget, ConcordApi.RequireVersion(request.Version));
            budget.ChangeSummary(request.DsgTotal, request.HighNeedsBlock, request.Frequency, request.Notes);
        }

        Apply(budget, request);
        await db.SaveChangesAsync(ct);
        var dto = HighNeedsBudgetDto.From(budget);
        return created ? TypedResults.Created($"/api/authorities/{onsCode}/high-needs?year={chosen}", dto) : TypedResults.Ok(dto);
    }

    /// <summary>Applies the parts the request gives; every rule is checked before anything is saved.</summary>
    private static void Apply(HighNeedsBudget budget, HighNeedsRequest request)
    {
        var problems = new List<RuleViolation>();
        void Try(Action change)
        {
            try
            {
                change();
            }
            catch (RuleViolationException refused)
            {
                problems.AddRange(refused.Violations);
            }
        }

        if (request.Lines is { } lines)
        {
            Try(() => budget.SetLines(lines.Select(l => new BudgetLine(l.Line, l.Budget ?? 0, l.Forecasts ?? [], l.Note)).ToList()));
        }

        if (request.Reconciliation is { } reconciliation)
        {
            Try(() => budget.SetReconciliation(reconciliation.Select(r => new ReconciliationAmount(r.Entry, r.Amount ?? 0, r.Note)).ToList(), request.InYearNote));
        }

        if (request.Recovery is { } recovery)
        {
            Try(() => budget.SetRecovery(recovery.DemandGrowth, recovery.FundingGrowth, recovery.Savings ?? [], recovery.Note));
        }

        RuleViolationException.ThrowIfAny(problems);
    }

    private static async Task<Results<Ok<List<DsgAllocationDto>>, FileContentHttpResult>> ListAllocations(string? year, string? format, HighNeedsReader reader, CancellationToken ct)
    {
        var chosen = Year(year);
        var chosenFormat = TableExport.Format(format);

        var rows = await reader.AllocationsAsync(chosen, ct);
        var name = $"dsg-allocations-{chosen}";
        return chosenFormat switch
        {
            "csv" => TypedResults.File(TableExport.Csv(rows, DsgColumns), TableExport.CsvType, $"{name}.csv"),
            "xlsx" => TypedResults.File(TableExport.Xlsx(rows, DsgColumns, "DSG allocations"), TableExport.XlsxType, $"{name}.xlsx"),
            _ => TypedResults.Ok(rows.Select(DsgAllocationDto.From).ToList()),
        };
    }

    public static readonly IReadOnlyList<ExportColumn<DsgAllocation>> DsgColumns =
    [
        new("Financial year", a => a.Year.ToString()),
        new("DfE code", a => a.DfeCode == DsgImport.England ? null : a.DfeCode),
        new("Local authority", a => a.LaName),
        new("Schools block", a => a.BeforeRecoupment.Schools),
        new("Central school services block", a => a.BeforeRecoupment.CentralSchoolServices),
        new("High needs block", a => a.BeforeRecoupment.HighNeeds),
        new("Early years block", a => a.BeforeRecoupment.EarlyYears),
        new("Total DSG before recoupment", a => a.BeforeRecoupment.Total),
        new("Total DSG after deductions", a => a.AfterDeductions.Total),
    ];
}
