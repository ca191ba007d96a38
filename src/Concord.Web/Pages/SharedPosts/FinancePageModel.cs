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
}
