using Concord.Core.Finance;
using Concord.Core.PublicData;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.HighNeeds;

/// <summary>DfE's DSG allocations for every English authority, by block, for a year: public data for everyone signed in.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DsgModel(HighNeedsReader reader) : ConcordPageModel
{
    public IReadOnlyList<FinancialYear> Years { get; private set; } = [];

    public FinancialYear Year { get; private set; }

    public IReadOnlyList<DsgAllocation> Allocations { get; private set; } = [];

    public DatasetImport? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken cancellationToken)
    {
        Years = await reader.AllocationYearsAsync(cancellationToken);
        Source = await reader.ProvenanceAsync(cancellationToken);
        if (Years.Count == 0)
        {
            return Page();
        }

        var known = FinancialYear.TryParse(year, out var chosen) && Years.Contains(chosen);
        Year = known ? chosen : Years[^1];
        Allocations = await reader.AllocationsAsync(Year, cancellationToken);
        if (year is not null && !known)
        {
            ModelState.AddModelError("Year", $"Choose a financial year from {Years[0]} to {Years[^1]}");
            return Invalid();
        }

        return Page();
    }
}
