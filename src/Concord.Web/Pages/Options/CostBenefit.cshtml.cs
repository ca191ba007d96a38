using Concord.Core.Finance;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Options;

/// <summary>
/// An option's cost-benefit analysis (/options/{id}/cost-benefit): its assumptions, each
/// scenario year by year, the option against doing nothing, net present value, payback and the
/// split between the councils; or an invitation to prepare one.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class CostBenefitModel(ProgrammeReader reader, ConcordDbContext db, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public override string Section => "Options";

    public Option Option { get; private set; } = default!;

    public CostBenefitAnalysis? Analysis { get; private set; }

    public CostBenefitResult? Result { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadOptionAsync(id, cancellationToken) is not { } option)
        {
            return NotFound();
        }

        Option = option;
        Analysis = await db.CostBenefitAnalyses.SingleOrDefaultAsync(a => a.OptionId == id, cancellationToken);
        Result = Analysis?.Evaluate();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }
}
