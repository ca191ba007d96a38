using Concord.Core.Finance;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Recharges;

/// <summary>
/// What if the year's shared cost were split another way (/partnerships/{partnershipId}/recharges/what-if?year=2022-23):
/// each council's amount under the rules in force, equal shares, and each driver with a measure for every council.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class WhatIfModel(SharedPostReader reader) : RechargePageModel(reader)
{
    public override string Section => "What if";

    public WhatIf? Comparison { get; private set; }

    /// <summary>One shared post or agreement to compare on its own; none for the whole year.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Item { get; set; }

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ItemChoices =>
        Comparison is null
            ? []
            : [new("Every shared post and agreement together", string.Empty), .. Comparison.Statement.Items.Select(i => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem($"{i.Title} ({i.Kind.ToLowerInvariant()})", i.SourceId.ToString(), i.SourceId == Item))];

    protected override async Task ShowAsync(FinancialYear year, int? quarter, CancellationToken cancellationToken) =>
        Comparison = await Reader.WhatIfAsync(View, year, Item, cancellationToken);
}
