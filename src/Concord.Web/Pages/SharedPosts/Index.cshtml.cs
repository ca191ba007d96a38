using Concord.Core.Finance;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.SharedPosts;

/// <summary>The partnership's register of shared posts (/partnerships/{partnershipId}/shared-posts).</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(SharedPostReader reader, IAuthorizationService authorization) : FinancePageModel(reader)
{
    public override string Section => "Shared posts";

    public IReadOnlyList<SharedPost> Posts { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public DateOnly Today => Reader.Today;

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        Posts = await Reader.PostsAsync(partnershipId, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }
}
