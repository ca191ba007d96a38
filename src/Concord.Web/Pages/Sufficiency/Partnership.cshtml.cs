using Concord.Core.Sufficiency;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>A partnership's SEND sufficiency (/partnerships/{id}/sufficiency): each council's forecast and register, scenarios and placement plans.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class PartnershipModel(PlacementReader reader) : ConcordPageModel
{
    public PlanningContext Context { get; private set; } = null!;

    public IReadOnlyList<Scenario> Scenarios { get; private set; } = [];

    public IReadOnlyList<PlacementPlan> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await reader.PartnershipAsync(partnershipId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Context = await reader.ContextAsync(view, cancellationToken);
        Scenarios = await reader.ScenariosAsync(partnershipId, cancellationToken);
        Plans = await reader.PlansAsync(partnershipId, cancellationToken);
        return Page();
    }
}
