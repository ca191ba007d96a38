using Concord.Core.Finance;
using Concord.Core.Partnerships;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.HighNeeds;

/// <summary>The council's own high needs budgets, year by year: read by its staff, changed by its Finance role.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(HighNeedsReader reader, IAuthorizationService authorization) : ConcordPageModel
{
    public Authority? Council { get; private set; }

    public IReadOnlyList<HighNeedsBudget> Budgets { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Council = await reader.WorkingForAsync(cancellationToken);
        Budgets = await reader.OwnBudgetsAsync(cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.Finance)).Succeeded;
        return Page();
    }
}
