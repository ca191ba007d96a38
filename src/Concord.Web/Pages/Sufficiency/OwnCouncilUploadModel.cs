using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>
/// A CSV file uploaded to the sufficiency records of the council worked for: every line is saved
/// or none, and each problem is listed with its line and column. Not found for staff of no council.
/// </summary>
public abstract class OwnCouncilUploadModel(ProvisionRegister register) : ConcordPageModel
{
    protected ProvisionRegister Register { get; } = register;

    public RegisterCouncil Council { get; private set; } = default!;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Checks the file is there and small enough, then applies it; a refused file shows its problems.</summary>
    /// <param name="field">The form field of the file.</param>
    /// <param name="what">What the file holds, as in "Select a CSV file of …".</param>
    /// <param name="unchanged">What the refusal says stays as it was.</param>
    protected async Task<IActionResult> UploadAsync(IFormFile? file, string field, string what, long maxBytes, string unchanged,
        Func<StreamReader, string, Task<IActionResult>> apply, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(field, $"Select a CSV file of {what}");
            return Invalid();
        }

        if (file.Length > maxBytes)
        {
            ModelState.AddModelError(field, CsvUpload.TooLarge(maxBytes));
            return Invalid();
        }

        try
        {
            using var reader = new StreamReader(file.OpenReadStream());
            return await apply(reader, Path.GetFileName(file.FileName));
        }
        catch (CsvUploadException refused)
        {
            ModelState.AddModelError(field, $"The file has {refused.Problems.Count} {(refused.Problems.Count == 1 ? "problem" : "problems")}: {unchanged}. Correct them and upload it again");
            Problems = refused.Problems;
            return Invalid();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await Register.OwnCouncilAsync(cancellationToken) is not { } council)
        {
            return false;
        }

        Council = council;
        return true;
    }
}
