using Concord.Core;
using Concord.Core.Sufficiency;
using Concord.Web.Api;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>A partnership's placement plans: run one (/partnerships/{id}/placement-plans) and the plans run before.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class PlansModel(PlacementReader reader, IAuthorizationService authorization) : ConcordPageModel
{
    public PlanningContext Context { get; private set; } = null!;

    public IReadOnlyList<Scenario> Scenarios { get; private set; } = [];

    public IReadOnlyList<PlacementPlan> Plans { get; private set; } = [];

    public bool CanRun { get; private set; }

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> ScenarioChoices =>
        [new SelectListItem($"{PlacementPlan.NoScenario}: the registers as they are", string.Empty), .. Scenarios.Select(s => new SelectListItem(s.Name, s.Id.ToString()))];

    public IReadOnlyList<SelectListItem> YearChoices =>
        Enumerable.Range(Context.BaseYear, 10).Select(y => new SelectListItem(SufficiencyCharts.SchoolYear(y), y.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public static readonly IReadOnlyList<SelectListItem> ModeChoices = Choices.Of<PlanMode>(m => m.Display());

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        var defaults = reader.DefaultOptions(Context, PlanMode.Sharing);
        Input = new PlanInput
        {
            Mode = nameof(PlanMode.Sharing),
            Year = Context.BaseYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MaxTravelKm = defaults.MaxTravelKm.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            TravelCostPerKm = NumberInput.Write(defaults.TravelCostPerKm),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanRun)
        {
            return Forbid();
        }

        var scenario = Choices.ReadGuid(Input.ScenarioId) is { } id ? Scenarios.FirstOrDefault(s => s.Id == id) : null;
        var km = NumberInput.Read(Input.MaxTravelKm);
        var cost = NumberInput.Read(Input.TravelCostPerKm);
        if (!string.IsNullOrWhiteSpace(Input.MaxTravelKm) && km is null)
        {
            ModelState.AddModelError("Input.MaxTravelKm", "Enter the furthest distance as a number of kilometres, like 25");
        }

        if (!string.IsNullOrWhiteSpace(Input.TravelCostPerKm) && cost is null)
        {
            ModelState.AddModelError("Input.TravelCostPerKm", "Enter the cost of a kilometre as an amount in pounds, like 350");
        }

        try
        {
            var request = new PlacementPlanRequest(Choices.ReadEnum<PlanMode>(Input.Mode) ?? (Input.Mode is null ? null : 0), scenario?.Id ?? Choices.ReadGuid(Input.ScenarioId),
                int.TryParse(Input.Year, out var year) ? year : null, km is { } k ? (double)k : null, cost);
            var (mode, chosenYear, options) = PlacementApi.Check(request, scenario, Context, reader);
            if (!ModelState.IsValid)
            {
                return Invalid();
            }

            var (plan, _) = await reader.RunAsync(Context, scenario, mode, chosenYear, options, cancellationToken);
            Notify($"The placement plan for {SufficiencyCharts.SchoolYear(chosenYear)} is ready.");
            return Redirect($"/placement-plans/{plan.Id}");
        }
        catch (RuleViolationException violations)
        {
            foreach (var v in violations.Violations)
            {
                ModelState.AddModelError("Input." + char.ToUpperInvariant(v.Field[0]) + v.Field[1..], v.Message);
            }

            return Invalid();
        }
    }

    private async Task<bool> LoadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await reader.PartnershipAsync(partnershipId, cancellationToken) is not { } view)
        {
            return false;
        }

        Context = await reader.ContextAsync(view, cancellationToken);
        Scenarios = await reader.ScenariosAsync(partnershipId, cancellationToken);
        Plans = await reader.PlansAsync(partnershipId, cancellationToken);
        CanRun = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    /// <summary>The form's fields, in the order they appear.</summary>
    public sealed class PlanInput
    {
        public string? ScenarioId { get; set; }

        public string? Mode { get; set; }

        public string? Year { get; set; }

        public string? MaxTravelKm { get; set; }

        public string? TravelCostPerKm { get; set; }
    }
}
