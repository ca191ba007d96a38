using Concord.Core;
using Concord.Core.PublicData;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.PublicData;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Provisions;

/// <summary>
/// Adds real settings from the imported GIAS register to the register of the council worked for
/// (/provisions/from-gias): its special schools, AP and PRUs and specialist post-16 institutions, and
/// independent and non-maintained special schools outside its area within 40 km of its centre.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class FromGiasModel(ProvisionRegister register, GiasCandidates gias, ConcordDbContext db) : ConcordPageModel
{
    [BindProperty]
    public List<int> Urns { get; set; } = [];

    public GiasChoice Choice { get; private set; } = default!;

    public DatasetImport? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var added = await gias.AddAsync(Choice.Council, Urns, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            Notify(added.Count == 1 ? $"{added[0].Name} is added to {Choice.Council.Name}'s register." : $"{added.Count} settings are added to {Choice.Council.Name}'s register.");
            return Redirect($"/provisions?authority={Choice.Council.OnsCode}");
        }
        catch (RuleViolationException problems)
        {
            // The first checkbox is the error summary's target.
            ModelState.AddViolations(problems, string.Empty);
            return Invalid();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await register.OwnCouncilAsync(cancellationToken) is not { } council)
        {
            return false;
        }

        Choice = await gias.ForAsync(council, cancellationToken);
        Source = await db.DatasetImports.AsNoTracking().SingleOrDefaultAsync(d => d.Dataset == SchoolImport.Key, cancellationToken);
        return true;
    }
}
