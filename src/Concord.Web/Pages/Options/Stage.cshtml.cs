using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Options;

/// <summary>Moves an option back, pauses, resumes or withdraws it: each needs a reason, and each is recorded.</summary>
[Authorize(Policy = Policies.ProgrammeLead)]
public sealed class StageModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public override string Section => "Options";

    public Option Option { get; private set; } = default!;

    [BindProperty]
    public string? Move { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public IReadOnlyList<SelectListItem> Moves
    {
        get
        {
            var moves = new List<SelectListItem>();
            if (Option.Stage is Stage.DueDiligence or Stage.Implementation or Stage.Implemented)
            {
                moves.Add(new("Move it back a stage", "back"));
            }

            if (Option.Stage is Stage.Formulation or Stage.DueDiligence or Stage.Implementation)
            {
                moves.Add(new("Pause it", "pause"));
            }

            if (Option.Stage == Stage.Paused)
            {
                moves.Add(new($"Resume it at {Option.PausedFrom?.Display().ToLowerInvariant()}", "resume"));
            }

            if (Option.Stage != Stage.Withdrawn)
            {
                moves.Add(new("Withdraw it", "withdraw"));
            }

            return moves;
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Option.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Moves.All(m => m.Value != Move))
        {
            ModelState.AddModelError(nameof(Move), "Select what to do with the option");
            return Invalid();
        }

        var option = Option;
        var from = option.Stage;
        return await SaveAsync(
            db,
            change: () =>
            {
                var actor = Reader.Actor;
                switch (Move)
                {
                    case "back":
                        option.MoveBack(Reason, actor);
                        break;
                    case "pause":
                        option.Pause(Reason, actor);
                        break;
                    case "resume":
                        option.Resume(Reason, actor);
                        break;
                    default:
                        option.Withdraw(Reason, actor);
                        break;
                }

                db.ExpectVersion(option, Version);
                return Task.FromResult(option);
            },
            saved: saved =>
            {
                Notify($"{saved.Title} has moved from {from.Display().ToLowerInvariant()} to {saved.Stage.Display().ToLowerInvariant()}.");
                return Redirect($"/options/{saved.Id}");
            },
            showLatest: async () => await LoadAsync(id, cancellationToken),
            "option",
            cancellationToken,
            prefix: string.Empty);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var option = await Reader.OptionAsync(id, cancellationToken);
        if (option is null || !await LoadProgrammeAsync(option.ProgrammeId, cancellationToken))
        {
            return false;
        }

        Option = option;
        return true;
    }
}
