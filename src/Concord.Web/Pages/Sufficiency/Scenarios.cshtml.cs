using Concord.Core;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.Api;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>A partnership's scenarios (/partnerships/{id}/scenarios): the list, a new one, and a choice of up to four to compare.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class ScenariosModel(PlacementReader reader, ConcordDbContext db, IAuthorizationService authorization) : ConcordPageModel
{
    public PlanningContext Context { get; private set; } = null!;

    public IReadOnlyList<Scenario> Scenarios { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public ScenarioInput Input { get; set; } = new();

    public static readonly IReadOnlyList<SelectListItem> ModeChoices = Choices.Of<PlanMode>(m => m.Display());

    public IReadOnlyList<SelectListItem> CompareChoices =>
        [new SelectListItem($"{PlacementPlan.NoScenario} (the registers as they are)", "current"), .. Scenarios.Select(s => new SelectListItem(s.Name, s.Id.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await LoadAsync(partnershipId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        return await SaveAsync(
            db,
            change: async () =>
            {
                var scenario = Scenario.Create(partnershipId, Input.Name, Input.Description, Choices.ReadEnum<PlanMode>(Input.Mode), [], Context.Provisions, Context.View.Members);
                await PlacementApi.UniqueNameAsync(reader, scenario, cancellationToken);
                db.Scenarios.Add(scenario);
                return scenario;
            },
            saved: scenario =>
            {
                Notify($"{scenario.Name} is saved. Add its changes below.");
                return Redirect($"/scenarios/{scenario.Id}");
            },
            showLatest: () => Task.FromResult(true),
            "scenario",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await reader.PartnershipAsync(partnershipId, cancellationToken) is not { } view)
        {
            return false;
        }

        Context = await reader.ContextAsync(view, cancellationToken);
        Scenarios = await reader.ScenariosAsync(partnershipId, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    public sealed class ScenarioInput
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? Mode { get; set; } = nameof(PlanMode.Sharing);
    }
}
