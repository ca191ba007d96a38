using Concord.Core.Finance;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Agreements;

/// <summary>A partnership's shared services agreements: who is party, their status, term, review date and alerts.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(AgreementReader agreements, IAuthorizationService authorization) : ConcordPageModel
{
    public PartnershipView View { get; private set; } = default!;

    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await agreements.PartnershipAsync(partnershipId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Agreements = await agreements.AgreementsAsync(partnershipId, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }
}
