using Concord.Core.Partnerships;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.MoneyHub;

/// <summary>
/// Where the money is: for each partnership the council belongs to, its shared posts, agreements,
/// recharges and measures; the council's own high needs budget; and the public DSG allocations.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ConcordDbContext db) : ConcordPageModel
{
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // The query filter keeps this to the partnerships of the council the person works for.
        Partnerships = await db.Partnerships.OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return Page();
    }
}
