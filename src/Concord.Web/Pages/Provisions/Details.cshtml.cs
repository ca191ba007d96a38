using Concord.Core.PublicData;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Provisions;

/// <summary>A provision (/provisions/{id}): every field, its planned changes, its school on GIAS; changed only by its own council's staff.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(ProvisionRegister register, ConcordDbContext db, IAuthorizationService authorization) : ConcordPageModel
{
    public ProvisionRow Row { get; private set; } = default!;

    /// <summary>The school with the provision's URN on the imported GIAS register, if any.</summary>
    public School? School { get; private set; }

    public bool CanChange { get; private set; }

    public DateOnly NextSeptember => register.NextSeptember;

    public DateOnly Today => register.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await register.RowAsync(id, cancellationToken) is not { } row)
        {
            return NotFound();
        }

        Row = row;
        School = row.Provision.Urn is { } urn ? await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, cancellationToken) : null;
        CanChange = register.IsOwn(row.Provision) && (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }
}
