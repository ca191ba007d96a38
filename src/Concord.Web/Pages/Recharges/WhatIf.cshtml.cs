using Concord.Core.Finance;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.SharedPosts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Recharges;

/// <summary>
/// What if the year's shared cost were split another way (/partnerships/{partnershipId}/recharges/what-if?year=2022-23):
/// each council's amount under the rules in force, equal shares, and each driver with a measure for every council.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class WhatIfModel(SharedPostReader reader) : FinancePageModel(reader)
{
    public override string Section => "What if";

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public WhatIf? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        Year ??= FinancialYear.Of(Reader.Today).ToString();
        if (ReadPeriod(Year, null) is not var (year, _))
        {
            return Invalid();
        }

        Comparison = await Reader.WhatIfAsync(View, year, cancellationToken);
        return Page();
    }
}
