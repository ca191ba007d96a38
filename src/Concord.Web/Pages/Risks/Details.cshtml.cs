using Concord.Core;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Risks;

/// <summary>
/// One risk: every field with its scores, the history of its current score, and for an option's
/// risk not yet escalated, the form that escalates it to the programme's own log.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(ProgrammeReader reader, RiskReader risks, ConcordDbContext db, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public override string Section => "Risks";

    public Risk Risk { get; private set; } = default!;

    public string? OptionTitle { get; private set; }

    public bool CanEdit { get; private set; }

    public bool ReviewOverdue => Risk.IsReviewOverdue(Reader.Today);

    public bool CanEscalate => CanEdit && Risk.OptionId is not null && Risk.EscalatedAt is null;

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Risk.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostEscalateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        try
        {
            Risk.Escalate(Reason, Reader.Actor);
            db.ExpectVersion(Risk, Version);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (RuleViolationException violations)
        {
            // Only the reason is on the form; the other rules are about the risk as a whole.
            foreach (var violation in violations.Violations)
            {
                ModelState.AddModelError(violation.Field == nameof(Reason) ? nameof(Reason) : string.Empty, violation.Message);
            }

            return Invalid();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            Version = Risk.Version;
            return Conflict("risk");
        }

        Notify($"{Risk.Reference} is escalated to the programme's risk log.");
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var risk = await risks.RiskAsync(id, cancellationToken);
        if (risk is null || !await LoadProgrammeAsync(risk.ProgrammeId, cancellationToken))
        {
            return false;
        }

        Risk = risk;
        OptionTitle = await risks.OptionTitleAsync(risk, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    public string Affects => RiskReader.Affects(Risk, View);
}
