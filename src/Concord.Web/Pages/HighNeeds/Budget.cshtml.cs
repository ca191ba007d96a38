using Concord.Core.Finance;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.HighNeeds;

/// <summary>
/// One year of the council's high needs budget: the DSG beside DfE's published allocation, the
/// spending lines with forecast outturn, the cumulative deficit reconciliation and the five-year
/// recovery projection.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class BudgetModel(HighNeedsReader reader, IAuthorizationService authorization) : ConcordPageModel
{
    public HighNeedsView View { get; private set; } = default!;

    public HighNeedsBudget Budget => View.Budget!;

    public IReadOnlyList<ProjectionYear> Projection { get; private set; } = [];

    public Core.PublicData.DatasetImport? Source { get; private set; }

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string year, CancellationToken cancellationToken)
    {
        if (!FinancialYear.TryParse(year, out var chosen) || await reader.WorkingForAsync(cancellationToken) is not { } council)
        {
            return NotFound();
        }

        View = await reader.ViewAsync(council, chosen, cancellationToken);
        if (View.Budget is null)
        {
            return NotFound();
        }

        Projection = Budget.Projection();
        Source = await reader.ProvenanceAsync(cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.Finance)).Succeeded;
        return Page();
    }
}
