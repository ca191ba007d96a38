using System.Globalization;
using Concord.Core;
using Concord.Core.Finance;
using Concord.Web.Api;
using Concord.Web.Finance;
using Concord.Web.Pages.SharedPosts;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Recharges;

/// <summary>
/// A page about a financial year of the partnership's shared costs (?year=2022-23, this year when
/// none is given) and, for some, a quarter of it. A year or quarter that is not one comes back as
/// the page with the error against the chooser's field (400).
/// </summary>
public abstract class RechargePageModel(SharedPostReader reader) : FinancePageModel(reader)
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>The quarter asked for, as entered; none for the whole year.</summary>
    protected virtual string? QuarterAsked => null;

    /// <summary>Reads what the page shows for the year or quarter.</summary>
    protected abstract Task ShowAsync(FinancialYear year, int? quarter, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        Year ??= FinancialYear.Of(Reader.Today).ToString();
        if (ReadPeriod() is not var (year, quarter))
        {
            return Invalid();
        }

        await ShowAsync(year, quarter, cancellationToken);
        return Page();
    }

    private (FinancialYear Year, int? Quarter)? ReadPeriod()
    {
        try
        {
            var asked = QuarterAsked;
            int? quarter = string.IsNullOrWhiteSpace(asked) ? null : int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : 0;
            return FinanceApi.ReadPeriod(Year, quarter);
        }
        catch (RuleViolationException violations)
        {
            foreach (var violation in violations.Violations)
            {
                ModelState.AddModelError(violation.Field == "year" ? nameof(Year) : "Quarter", violation.Message);
            }

            return null;
        }
    }
}
