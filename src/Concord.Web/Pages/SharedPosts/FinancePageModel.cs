using System.Globalization;
using Concord.Core;
using Concord.Core.Finance;
using Concord.Web.Api;
using Concord.Web.Finance;

namespace Concord.Web.Pages.SharedPosts;

/// <summary>A page of a partnership's money: its shared posts, measures and recharges. It knows the partnership and its councils.</summary>
public abstract class FinancePageModel(SharedPostReader reader) : ConcordPageModel
{
    protected SharedPostReader Reader { get; } = reader;

    public PartnershipView View { get; private set; } = default!;

    /// <summary>Which tab of the money sub-navigation this page belongs to.</summary>
    public abstract string Section { get; }

    protected async Task<bool> LoadPartnershipAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var view = await Reader.PartnershipAsync(partnershipId, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }

    /// <summary>
    /// The financial year (this one when none is given) and quarter (none for the whole year) a
    /// page was asked for; or null, with the errors against the chooser's fields "Year" and "Quarter".
    /// </summary>
    protected (FinancialYear Year, int? Quarter)? ReadPeriod(string? year, string? quarter)
    {
        try
        {
            int? chosen = string.IsNullOrWhiteSpace(quarter) ? null : int.TryParse(quarter, NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : 0;
            return FinanceApi.ReadPeriod(year ?? FinancialYear.Of(Reader.Today).ToString(), chosen);
        }
        catch (RuleViolationException violations)
        {
            foreach (var violation in violations.Violations)
            {
                ModelState.AddModelError(violation.Field == "year" ? "Year" : "Quarter", violation.Message);
            }

            return null;
        }
    }
}
