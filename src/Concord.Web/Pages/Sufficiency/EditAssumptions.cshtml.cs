using System.Globalization;
using Concord.Core;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>Changes the sufficiency assumptions of the council worked for (/sufficiency/assumptions/edit); the first save records Concord's defaults with the change.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditAssumptionsModel(SufficiencyAssumptions assumptions, ConcordDbContext db) : ConcordPageModel
{
    [BindProperty]
    public AssumptionsInput Input { get; set; } = new();

    public AssumptionsView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = AssumptionsInput.From(View);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var change = Input.ToChange(ModelState);
        return await SaveAsync(
            db,
            change: async () =>
            {
                try
                {
                    return await assumptions.ChangeAsync(View.Council, change, Input.Version, cancellationToken);
                }
                catch (RuleViolationException broken)
                {
                    throw new RuleViolationException(broken.Violations.Select(v => v with { Field = AssumptionsInput.FieldOf(v.Field) }).ToList());
                }
            },
            saved: _ =>
            {
                Notify($"{View.Council.Name}'s sufficiency assumptions are saved.");
                return Redirect($"/sufficiency/assumptions?authority={View.Council.OnsCode}");
            },
            showLatest: async () =>
            {
                View = await assumptions.ViewAsync(View.Council, cancellationToken);
                Input = AssumptionsInput.From(View);
                return true;
            },
            "set of assumptions",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await assumptions.ReadableAsync(null, cancellationToken) is not { } own)
        {
            return false;
        }

        View = await assumptions.ViewAsync(own, cancellationToken);
        return true;
    }

    /// <summary>The form's fields: each list in the order of its kinds, needs or age bands.</summary>
    public sealed class AssumptionsInput
    {
        public List<string?> CostBands { get; set; } = [];

        public List<string?> NeedMix { get; set; } = [];

        public List<string?> SpecialistShare { get; set; } = [];

        public List<string?> AgeMix { get; set; } = [];

        public string? MaxTravelKm { get; set; }

        public string? TravelCostPerKm { get; set; }

        public Guid Version { get; set; }

        public static AssumptionsInput From(AssumptionsView view)
        {
            var s = view.Settings;
            return new AssumptionsInput
            {
                CostBands = ProvisionKinds.All.Select(k => (string?)AmountInput.Write(s.BandFor(k))).ToList(),
                NeedMix = Needs.All.Select(n => (string?)NumberInput.Write(s.ShareOf(n))).ToList(),
                SpecialistShare = Needs.All.Select(n => (string?)NumberInput.Write(s.SpecialistShareOf(n))).ToList(),
                AgeMix = AgeBands.All.Select(b => (string?)NumberInput.Write(s.ShareOf(b))).ToList(),
                MaxTravelKm = s.MaxTravelKm.ToString("0.##", CultureInfo.InvariantCulture),
                TravelCostPerKm = AmountInput.Write(s.TravelCostPerKm),
                Version = view.Saved ? s.Version : Guid.Empty,
            };
        }

        /// <summary>A rule's field ("NeedMix.Asd") as the form names it ("NeedMix[0]").</summary>
        public static string FieldOf(string field)
        {
            var parts = field.Split('.');
            if (parts.Length != 2)
            {
                return field;
            }

            var index = parts[0] switch
            {
                "CostBands" => ProvisionKinds.All.Select(k => k.ToString()).ToList().IndexOf(parts[1]),
                "NeedMix" or "SpecialistShare" => Needs.All.Select(n => n.ToString()).ToList().IndexOf(parts[1]),
                "AgeMix" => AgeBands.All.Select(b => b.ToString()).ToList().IndexOf(parts[1]),
                _ => -1,
            };
            return index < 0 ? field : $"{parts[0]}[{index}]";
        }

        /// <summary>The values entered; text that is not a number adds its error and counts as not entered.</summary>
        public AssumptionsChange ToChange(ModelStateDictionary modelState)
        {
            Dictionary<T, decimal?> Read<T>(List<string?> values, IReadOnlyList<T> keys, string field, Func<T, string> name, string unit)
                where T : struct, Enum =>
                keys.Select((key, i) => (key, i)).ToDictionary(
                    x => x.key,
                    x => AmountInput.ReadNumber(values.ElementAtOrDefault(x.i)?.Replace("%", string.Empty, StringComparison.Ordinal), modelState, $"Input.{field}[{x.i}]",
                        $"Enter {unit} for {name(x.key).ToLowerInvariant()} as a number"));

            var travel = AmountInput.ReadNumber(MaxTravelKm, modelState, "Input.MaxTravelKm", "Enter the furthest distance in kilometres, like 25");
            return new AssumptionsChange(
                Read(CostBands, ProvisionKinds.All, "CostBands", k => k.Display(), "the annual cost of a place"),
                Read(NeedMix, Needs.All, "NeedMix", n => n.Display(), "a percentage"),
                Read(AgeMix, AgeBands.All, "AgeMix", b => b.Display(), "a percentage"),
                Read(SpecialistShare, Needs.All, "SpecialistShare", n => n.Display(), "a percentage"),
                travel is { } km ? (double)km : null,
                AmountInput.ReadNumber(TravelCostPerKm, modelState, "Input.TravelCostPerKm", "Enter the cost of a kilometre a year in pounds, like 350"));
        }
    }
}
