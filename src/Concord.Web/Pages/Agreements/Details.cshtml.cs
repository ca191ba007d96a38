using Concord.Core.Finance;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Agreements;

/// <summary>One shared services agreement: parties, contributions, clauses, term and status, and its KPIs with their latest rating and alerts.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(AgreementReader agreements, IAuthorizationService authorization) : ConcordPageModel
{
    public Agreement Agreement { get; private set; } = default!;

    public PartnershipView View { get; private set; } = default!;

    public IReadOnlyList<ContributionTotal> Totals { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await agreements.FindAsync(id, cancellationToken) is not var (agreement, view))
        {
            return NotFound();
        }

        (Agreement, View) = (agreement, view);
        Totals = AgreementReader.Totals(agreement, view);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }
}
