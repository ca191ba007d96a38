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

/// <summary>Adds an engagement exercise (/programme/{partnershipId}/engagement/new) or changes it (/engagement/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public static readonly IReadOnlyList<SelectListItem> StatusChoices = Choices.Of<ExerciseStatus>(s => s.ToString());

    public static readonly IReadOnlyList<SelectListItem> GroupChoices = Choices.Of<StakeholderGroup>(g => g.Display());

    public override string Section => "Engagement";

    [BindProperty]
    public ExerciseInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> Options { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? partnershipId, Guid? id, Guid? optionId, CancellationToken cancellationToken)
    {
        var (found, exercise) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        Input = exercise is null
            ? new ExerciseInput { OptionId = optionId?.ToString(), Status = nameof(ExerciseStatus.Planned) }
            : ExerciseInput.From(exercise);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, exercise) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        var starts = Input.Starts.Read(ModelState, "Input.Starts", "Start date");
        var ends = Input.Ends.Read(ModelState, "Input.Ends", "End date");
        var status = Choices.ReadEnum<ExerciseStatus>(Input.Status);
        var groups = Input.Groups.Select(g => Choices.ReadEnum<StakeholderGroup>(g) ?? (StakeholderGroup)0).ToList();
        var options = Options.Select(o => Choices.ReadGuid(o.Value)).OfType<Guid>().ToList();
        return await SaveAsync(
            db,
            change: () =>
            {
                if (exercise is null)
                {
                    exercise = EngagementExercise.Create(View.Programme, Input.Title, Input.Description, Choices.ReadGuid(Input.OptionId), starts, ends, status, groups, options);
                    db.EngagementExercises.Add(exercise);
                }
                else
                {
                    exercise.Change(Input.Title, Input.Description, Choices.ReadGuid(Input.OptionId), starts, ends, status, groups, options);
                    db.ExpectVersion(exercise, Input.Version);
                    db.Touch(exercise);
                }

                return Task.FromResult(exercise);
            },
            saved: saved =>
            {
                Notify($"{saved.Title} is saved.");
                return Redirect($"/engagement/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await db.EngagementExercises.Include(e => e.Feedback).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
                Input = latest is null ? Input : ExerciseInput.From(latest);
                return latest is not null;
            },
            "exercise",
            cancellationToken);
    }

    private async Task<(bool Found, EngagementExercise? Record)> FindAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var found = await LoadNewOrExistingAsync(partnershipId, id, db.EngagementExercises.Include(e => e.Feedback), cancellationToken);
        if (found.Found)
        {
            Options = Choices.WithPrompt("Not about one option",
                (await Reader.OptionsAsync(View, cancellationToken)).Select(o => new SelectListItem(o.Title, o.Id.ToString())));
        }

        return found;
    }

    public sealed class ExerciseInput
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? OptionId { get; set; }

        public DateInput Starts { get; set; } = new();

        public DateInput Ends { get; set; } = new();

        public string? Status { get; set; }

        public List<string> Groups { get; set; } = [];

        public Guid Version { get; set; }

        public static ExerciseInput From(EngagementExercise e) => new()
        {
            Title = e.Title,
            Description = e.Description,
            OptionId = e.OptionId?.ToString(),
            Starts = DateInput.From(e.Starts),
            Ends = DateInput.From(e.Ends),
            Status = e.Status.ToString(),
            Groups = e.Groups.Select(g => g.ToString()).ToList(),
            Version = e.Version,
        };
    }
}
