using Concord.Core.Access;
using Concord.Core.Finance;
using Concord.Core.Partnerships;
using Concord.Core.PublicData;
using Concord.Data;
using Concord.Web.PublicData;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Finance;

/// <summary>One authority's high needs picture for a year: DfE's published allocation, and its own budget if the reader may see it.</summary>
public sealed record HighNeedsView(Authority Authority, FinancialYear Year, DsgAllocation? Allocation, HighNeedsBudget? Budget, bool OwnCouncil);

/// <summary>
/// Reads high needs budgets and DSG allocations. A council's budget is its own: the query filters
/// hide other councils' budgets, and this reader asks only for the acting council's.
/// </summary>
public sealed class HighNeedsReader(ConcordDbContext db, IUserContext user)
{
    public Guid? WorkingFor => user.ActiveAuthorityId;

    public Task<Authority?> AuthorityAsync(string onsCode, CancellationToken cancellationToken) =>
        db.Authorities.SingleOrDefaultAsync(a => a.OnsCode == onsCode, cancellationToken);

    public Task<Authority?> WorkingForAsync(CancellationToken cancellationToken) =>
        db.Authorities.SingleOrDefaultAsync(a => a.Id == user.ActiveAuthorityId, cancellationToken);

    /// <summary>The acting council's budgets, latest year first.</summary>
    public async Task<IReadOnlyList<HighNeedsBudget>> OwnBudgetsAsync(CancellationToken cancellationToken) =>
        await db.HighNeedsBudgets.OwnedBy(user.ActiveAuthorityId).OrderByDescending(b => b.FinancialYearStart).ToListAsync(cancellationToken);

    public Task<HighNeedsBudget?> OwnBudgetAsync(FinancialYear year, CancellationToken cancellationToken) =>
        db.HighNeedsBudgets.OwnedBy(user.ActiveAuthorityId).SingleOrDefaultAsync(b => b.FinancialYearStart == year.StartYear, cancellationToken);

    public Task<DsgAllocation?> AllocationAsync(int dfeCode, FinancialYear year, CancellationToken cancellationToken) =>
        db.DsgAllocations.SingleOrDefaultAsync(a => a.DfeCode == dfeCode && a.FinancialYearStart == year.StartYear, cancellationToken);

    public async Task<IReadOnlyList<DsgAllocation>> AllocationsAsync(FinancialYear year, CancellationToken cancellationToken) =>
        (await db.DsgAllocations.Where(a => a.FinancialYearStart == year.StartYear).ToListAsync(cancellationToken))
            .OrderBy(a => a.DfeCode == DsgImport.England ? 0 : 1).ThenBy(a => a.LaName, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<FinancialYear>> AllocationYearsAsync(CancellationToken cancellationToken) =>
        (await db.DsgAllocations.Select(a => a.FinancialYearStart).Distinct().ToListAsync(cancellationToken)).Order().Select(y => new FinancialYear(y)).ToList();

    public Task<DatasetImport?> ProvenanceAsync(CancellationToken cancellationToken) =>
        db.DatasetImports.SingleOrDefaultAsync(d => d.Dataset == DsgImport.Dataset, cancellationToken);

    /// <summary>The picture for any authority: public data always, the budget only for the authority's own staff.</summary>
    public async Task<HighNeedsView> ViewAsync(Authority authority, FinancialYear year, CancellationToken cancellationToken)
    {
        var own = authority.Id == user.ActiveAuthorityId;
        var budget = own ? await OwnBudgetAsync(year, cancellationToken) : null;
        return new HighNeedsView(authority, year, await AllocationAsync(authority.DfeCode, year, cancellationToken), budget, own);
    }
}
