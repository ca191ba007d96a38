using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>An authority's forecast of EHC plans and specialist places (/authorities/{onsCode}/sufficiency).</summary>
[Authorize(Policy = Policies.Read)]
public sealed class ForecastModel(ForecastReader reader) : ConcordPageModel
{
    public ForecastView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public int? Years { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Growth { get; set; }

    public async Task<IActionResult> OnGetAsync(string onsCode, CancellationToken cancellationToken)
    {
        decimal? growth = null;
        if (!string.IsNullOrWhiteSpace(Growth))
        {
            if (Infrastructure.Forms.NumberInput.Read(Growth) is { } g and >= -50 and <= 50)
            {
                growth = g;
            }
            else
            {
                ModelState.AddModelError(nameof(Growth), "Enter the growth as a number from -50 to 50, like 2.5");
            }
        }

        Years = Math.Clamp(Years ?? ForecastReader.DefaultYears, 1, ForecastReader.MaxYears);
        var view = await reader.ForecastAsync(onsCode, Years.Value, growth, null, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return ModelState.IsValid ? Page() : Invalid();
    }
}
