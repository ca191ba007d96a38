using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>
/// The children with EHC plans of the council worked for (/sufficiency/children), and only its own:
/// the current load, counts by need and age band, where they are educated, and a page of records.
/// Another council's children are refused (403), whoever asks.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class ChildrenModel(ChildrenRegister children, ProvisionRegister register, IAuthorizationService authorization) : ConcordPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Authority { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int? PageNumber { get; set; }

    public ChildrenView View { get; private set; } = default!;

    public bool CanLoad { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await register.OwnCouncilAsync(cancellationToken) is not { } own)
        {
            return NotFound();
        }

        if (!string.IsNullOrWhiteSpace(Authority) && !string.Equals(Authority.Trim(), own.OnsCode, StringComparison.OrdinalIgnoreCase))
        {
            return Forbid();
        }

        View = (await children.ViewAsync(PageNumber ?? 1, cancellationToken))!;
        CanLoad = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }
}
