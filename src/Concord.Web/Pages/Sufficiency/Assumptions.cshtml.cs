using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>
/// A council's sufficiency assumptions (/sufficiency/assumptions?authority=E08000007): its own staff
/// and its partners' read them; Concord's stated defaults until the council saves its own.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class AssumptionsModel(SufficiencyAssumptions assumptions, IAuthorizationService authorization) : ConcordPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Authority { get; set; }

    public AssumptionsView View { get; private set; } = default!;

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await assumptions.ReadableAsync(Authority, cancellationToken) is not { } council)
        {
            return NotFound();
        }

        View = await assumptions.ViewAsync(council, cancellationToken);
        CanChange = View.Own && (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }
}
