using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Engagement;

/// <summary>Records or changes the councils' response to one piece of feedback: what they did, and how the option changed.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class RespondModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public override string Section => "Engagement";

    public FeedbackItem Item { get; private set; } = default!;

    public EngagementExercise Exercise { get; private set; } = default!;

    public Option? Option { get; private set; }

    [BindProperty]
    public ResponseInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ResponseInput.From(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var item = Item;
        var first = item.WeDid is null;
        return await SaveAsync(
            db,
            change: () =>
            {
                item.Respond(Input.WeDid, Input.ChangeToOption, Reader.Actor);
                db.ExpectVersion(item, Input.Version);
                return Task.FromResult(item);
            },
            saved: saved =>
            {
                Notify(first
                    ? $"Your response to {saved.Group.Display()} on {saved.Theme} is recorded."
                    : $"Your response to {saved.Group.Display()} on {saved.Theme} is changed.");
                return Redirect($"/engagement/{saved.ExerciseId}#you-said-we-did");
            },
            showLatest: async () =>
            {
                var latest = await db.FeedbackItems.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
                if (latest is null)
                {
                    return false;
                }

                (Item, Input) = (latest, ResponseInput.From(latest));
                return true;
            },
            "response",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await db.FeedbackItems.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        var exercise = item is null ? null : await db.EngagementExercises.SingleOrDefaultAsync(e => e.Id == item.ExerciseId, cancellationToken);
        if (item is null || exercise is null || !await LoadProgrammeAsync(exercise.ProgrammeId, cancellationToken))
        {
            return false;
        }

        (Item, Exercise) = (item, exercise);
        Option = exercise.OptionId is { } optionId ? await Reader.OptionAsync(optionId, cancellationToken) : null;
        return true;
    }

    public sealed class ResponseInput
    {
        public string? WeDid { get; set; }

        public string? ChangeToOption { get; set; }

        public Guid Version { get; set; }

        public static ResponseInput From(FeedbackItem f) => new() { WeDid = f.WeDid, ChangeToOption = f.ChangeToOption, Version = f.Version };
    }
}
