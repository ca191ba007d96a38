using Concord.Core.Outcomes;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Indicators;

/// <summary>Adds an indicator to a partnership's library (/indicators/new) or changes one (/indicators/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(OutcomesReader outcomes, ConcordDbContext db) : ConcordPageModel
{
    public static readonly IReadOnlyList<SelectListItem> PolarityChoices = Choices.Of<IndicatorPolarity>(p => p.Display());

    public static readonly IReadOnlyList<SelectListItem> FrequencyChoices = Choices.Of<IndicatorFrequency>(f => f.Display());

    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public IndicatorView? Indicator { get; private set; }

    public FrameworkView? Framework { get; private set; }

    public IReadOnlyList<SelectListItem> Partnerships { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, partnershipId, cancellationToken))
        {
            return NotFound();
        }

        Input = Indicator is null ? new IndicatorInput { PartnershipId = Framework?.PartnershipId.ToString() } : IndicatorInput.From(Indicator.Indicator);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Choices.ReadGuid(Input.PartnershipId), cancellationToken))
        {
            return NotFound();
        }

        if (Framework is null)
        {
            ModelState.AddModelError("Input.PartnershipId", "Select the partnership whose library the indicator joins");
            return Invalid();
        }

        var tolerance = AmountInput.ReadNumber(Input.AmberTolerance, ModelState, "Input.AmberTolerance", "Enter the amber tolerance as a number, like 2");
        var polarity = Input.Polarity is null ? (IndicatorPolarity?)null : Choices.ReadEnum<IndicatorPolarity>(Input.Polarity) ?? 0;
        var frequency = Input.Frequency is null ? (IndicatorFrequency?)null : Choices.ReadEnum<IndicatorFrequency>(Input.Frequency) ?? 0;
        var details = new IndicatorDetails(Input.Name, Input.Definition, Input.Unit, polarity, Input.Source, frequency, tolerance,
            Input.MappedDataset, Input.MappedTable, Input.MappedMeasure, Input.MappedBreakdown);
        var themeId = Choices.ReadGuid(Input.ThemeId);
        var (framework, existing) = (Framework, Indicator);
        return await SaveAsync(
            db,
            change: async () =>
            {
                if (existing is null)
                {
                    return await outcomes.CreateAsync(framework, details, themeId, cancellationToken);
                }

                await outcomes.ChangeAsync(framework, existing.Indicator, details, Input.Version, cancellationToken);
                outcomes.Place(framework, existing.Indicator, themeId);
                return existing.Indicator;
            },
            saved: indicator =>
            {
                Notify($"{indicator.Name} is saved.");
                return Redirect($"/indicators/{indicator.Id}");
            },
            showLatest: async () =>
            {
                var found = await LoadAsync(id, framework.PartnershipId, cancellationToken) && Indicator is not null;
                Input = found ? IndicatorInput.From(Indicator!.Indicator) : Input;
                return found;
            },
            "indicator",
            cancellationToken);
    }

    /// <summary>The indicator and its framework when changing one; the chosen (or only) partnership's framework when adding.</summary>
    private async Task<bool> LoadAsync(Guid? id, Guid? partnershipId, CancellationToken cancellationToken)
    {
        if (id is { } indicatorId)
        {
            if (await outcomes.IndicatorAsync(indicatorId, cancellationToken) is not var (indicator, framework))
            {
                return false;
            }

            (Indicator, Framework) = (indicator, framework);
        }
        else
        {
            var partnerships = await outcomes.PartnershipsAsync(cancellationToken);
            Partnerships = Choices.WithPrompt("Select a partnership", partnerships.Select(p => new SelectListItem(p.Partnership.Name, p.PartnershipId.ToString())));
            var chosen = partnershipId ?? (partnerships.Count == 1 ? partnerships[0].PartnershipId : null);
            if (chosen is { } p && partnerships.All(x => x.PartnershipId != p))
            {
                return false;
            }

            Framework = chosen is { } c ? await outcomes.FrameworkAsync(c, cancellationToken) : null;
        }

        Themes = Choices.WithPrompt("Not in a theme yet", Framework?.Themes.Select(t => new SelectListItem(t.Name, t.Id.ToString())) ?? []);
        return true;
    }

    public sealed class IndicatorInput
    {
        public string? PartnershipId { get; set; }

        public string? Name { get; set; }

        public string? Definition { get; set; }

        public string? Unit { get; set; }

        public string? Polarity { get; set; }

        public string? Frequency { get; set; }

        public string? Source { get; set; }

        public string? AmberTolerance { get; set; }

        public string? ThemeId { get; set; }

        public string? MappedDataset { get; set; }

        public string? MappedMeasure { get; set; }

        public string? MappedTable { get; set; }

        public string? MappedBreakdown { get; set; }

        public Guid Version { get; set; }

        public static IndicatorInput From(Indicator i) => new()
        {
            PartnershipId = i.PartnershipId.ToString(),
            Name = i.Name,
            Definition = i.Definition,
            Unit = i.Unit,
            Polarity = i.Polarity.ToString(),
            Frequency = i.Frequency.ToString(),
            Source = i.Source,
            AmberTolerance = NumberInput.Write(i.AmberTolerance),
            ThemeId = i.ThemeId?.ToString(),
            MappedDataset = i.MappedDataset,
            MappedMeasure = i.MappedMeasure,
            MappedTable = i.MappedTable,
            MappedBreakdown = i.MappedBreakdown,
            Version = i.Version,
        };
    }
}
