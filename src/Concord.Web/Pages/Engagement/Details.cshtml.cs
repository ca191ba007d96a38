using Concord.Core;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Engagement;

/// <summary>One theme of an exercise's feedback: how many pieces, and how many have a response.</summary>
public sealed record ThemeSummary(string Theme, int Feedback, int Answered);

/// <summary>
/// One engagement exercise: what it is, its feedback by theme, and "you said, we did": each piece
/// of feedback beside the councils' response and the change to the option it caused. Editors add
/// feedback here, from the groups the exercise reached.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(ProgrammeReader reader, ConcordDbContext db, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public override string Section => "Engagement";

    public EngagementExercise Exercise { get; private set; } = default!;

    public Option? Option { get; private set; }

    public IReadOnlyList<FeedbackItem> Feedback { get; private set; } = [];

    public IReadOnlyList<ThemeSummary> Themes { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public FeedbackInput NewFeedback { get; set; } = new();

    public IReadOnlyList<SelectListItem> Groups =>
        Choices.WithPrompt("Choose a group", Exercise.Groups.Order().Select(g => new SelectListItem(g.Display(), g.ToString())));

    public int Awaiting => Feedback.Count(f => f.WeDid is null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddFeedbackAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var receivedOn = NewFeedback.ReceivedOn.Read(ModelState, "NewFeedback.ReceivedOn", "Date received");
        try
        {
            var item = Exercise.AddFeedback(Choices.ReadEnum<StakeholderGroup>(NewFeedback.Group), NewFeedback.Theme, NewFeedback.YouSaid, receivedOn);
            if (!ModelState.IsValid)
            {
                return Invalid();
            }

            db.FeedbackItems.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            Notify($"Feedback from {item.Group.Display()} on {item.Theme} is added. It is awaiting a response.");
            return Redirect($"/engagement/{id}#you-said-we-did");
        }
        catch (RuleViolationException violations)
        {
            return Invalid(violations, "NewFeedback");
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var exercise = await db.EngagementExercises.Include(e => e.Feedback).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (exercise is null || !await LoadProgrammeAsync(exercise.ProgrammeId, cancellationToken))
        {
            return false;
        }

        Exercise = exercise;
        Option = exercise.OptionId is { } optionId ? await Reader.OptionAsync(optionId, cancellationToken) : null;
        Feedback = exercise.Feedback.OrderBy(f => f.ReceivedOn ?? DateOnly.MaxValue).ThenBy(f => f.Id).ToList();
        Themes = Feedback.GroupBy(f => f.Theme, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ThemeSummary(g.First().Theme, g.Count(), g.Count(f => f.WeDid is not null)))
            .OrderByDescending(t => t.Feedback).ThenBy(t => t.Theme, StringComparer.Ordinal)
            .ToList();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    public sealed class FeedbackInput
    {
        public string? Group { get; set; }

        public string? Theme { get; set; }

        public string? YouSaid { get; set; }

        public DateInput ReceivedOn { get; set; } = new();
    }
}
