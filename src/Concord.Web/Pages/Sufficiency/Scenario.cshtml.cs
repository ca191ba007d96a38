using System.Globalization;
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

/// <summary>A scenario (/scenarios/{id}): its changes in words, and forms to add or remove one, open a provision, rename it or delete it.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class ScenarioModel(PlacementReader reader, ConcordDbContext db, IAuthorizationService authorization) : ConcordPageModel
{
    public Scenario Scenario { get; private set; } = null!;

    public PlanningContext Context { get; private set; } = null!;

    public IReadOnlyList<string> Described { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public ChangeInput Change { get; set; } = new();

    [BindProperty]
    public OpenInput Open { get; set; } = new();

    [BindProperty]
    public DetailsInput Details { get; set; } = new();

    public static readonly IReadOnlyList<SelectListItem> KindChoices =
    [
        new("Add places at a provision", nameof(ScenarioChangeKind.AddPlaces)),
        new("Remove places from a provision", nameof(ScenarioChangeKind.RemovePlaces)),
        new("Close a provision", nameof(ScenarioChangeKind.CloseProvision)),
        new("Change a provision's annual cost of a place", nameof(ScenarioChangeKind.ChangeCost)),
        new("Change the growth in EHC plans", nameof(ScenarioChangeKind.ChangeGrowth)),
    ];

    public static readonly IReadOnlyList<SelectListItem> ProvisionKindPrompted = Choices.WithPrompt("Select a kind", Choices.Of<ProvisionKind>(k => k.Display()));

    public static readonly IReadOnlyList<SelectListItem> NeedChoices = Needs.All.Select(n => new SelectListItem($"{n.Code()}: {n.Display()}", n.ToString())).ToList();

    public static readonly IReadOnlyList<SelectListItem> ModeChoices = Choices.Of<PlanMode>(m => m.Display());

    public IReadOnlyList<SelectListItem> ProvisionChoices => Choices.WithPrompt("Select a provision",
        Context.Provisions.OrderBy(p => Context.View.NameOf(p.AuthorityId)).ThenBy(p => p.Name).Select(p => new SelectListItem($"{p.Name} ({Context.View.NameOf(p.AuthorityId)})", p.Id.ToString())));

    public IReadOnlyList<SelectListItem> CouncilChoices => [new SelectListItem("Every council", string.Empty), .. Context.View.Councils.Select(c => new SelectListItem(c.Name, c.Id.ToString()))];

    public IReadOnlyList<SelectListItem> RegisterChoices => Choices.WithPrompt("Select a council", Context.View.Councils.Select(c => new SelectListItem(c.Name, c.Id.ToString())));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Details = DetailsInput.From(Scenario);
        return Page();
    }

    public Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken cancellationToken) =>
        EditAsync(id, "Change", () => Change.ToChange(ModelState), cancellationToken);

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken) =>
        EditAsync(id, "Open", () => Open.ToChange(ModelState, Context), cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, int index, CancellationToken cancellationToken) =>
        EditAsync(id, "Change", () => null, cancellationToken, remove: index);

    public async Task<IActionResult> OnPostDetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var scenario = Scenario;
        return await SaveAsync(
            db,
            change: async () =>
            {
                scenario.Change(Details.Name, Details.Description, Choices.ReadEnum<PlanMode>(Details.Mode), scenario.Changes, Context.Provisions, Context.View.Members);
                await PlacementApi.UniqueNameAsync(reader, scenario, cancellationToken);
                db.ExpectVersion(scenario, Details.Version);
                return scenario;
            },
            saved: s =>
            {
                Notify($"{s.Name} is saved.");
                return Redirect($"/scenarios/{s.Id}");
            },
            showLatest: async () => await LoadAsync(id, cancellationToken),
            "scenario",
            cancellationToken,
            prefix: "Details");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        db.Scenarios.Remove(Scenario);
        await db.SaveChangesAsync(cancellationToken);
        Notify($"{Scenario.Name} is deleted. Plans run with it keep its name.");
        return Redirect($"/partnerships/{Scenario.PartnershipId}/scenarios");
    }

    /// <summary>Adds the change a form describes, or removes one, saving the scenario whole or not at all.</summary>
    private async Task<IActionResult> EditAsync(Guid id, string prefix, Func<ScenarioChange?> read, CancellationToken cancellationToken, int? remove = null)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        Details = DetailsInput.From(Scenario);
        var added = read();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var changes = Scenario.Changes.ToList();
        if (remove is { } index && index >= 0 && index < changes.Count)
        {
            changes.RemoveAt(index);
        }

        if (added is not null)
        {
            changes.Add(added);
        }

        try
        {
            Scenario.Change(Scenario.Name, Scenario.Description, Scenario.Mode, changes, Context.Provisions, Context.View.Members);
            db.Touch(Scenario);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (RuleViolationException violations)
        {
            foreach (var violation in violations.Violations)
            {
                // A change's problems are named "Change n: …"; they belong to the form that added it.
                ModelState.AddModelError(prefix == "Open" ? "Open.Name" : "Change.Kind", violation.Message);
            }

            return Invalid();
        }

        Notify(added is null ? "The change is removed." : "The change is added.");
        return Redirect($"/scenarios/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await db.Scenarios.FindAsync([id], cancellationToken) is not { } scenario || await reader.PartnershipAsync(scenario.PartnershipId, cancellationToken) is not { } view)
        {
            return false;
        }

        Scenario = scenario;
        Context = await reader.ContextAsync(view, cancellationToken);
        Described = PlacementApi.Describe(scenario, Context);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    private static int? Whole(string? text) => int.TryParse(text?.Trim().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Adds a change to an existing provision, or to growth.</summary>
    public sealed class ChangeInput
    {
        public string? Kind { get; set; }

        public string? ProvisionId { get; set; }

        public string? Places { get; set; }

        public DateInput From { get; set; } = new();

        public string? Cost { get; set; }

        public string? Growth { get; set; }

        public string? AuthorityId { get; set; }

        public ScenarioChange? ToChange(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
        {
            if (Choices.ReadEnum<ScenarioChangeKind>(Kind) is not { } kind)
            {
                modelState.AddModelError("Change.Kind", "Select what the change does");
                return null;
            }

            var from = From.Read(modelState, "Change.From", "The date it takes effect");
            decimal? cost = AmountInput.TryParse(Cost, out var c) ? c : null;
            if (kind == ScenarioChangeKind.ChangeCost && cost is null)
            {
                modelState.AddModelError("Change.Cost", "Enter the annual cost of a place in pounds, like 24,000");
            }

            var growth = NumberInput.Read(Growth);
            if (kind == ScenarioChangeKind.ChangeGrowth && growth is null)
            {
                modelState.AddModelError("Change.Growth", "Enter the growth in EHC plans per 1,000 aged 0 to 25 a year, like 2.5");
            }

            if (kind is ScenarioChangeKind.AddPlaces or ScenarioChangeKind.RemovePlaces && Whole(Places) is null)
            {
                modelState.AddModelError("Change.Places", "Enter the number of places as a whole number, like 24");
            }

            var namesProvision = kind != ScenarioChangeKind.ChangeGrowth;
            return new ScenarioChange(kind, namesProvision ? Choices.ReadGuid(ProvisionId) : null, Whole(Places), kind is ScenarioChangeKind.ChangeCost or ScenarioChangeKind.ChangeGrowth ? null : from,
                kind == ScenarioChangeKind.ChangeCost ? cost : null, kind == ScenarioChangeKind.ChangeGrowth ? growth : null,
                kind == ScenarioChangeKind.ChangeGrowth ? Choices.ReadGuid(AuthorityId) : null);
        }
    }

    /// <summary>Opens a provision that is not in any register yet.</summary>
    public sealed class OpenInput
    {
        public string? Name { get; set; }

        public string? Kind { get; set; }

        public string? AuthorityId { get; set; }

        public string? Latitude { get; set; }

        public string? Longitude { get; set; }

        public string? AgeFrom { get; set; }

        public string? AgeTo { get; set; }

        public List<string> Needs { get; set; } = [];

        public string? Places { get; set; }

        public string? Cost { get; set; }

        public DateInput Opens { get; set; } = new();

        public ScenarioChange? ToChange(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, PlanningContext context)
        {
            var opens = Opens.Read(modelState, "Open.Opens", "The opening date");
            var council = Choices.ReadGuid(AuthorityId);
            var area = context.Councils.FirstOrDefault(c => c.AuthorityId == council)?.AreaCode;
            if (area is null)
            {
                modelState.AddModelError("Open.AuthorityId", "Select the council whose register it joins");
            }

            var (lat, lon) = (NumberInput.Read(Latitude), NumberInput.Read(Longitude));
            if (lat is null || lon is null)
            {
                modelState.AddModelError("Open.Latitude", "Enter the location as latitude and longitude, like 53.41 and -2.16");
            }

            if (Whole(AgeFrom) is null || Whole(AgeTo) is null)
            {
                modelState.AddModelError("Open.AgeFrom", "Enter the youngest and oldest ages as whole numbers from 0 to 25");
            }

            if (Whole(Places) is null)
            {
                modelState.AddModelError("Open.Places", "Enter the number of places as a whole number, like 133");
            }

            decimal? cost = string.IsNullOrWhiteSpace(Cost) ? null : AmountInput.TryParse(Cost, out var c) ? c : -1;
            if (cost == -1)
            {
                modelState.AddModelError("Open.Cost", "Enter the annual cost of a place in pounds, like 24,000, or leave it blank for the default band");
            }

            var kind = Choices.ReadEnum<ProvisionKind>(Kind);
            if (kind is null)
            {
                modelState.AddModelError("Open.Kind", "Select the kind of provision");
            }

            var needs = Needs.Select(n => Choices.ReadEnum<NeedType>(n)).OfType<NeedType>().ToList();
            if (needs.Count == 0)
            {
                modelState.AddModelError("Open.Needs", "Select at least one type of need it is designated for");
            }

            return !modelState.IsValid ? null : new ScenarioChange(ScenarioChangeKind.OpenProvision, From: opens, Provision: new NewProvision(
                Name?.Trim() ?? string.Empty, kind!.Value, council!.Value, area!, (double)lat!.Value, (double)lon!.Value, Whole(AgeFrom)!.Value, Whole(AgeTo)!.Value, needs, Whole(Places)!.Value, cost));
        }
    }

    public sealed class DetailsInput
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? Mode { get; set; }

        public Guid Version { get; set; }

        public static DetailsInput From(Scenario s) => new() { Name = s.Name, Description = s.Description, Mode = s.Mode.ToString(), Version = s.Version };
    }
}
