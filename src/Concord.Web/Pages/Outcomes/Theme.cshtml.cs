using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Outcomes;

/// <summary>Adds a theme at the end of a partnership's outcomes framework.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class ThemeModel(OutcomesReader outcomes, ConcordDbContext db) : ConcordPageModel
{
    [BindProperty]
    public ThemeInput Input { get; set; } = new();

    public FrameworkView Framework { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await LoadAsync(partnershipId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        return await SaveAsync(
            db,
            change: () => Task.FromResult(outcomes.AddTheme(Framework, Input.Name, Input.Description)),
            saved: theme =>
            {
                Notify($"{theme.Name} is added to the framework.");
                return Redirect($"/partnerships/{partnershipId}/outcomes#theme-{theme.Position}");
            },
            showLatest: () => LoadAsync(partnershipId, cancellationToken),
            "framework",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await outcomes.FrameworkAsync(partnershipId, cancellationToken) is not { } framework)
        {
            return false;
        }

        Framework = framework;
        return true;
    }

    public sealed class ThemeInput
    {
        public string? Name { get; set; }

        public string? Description { get; set; }
    }
}
