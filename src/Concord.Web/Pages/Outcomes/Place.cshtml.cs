using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Outcomes;

/// <summary>Puts an indicator of the partnership's library into a theme of its framework.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class PlaceModel(OutcomesReader outcomes, ConcordDbContext db) : ConcordPageModel
{
    [BindProperty]
    public PlaceInput Input { get; set; } = new();

    public FrameworkView Framework { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Indicators { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await LoadAsync(partnershipId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        var indicator = Framework.NotInFramework.FirstOrDefault(i => i.Id == Choices.ReadGuid(Input.IndicatorId));
        if (indicator is null)
        {
            ModelState.AddModelError("Input.IndicatorId", "Select an indicator of the library that is not yet in a theme");
        }

        var themeId = Choices.ReadGuid(Input.ThemeId);
        if (themeId is null)
        {
            ModelState.AddModelError("Input.ThemeId", "Select the theme");
        }

        return await SaveAsync(
            db,
            change: () =>
            {
                if (indicator is not null && themeId is not null)
                {
                    outcomes.Place(Framework, indicator.Indicator, themeId);
                }

                return Task.FromResult(indicator);
            },
            saved: placed =>
            {
                Notify($"{placed!.Indicator.Name} is in the framework.");
                return Redirect($"/partnerships/{partnershipId}/outcomes");
            },
            showLatest: () => LoadAsync(partnershipId, cancellationToken),
            "indicator",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await outcomes.FrameworkAsync(partnershipId, cancellationToken) is not { } framework)
        {
            return false;
        }

        Framework = framework;
        Indicators = Choices.WithPrompt("Select an indicator", framework.NotInFramework.Select(i => new SelectListItem(i.Indicator.Name, i.Id.ToString())));
        Themes = Choices.WithPrompt("Select a theme", framework.Themes.Select(t => new SelectListItem(t.Name, t.Id.ToString())));
        return true;
    }

    public sealed class PlaceInput
    {
        public string? IndicatorId { get; set; }

        public string? ThemeId { get; set; }
    }
}
