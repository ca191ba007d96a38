using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Engagement;

/// <summary>The programme's consultation and engagement exercises, each with how much of its feedback has a response.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ProgrammeReader reader, ConcordDbContext db, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public override string Section => "Engagement";

    public IReadOnlyList<EngagementExercise> Exercises { get; private set; } = [];

    public IReadOnlyDictionary<Guid, Option> Options { get; private set; } = new Dictionary<Guid, Option>();

    public bool CanEdit { get; private set; }

    /// <summary>Pieces of feedback, across every exercise, that still wait for the councils' response.</summary>
    public int Awaiting => Exercises.Sum(e => e.Feedback.Count(f => f.WeDid is null));

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        var exercises = await db.EngagementExercises.Include(e => e.Feedback)
            .Where(e => e.ProgrammeId == View.Programme.Id).ToListAsync(cancellationToken);
        Exercises = exercises.OrderBy(e => e.Status switch { ExerciseStatus.Open => 0, ExerciseStatus.Planned => 1, _ => 2 })
            .ThenByDescending(e => e.Starts ?? DateOnly.MaxValue).ThenBy(e => e.Title, StringComparer.Ordinal).ToList();
        Options = (await Reader.OptionsAsync(View, cancellationToken)).ToDictionary(o => o.Id);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }

    public Option? OptionOf(EngagementExercise exercise) => exercise.OptionId is { } id ? Options.GetValueOrDefault(id) : null;
}
