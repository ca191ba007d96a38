using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Outcomes;

/// <summary>Uploads the values of the council worked for as CSV: all of them are saved, or none.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class UploadModel(OutcomesReader outcomes, ConcordDbContext db) : ConcordPageModel
{
    [BindProperty]
    public IFormFile? Values { get; set; }

    public FrameworkView Framework { get; private set; } = default!;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string Council => Framework.Partnership.NameOf(outcomes.WorkingFor);

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await LoadAsync(partnershipId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        if (Values is null || Values.Length == 0)
        {
            ModelState.AddModelError(nameof(Values), "Select a CSV file of your council's values");
            return Invalid();
        }

        if (Values.Length > OutcomeUpload.MaxBytes)
        {
            ModelState.AddModelError(nameof(Values), "The file must be smaller than 1 MB");
            return Invalid();
        }

        try
        {
            using var reader = new StreamReader(Values.OpenReadStream());
            var result = await OutcomeUpload.ApplyAsync(db, outcomes, Framework, reader, cancellationToken);
            Notify($"The values are uploaded: {result.Added} added, {result.Changed} replaced.");
            return Redirect($"/partnerships/{partnershipId}/outcomes");
        }
        catch (OutcomeUploadException refused)
        {
            ModelState.AddModelError(nameof(Values), $"The file has {refused.Problems.Count} {(refused.Problems.Count == 1 ? "problem" : "problems")}: nothing was saved. Correct them and upload it again");
            Problems = refused.Problems;
            return Invalid();
        }
    }

    /// <summary>The framework, when the council worked for is one of its members.</summary>
    private async Task<bool> LoadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await outcomes.FrameworkAsync(partnershipId, cancellationToken) is not { } framework ||
            outcomes.WorkingFor is not { } own || !framework.Partnership.Members.Contains(own))
        {
            return false;
        }

        Framework = framework;
        return true;
    }
}
