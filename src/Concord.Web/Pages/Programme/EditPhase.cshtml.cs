using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Programme;

/// <summary>Adds a phase (/programme/{partnershipId}/phases/new) or changes one (/phases/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditPhaseModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    [BindProperty]
    public PhaseInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, phase) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        Input = phase is null ? new PhaseInput() : PhaseInput.From(phase);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, phase) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        var starts = Input.Starts.Read(ModelState, "Input.Starts", "Start date");
        var ends = Input.Ends.Read(ModelState, "Input.Ends", "End date");
        return await SaveAsync(
            db,
            change: () =>
            {
                if (phase is null)
                {
                    phase = View.Programme.AddPhase(Input.Name, Input.Description, starts, ends);
                    db.Phases.Add(phase);
                }
                else
                {
                    phase.Change(Input.Name, Input.Description, starts, ends);
                    db.ExpectVersion(phase, Input.Version);
                    db.Touch(phase);
                }

                return Task.FromResult(phase);
            },
            saved: saved =>
            {
                Notify($"{saved.Name} is saved.");
                return Redirect($"/programme/{View.PartnershipId}");
            },
            showLatest: async () =>
            {
                var latest = await db.Phases.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
                Input = latest is null ? Input : PhaseInput.From(latest);
                return latest is not null;
            },
            "phase",
            cancellationToken);
    }

    private async Task<(bool Found, Phase? Record)> FindAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var found = await LoadNewOrExistingAsync(partnershipId, id, db.Phases, cancellationToken);
        return found;
    }

    public sealed class PhaseInput
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public DateInput Starts { get; set; } = new();

        public DateInput Ends { get; set; } = new();

        public Guid Version { get; set; }

        public static PhaseInput From(Phase p) => new()
        {
            Name = p.Name,
            Description = p.Description,
            Starts = DateInput.From(p.Starts),
            Ends = DateInput.From(p.Ends),
            Version = p.Version,
        };
    }
}
