using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>SEND sufficiency (/sufficiency): forecasts, partnerships' plans and scenarios, the provision registers, each council's assumptions, and the council's own children with EHC plans.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ProvisionRegister register, ConcordDbContext db) : ConcordPageModel
{
    public RegisterCouncil? Own { get; private set; }

    public IReadOnlyList<RegisterCouncil> Councils { get; private set; } = [];

    public IReadOnlyList<Core.Partnerships.Partnership> Partnerships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Own = await register.OwnCouncilAsync(cancellationToken);
        Councils = await register.ReadableCouncilsAsync(cancellationToken);
        Partnerships = await db.Partnerships.OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return Page();
    }
}
