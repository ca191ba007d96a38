using Concord.Core.Finance;
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
        ("Annual cost of places", c => Money.Pounds(c.PlaceCost), _ => null),
        ("Annual cost of travel", c => Money.Pounds(c.TravelCost), _ => null),
        ("Annual cost in all", c => Money.Pounds(c.TotalCost), d => d.CostSaved == 0 ? "no change" : d.CostSaved > 0 ? $"{Money.Pounds(d.CostSaved)} less" : $"{Money.Pounds(-d.CostSaved)} more"),
        ("Mean travel", c => Km(c.MeanTravelKm), _ => null),
        ("95th percentile travel", c => Km(c.P95TravelKm), _ => null),
    ];

    /// <summary>
    /// What sharing changes, in words: children placed, then the annual cost of the children placed. The plan's
    /// weight on an unplaced child is left out, as it is a weight that makes the planner place every child it can,
    /// not money anyone spends.
    /// </summary>
    public static string SharingChanges(PlacementDifference change)
    {
        var placed = -change.UnplacedChange;
        var children = placed switch
        {
            0 => "places the same number of children",
            > 0 => $"places {placed:N0} more {(placed == 1 ? "child" : "children")}",
            _ => $"places {-placed:N0} fewer {(placed == -1 ? "child" : "children")}",
        };
        var cost = change.CostSaved switch
        {
            0 => "at the same annual cost",
            > 0 => $"for {Money.Pounds(change.CostSaved)} less a year",
            _ => $"for {Money.Pounds(-change.CostSaved)} more a year",
        };
        return $"{children} {cost}";
    }

    public static string Km(double? km) => km is { } k ? $"{k:0.0} km" : "–";

    private static string Signed(int change) => change == 0 ? "no change" : change.ToString("+#,0;-#,0", System.Globalization.CultureInfo.InvariantCulture);
}
