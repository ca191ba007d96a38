using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>
/// Replaces the children with EHC plans of the council worked for with its own CSV file
/// (/sufficiency/children/upload): every line is loaded or none, and the previous load stays until a good file replaces it.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class ChildrenUploadModel(ProvisionRegister register, ConcordDbContext db) : ConcordPageModel
{
    [BindProperty]
    public IFormFile? Records { get; set; }

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

        if (Records is null || Records.Length == 0)
        {
            ModelState.AddModelError(nameof(Records), "Select a CSV file of children's records");
            return Invalid();
        }

        if (Records.Length > EhcpUpload.MaxBytes)
        {
            ModelState.AddModelError(nameof(Records), "The file must be smaller than 5 MB");
            return Invalid();
        }

        try
        {
            using var reader = new StreamReader(Records.OpenReadStream());
            var result = await EhcpUpload.ApplyAsync(db, register, reader, Path.GetFileName(Records.FileName), cancellationToken);
            var file = Path.GetFileName(Records.FileName);
            Notify(result.Replaced == 0
                ? $"{result.Records} children's records are loaded from {file}."
                : $"{result.Records} children's records are loaded from {file}, replacing the {result.Replaced} loaded before.");
            return Redirect("/sufficiency/children");
        }
        catch (CsvUploadException refused)
        {
            ModelState.AddModelError(nameof(Records), $"The file has {refused.Problems.Count} {(refused.Problems.Count == 1 ? "problem" : "problems")}: nothing was loaded, and the records loaded before are unchanged. Correct them and upload it again");
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
