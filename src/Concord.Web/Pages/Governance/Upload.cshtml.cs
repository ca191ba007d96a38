using Concord.Core.Access;
using Concord.Data;
using Concord.Web.Governance;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Governance;

/// <summary>Uploads the council's governance calendar as CSV: all of it is saved, or none of it.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class UploadModel(ConcordDbContext db, IUserContext user) : ConcordPageModel
{
    public const long MaxBytes = 1024 * 1024;

    [BindProperty]
    public IFormFile? Calendar { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Calendar is null || Calendar.Length == 0)
        {
            ModelState.AddModelError(nameof(Calendar), "Select a CSV file of your council's meetings");
            return Invalid();
        }

        if (Calendar.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Calendar), "The file must be smaller than 1 MB");
            return Invalid();
        }

        try
        {
            using var reader = new StreamReader(Calendar.OpenReadStream());
            var lines = CalendarImport.Parse(reader);
            var result = await CalendarImport.ApplyAsync(db, user.ActiveAuthorityId!.Value, lines, cancellationToken);
            Notify($"The calendar is uploaded: {result.MeetingsAdded} meetings added, {result.MeetingsUpdated} changed, {result.BodiesAdded} new bodies.");
            return Redirect("/governance");
        }
        catch (CalendarImportException refused)
        {
            ModelState.AddModelError(nameof(Calendar), $"The file has {refused.Problems.Count} {(refused.Problems.Count == 1 ? "problem" : "problems")}: nothing was saved. Correct them and upload it again");
            Problems = refused.Problems;
            return Invalid();
        }
    }
}
