using Concord.Core.Programme;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Programme;

[Authorize(Policy = Policies.Read)]
public sealed class OverviewModel(ProgrammeReader reader, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public IReadOnlyList<Option> Options { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool CanLead { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        Options = await Reader.OptionsAsync(View, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        CanLead = (await authorization.AuthorizeAsync(User, Policies.ProgrammeLead)).Succeeded;
        return Page();
    }
}
