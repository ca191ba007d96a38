using Concord.Core.Sufficiency;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>One placement plan (/placement-plans/{id}): each council alone beside sharing, recharges, and each provision's use.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class PlanModel(PlacementReader reader) : ConcordPageModel
{
    public PlacementPlan Plan { get; private set; } = null!;

    public PartnershipView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await reader.PlanAsync(id, cancellationToken) is not { } plan || await reader.PartnershipAsync(plan.PartnershipId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        (Plan, View) = (plan, view);
        return Page();
    }

    /// <summary>The rows of the alone-and-sharing table: a label, and each mode's figure for a council line in words.</summary>
    public static IReadOnlyList<(string Label, Func<CouncilPlacement, string> Figure, Func<PlacementDifference, string?> Change)> Rows { get; } =
    [
        ("Children needing a specialist place", c => c.Children.ToString("N0"), _ => null),
        ("Placed", c => c.Placed.ToString("N0"), d => Signed(-d.UnplacedChange)),
        ("Unplaced", c => c.Unplaced.ToString("N0"), d => Signed(d.UnplacedChange)),
        ("Placed out of borough", c => c.OutOfBorough.ToString("N0"), d => Signed(d.OutOfBoroughChange)),
        ("In independent or other bought places", c => c.Independent.ToString("N0"), d => Signed(d.IndependentChange)),
        ("Annual cost of places", c => Core.Finance.Money.Format(c.PlaceCost), _ => null),
        ("Annual cost of travel", c => Core.Finance.Money.Format(c.TravelCost), _ => null),
        ("Annual cost in all", c => Core.Finance.Money.Format(c.TotalCost), d => d.CostSaved == 0 ? "no change" : d.CostSaved > 0 ? $"{Core.Finance.Money.Format(d.CostSaved)} less" : $"{Core.Finance.Money.Format(-d.CostSaved)} more"),
        ("Mean travel", c => Km(c.MeanTravelKm), _ => null),
        ("95th percentile travel", c => Km(c.P95TravelKm), _ => null),
    ];

    public static string Km(double? km) => km is { } k ? $"{k:0.0} km" : "–";

    private static string Signed(int change) => change == 0 ? "no change" : change.ToString("+#,0;-#,0", System.Globalization.CultureInfo.InvariantCulture);
}
