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
public sealed class ChildrenUploadModel(ProvisionRegister register, ConcordDbContext db) : OwnCouncilUploadModel(register)
{
    [BindProperty]
    public IFormFile? Records { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        UploadAsync(Records, nameof(Records), "children's records", EhcpUpload.MaxBytes, "nothing was loaded, and the records loaded before are unchanged",
            async (reader, file) =>
            {
                var result = await EhcpUpload.ApplyAsync(db, Register, reader, file, cancellationToken);
                Notify(result.Replaced == 0
                    ? $"{result.Records} children's records are loaded from {file}."
                    : $"{result.Records} children's records are loaded from {file}, replacing the {result.Replaced} loaded before.");
                return Redirect("/sufficiency/children");
            }, cancellationToken);
}
