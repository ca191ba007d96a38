using Concord.Core.Partnerships;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Programme;

/// <summary>The way into the programme: straight to it when the council has one, else a choice or a set-up.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ConcordDbContext db, IAuthorizationService authorization) : ConcordPageModel
{
    public IReadOnlyList<(Partnership Partnership, string? Programme)> Partnerships { get; private set; } = [];

    public bool CanSetUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var partnerships = await db.Partnerships.OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var programmes = await db.Programmes.ToDictionaryAsync(p => p.PartnershipId, p => p.Name, cancellationToken);
        Partnerships = partnerships.Select(p => (p, programmes.GetValueOrDefault(p.Id))).ToList();
        if (Partnerships.Count == 1 && Partnerships[0].Programme is not null)
        {
            return Redirect($"/programme/{Partnerships[0].Partnership.Id}");
        }

        CanSetUp = (await authorization.AuthorizeAsync(User, Policies.ProgrammeLead)).Succeeded;
        return Page();
    }
}
