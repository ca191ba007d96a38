using Concord.Core.Outcomes;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Outcomes;

/// <summary>
/// A partnership's outcomes framework: by theme, each indicator with each council's baseline,
/// latest value, target, rating and direction of travel, in words as well as colour.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class FrameworkModel(OutcomesReader outcomes, ConcordDbContext db, IAuthorizationService authorization) : ConcordPageModel
{
    public FrameworkView Framework { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Starts an empty framework with the themes the councils' reports use.</summary>
    public async Task<IActionResult> OnPostUsualThemesAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (Framework.Themes.Count == 0)
        {
            var added = new List<OutcomeTheme>();
            foreach (var (name, description) in OutcomeTheme.Usual)
            {
                added.Add(outcomes.AddTheme(Framework with { Themes = added }, name, description));
            }

            await db.SaveChangesAsync(cancellationToken);
            Notify($"The framework has its {added.Count} usual themes.");
        }

        return Redirect($"/partnerships/{id}/outcomes");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await outcomes.FrameworkAsync(id, cancellationToken) is not { } framework)
        {
            return false;
        }

        Framework = framework;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }
}
