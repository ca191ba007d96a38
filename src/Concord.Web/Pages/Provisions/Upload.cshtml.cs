using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Provisions;

/// <summary>Uploads provisions to the register of the council worked for as CSV: all lines are saved, or none.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class UploadModel(ProvisionRegister register, ConcordDbContext db) : ConcordPageModel
{
    [BindProperty]
    public IFormFile? Provisions { get; set; }

    public RegisterCouncil Council { get; private set; } = default!;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Provisions is null || Provisions.Length == 0)
        {
            ModelState.AddModelError(nameof(Provisions), "Select a CSV file of provisions");
            return Invalid();
        }

        if (Provisions.Length > ProvisionUpload.MaxBytes)
        {
            ModelState.AddModelError(nameof(Provisions), "The file must be smaller than 1 MB");
            return Invalid();
        }

        try
        {
            using var reader = new StreamReader(Provisions.OpenReadStream());
            var result = await ProvisionUpload.ApplyAsync(db, register, reader, cancellationToken);
            Notify($"The file is uploaded: {result.Added} {(result.Added == 1 ? "provision" : "provisions")} added, {result.Changed} changed.");
            return Redirect($"/provisions?authority={Council.OnsCode}");
        }
        catch (CsvUploadException refused)
        {
            ModelState.AddModelError(nameof(Provisions), $"The file has {refused.Problems.Count} {(refused.Problems.Count == 1 ? "problem" : "problems")}: nothing was saved. Correct them and upload it again");
            Problems = refused.Problems;
            return Invalid();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await register.OwnCouncilAsync(cancellationToken) is not { } council)
        {
            return false;
        }

        Council = council;
        return true;
    }
}
