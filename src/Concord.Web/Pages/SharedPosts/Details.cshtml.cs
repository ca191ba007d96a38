using Concord.Core.Finance;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.SharedPosts;

/// <summary>A shared post with every field, its rule and each council's yearly share (/shared-posts/{id}).</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(SharedPostReader reader, IAuthorizationService authorization) : FinancePageModel(reader)
{
    public override string Section => "Shared posts";

    public SharedPost Post { get; private set; } = default!;

    public Agreement? Agreement { get; private set; }

    public bool CanEdit { get; private set; }

    public DateOnly Today => Reader.Today;

    /// <summary>The councils the post serves, in the partnership's order.</summary>
    public IReadOnlyList<Guid> Served => View.InOrder(Post.ServedAuthorityIds);

    public IReadOnlyDictionary<Guid, decimal> YearlyShares => Post.Rule.Split(Post.AnnualCost, Served);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var post = await Reader.PostAsync(id, cancellationToken);
        if (post is null || !await LoadPartnershipAsync(post.PartnershipId, cancellationToken))
        {
            return NotFound();
        }

        Post = post;
        Agreement = post.AgreementId is { } agreementId
            ? (await Reader.AgreementsAsync(post.PartnershipId, cancellationToken)).FirstOrDefault(a => a.Id == agreementId)
            : null;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }
}
