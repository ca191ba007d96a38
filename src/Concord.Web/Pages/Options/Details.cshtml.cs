using Concord.Core.Finance;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Outcomes;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Options;

/// <summary>
/// One option: what it is, its stage gate as a task list, each council's Key Decision test and
/// decision, the board's advice, and every move between stages. Programme leads advance it here;
/// a refusal lists exactly what the task list shows as missing.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(ProgrammeReader reader, ConcordDbContext db, IAuthorizationService authorization, OutcomesReader outcomes) : ProgrammePageModel(reader)
{
    public override string Section => "Options";

    public Option Option { get; private set; } = default!;

    public GateReport Gate { get; private set; } = default!;

    public IReadOnlyList<Decision> Decisions { get; private set; } = [];

    public IReadOnlyDictionary<Guid, KeyDecisionTest> KeyDecisionTests { get; private set; } = new Dictionary<Guid, KeyDecisionTest>();

    public IReadOnlyList<BoardAdvice> Advice { get; private set; } = [];

    public IReadOnlyList<Risk> Risks { get; private set; } = [];

    public IReadOnlyList<MilestoneView> Milestones { get; private set; } = [];

    public IReadOnlyList<(EngagementExercise Exercise, FeedbackItem Item)> Responses { get; private set; } = [];

    public CostBenefitAnalysis? CostBenefit { get; private set; }

    /// <summary>The shared services agreements linked to the option, with their KPIs and actuals.</summary>
    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    /// <summary>The outcomes framework of the option's partnership.</summary>
    public FrameworkView? Framework { get; private set; }

    /// <summary>The indicators of the framework the option aims to move.</summary>
    public IReadOnlyList<IndicatorView> Indicators { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool CanLead { get; private set; }

    public Guid? WorkingFor { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAdvanceAsync(Guid id, Guid version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanLead)
        {
            return Forbid();
        }

        try
        {
            var from = Option.Stage;
            Option.Advance(Gate, Reader.Actor);
            db.ExpectVersion(Option, version);
            await db.SaveChangesAsync(cancellationToken);
            Notify($"{Option.Title} has moved from {from.Display().ToLowerInvariant()} to {Option.Stage.Display().ToLowerInvariant()}.");
            return RedirectToPage(new { id });
        }
        catch (GateNotMetException refused)
        {
            foreach (var missing in refused.Missing)
            {
                ModelState.AddModelError(string.Empty, missing);
            }

            return Invalid(StatusCodes.Status422UnprocessableEntity);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Conflict("option");
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var option = await Reader.OptionAsync(id, cancellationToken);
        if (option is null || !await LoadProgrammeAsync(option.ProgrammeId, cancellationToken))
        {
            return false;
        }

        Option = option;
        var evidence = await Reader.EvidenceAsync(option, View, cancellationToken);
        Gate = StageGates.Evaluate(option, evidence);
        Decisions = evidence.Decisions.OrderByDescending(d => d.MeetingDate).ThenByDescending(d => d.RecordedAt).ToList();
        Advice = evidence.BoardAdvice.OrderBy(a => a.MeetingDate).ToList();
        KeyDecisionTests = await db.KeyDecisionTests.Where(t => t.OptionId == id).ToDictionaryAsync(t => t.AuthorityId, cancellationToken);
        Risks = await db.Risks.Where(r => r.OptionId == id).OrderBy(r => r.Reference).ToListAsync(cancellationToken);
        Milestones = await Reader.MilestonesAsync(View, id, cancellationToken);
        var exercises = await db.EngagementExercises.Include(e => e.Feedback).Where(e => e.OptionId == id).ToListAsync(cancellationToken);
        Responses = exercises.SelectMany(e => e.Feedback.Where(f => f.WeDid is not null).Select(f => (e, f))).ToList();
        CostBenefit = await db.CostBenefitAnalyses.SingleOrDefaultAsync(a => a.OptionId == id, cancellationToken);
        Agreements = await db.Agreements.Include(a => a.Kpis).ThenInclude(k => k.Actuals).Where(a => a.OptionId == id)
            .OrderBy(a => a.Title).ToListAsync(cancellationToken);
        Framework = await outcomes.FrameworkAsync(option.PartnershipId, cancellationToken);
        Indicators = Framework?.Indicators.Where(i => i.Options.Any(o => o.Id == id)).ToList() ?? [];
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        CanLead = (await authorization.AuthorizeAsync(User, Policies.ProgrammeLead)).Succeeded;
        WorkingFor = Reader.Actor.AuthorityId;
        return true;
    }

    /// <summary>Where to go to meet a gate criterion.</summary>
    public string LinkFor(GateCriterion criterion)
    {
        var pid = View.PartnershipId;
        return criterion.Key switch
        {
            "board" => $"/programme/{pid}/board",
            "benefits-risks" when Option.Benefits.Count == 0 && Option.OtherBenefits is null => $"/options/{Option.Id}/edit",
            "benefits-risks" => $"/programme/{pid}/risks/new?optionId={Option.Id}",
            "cost-benefit" => $"/options/{Option.Id}/cost-benefit",
            "eqia" => $"/options/{Option.Id}/appraisal/eqia",
            "hr-legal" => $"/options/{Option.Id}/appraisal/considerations",
            "engagement" => $"/programme/{pid}/engagement",
            "monitoring" => $"/options/{Option.Id}/appraisal/monitoring",
            "agreement-drafted" or "agreement-signed" when Option.AgreementNeed == AgreementNeed.NotDecided => $"/options/{Option.Id}/appraisal/agreement",
            "agreement-drafted" or "agreement-signed" => Agreements.Count > 0 ? $"/agreements/{Agreements[0].Id}" : $"/partnerships/{pid}/agreements/new?optionId={Option.Id}",
            "key-decision" => $"/options/{Option.Id}/key-decision",
            "delivery" or "scrutiny" => $"/options/{Option.Id}/appraisal/delivery",
            _ when criterion.Key.StartsWith("decision:", StringComparison.Ordinal) => $"/options/{Option.Id}/decisions/new",
            _ => $"/options/{Option.Id}",
        };
    }

    public Decision? LatestDecision(Guid authorityId) => Decision.Latest(Decisions).GetValueOrDefault(authorityId);
}
