using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Sufficiency;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Provisions;

/// <summary>Uploads provisions to the register of the council worked for as CSV: all lines are saved, or none.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class UploadModel(ProvisionRegister register, ConcordDbContext db) : OwnCouncilUploadModel(register)
{
    [BindProperty]
    public IFormFile? Provisions { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        UploadAsync(Provisions, nameof(Provisions), "provisions", ProvisionUpload.MaxBytes, "nothing was saved", async (reader, _) =>
        {
            var result = await ProvisionUpload.ApplyAsync(db, Register, reader, cancellationToken);
            Notify($"The file is uploaded: {result.Added} {(result.Added == 1 ? "provision" : "provisions")} added, {result.Changed} changed.");
            return Redirect($"/provisions?authority={Council.OnsCode}");
        }, cancellationToken);
}
