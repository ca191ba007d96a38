using Concord.Core.Finance;

namespace Concord.Core.Programme;

/// <summary>One thing an option needs before it may leave its stage.</summary>
/// <param name="Key">A stable name, for links and the API (for example "board" or "decision:Stockport").</param>
/// <param name="Name">What is needed, as the task list shows it.</param>
/// <param name="Met">Whether it is done.</param>
/// <param name="Detail">What is still missing, or what satisfies it.</param>
public sealed record GateCriterion(string Key, string Name, bool Met, string? Detail = null)
{
    public string Describe() => Detail is null || Met ? Name : $"{Name}: {Detail}";
}

/// <summary>Advice the programme board gave on the option at one of its meetings.</summary>
public sealed record BoardAdvice(DateOnly MeetingDate, string Advice);

/// <summary>An engagement exercise about the option: whether it is complete, and its feedback answered.</summary>
public sealed record EngagementSummary(string Title, bool Complete, int Feedback, int Answered);

/// <summary>
/// What the rest of the programme knows about an option, read from the board, risk log,
/// engagement and each council's records, for the gate rule to weigh.
/// </summary>
public sealed record OptionEvidence(
    IReadOnlyList<BoardAdvice> BoardAdvice,
    int Risks,
    IReadOnlyList<EngagementSummary> Engagement,
    IReadOnlyCollection<Guid> KeyDecisionTestsRecordedBy,
    IReadOnlyList<Decision> Decisions,
    IReadOnlyDictionary<Guid, string> AuthorityNames,
    CostBenefitEvidence? CostBenefit = null,
    AgreementEvidence? Agreement = null);

/// <summary>The option's cost-benefit analysis, when one has been prepared.</summary>
public sealed record CostBenefitEvidence(DateTimeOffset PreparedAt, string PreparedBy);

/// <summary>The furthest-on shared services agreement linked to the option.</summary>
public sealed record AgreementEvidence(string Title, AgreementStatus Status);

/// <summary>Where an option stands against the gate out of its current stage.</summary>
public sealed record GateReport(Stage Stage, Stage? Next, IReadOnlyList<GateCriterion> Criteria, IReadOnlyList<string> Blocks)
{
    public bool CanAdvance => Next is not null && Blocks.Count == 0 && Criteria.All(c => c.Met);

    /// <summary>Everything that stops the option moving on, in the order the page lists it.</summary>
    public IReadOnlyList<string> Missing => [.. Blocks, .. Criteria.Where(c => !c.Met).Select(c => c.Describe())];
}

/// <summary>
/// The stage gate rule, in one place: the pages show it as a task list, the API and the pages
/// refuse to advance on it, and the home page tells people which gates are ready.
/// </summary>
public static class StageGates
{
    public static Stage? NextStage(Stage stage) => stage switch
    {
        Stage.Formulation => Stage.DueDiligence,
        Stage.DueDiligence => Stage.Implementation,
        Stage.Implementation => Stage.Implemented,
        _ => null,
    };

    public static GateReport Evaluate(Option option, OptionEvidence evidence)
    {
        var blocks = new List<string>();
        var name = (Guid id) => evidence.AuthorityNames.TryGetValue(id, out var n) ? n : "A participating council";

        switch (option.Stage)
        {
            case Stage.Withdrawn:
                blocks.Add("The option is withdrawn: a withdrawn option cannot move on");
                break;
            case Stage.Paused:
                blocks.Add("The option is paused: resume it before it can move on");
                break;
            case Stage.Implemented:
                blocks.Add("The option is implemented: there is no further stage");
                break;
        }

        var latest = Decision.Latest(evidence.Decisions.Where(d => option.ParticipantIds.Contains(d.AuthorityId)));
        foreach (var rejection in latest.Values.Where(d => d.Outcome == DecisionOutcome.Rejected).OrderBy(d => name(d.AuthorityId), StringComparer.Ordinal))
        {
            blocks.Add($"{name(rejection.AuthorityId)} rejected it ({rejection.BodyName}, {Formats.Date(rejection.MeetingDate)}): it cannot move on until {name(rejection.AuthorityId)} records a new decision");
        }

        var criteria = option.Stage switch
        {
            Stage.Formulation => FormulationCriteria(option, evidence),
            Stage.DueDiligence => DueDiligenceCriteria(option, evidence, latest, name),
            Stage.Implementation => ImplementationCriteria(option, evidence),
            _ => [],
        };
        return new GateReport(option.Stage, NextStage(option.Stage), criteria, blocks);
    }

    private static List<GateCriterion> FormulationCriteria(Option option, OptionEvidence evidence)
    {
        var advice = evidence.BoardAdvice.OrderBy(a => a.MeetingDate).LastOrDefault();
        return
        [
            new("board", "Presented to the programme board, with its advice recorded", advice is not null,
                advice is null ? "no board advice is recorded on an agenda item for this option" : $"advice given on {Formats.Date(advice.MeetingDate)}"),
            new("benefits-risks", "Benefits and risks recorded", (option.Benefits.Count > 0 || option.OtherBenefits is not null) && evidence.Risks > 0,
                string.Join(" and ", new[]
                {
                    option.Benefits.Count > 0 || option.OtherBenefits is not null ? null : "no expected benefits are recorded",
                    evidence.Risks > 0 ? null : "no risks are recorded in its risk log",
                }.OfType<string>())),
            new("cost-benefit", "Cost-benefit analysis drafted", evidence.CostBenefit is not null,
                evidence.CostBenefit is null ? "no cost-benefit analysis has been prepared" : $"prepared by {evidence.CostBenefit.PreparedBy} on {Formats.Date(DateOnly.FromDateTime(evidence.CostBenefit.PreparedAt.Date))}"),
            new("eqia", "Equality Impact Assessment screening done", option.Eqia != EqiaStatus.NotScreened, "the option has not been screened"),
            new("hr-legal", "HR and legal considerations recorded", option.HrConsiderations is not null && option.LegalConsiderations is not null,
                string.Join(" and ", new[]
                {
                    option.HrConsiderations is null ? "HR considerations are missing" : null,
                    option.LegalConsiderations is null ? "legal considerations are missing" : null,
                }.OfType<string>())),
        ];
    }

    private static List<GateCriterion> DueDiligenceCriteria(Option option, OptionEvidence evidence, IReadOnlyDictionary<Guid, Decision> latest, Func<Guid, string> name)
    {
        var engagement = evidence.Engagement;
        var engagementDetail = engagement.Count == 0
            ? "no consultation or engagement exercise is linked to the option"
            : string.Join("; ", engagement.Where(e => !e.Complete || e.Answered < e.Feedback).Select(e =>
                !e.Complete ? $"{e.Title} is not complete" : $"{e.Title} has {e.Feedback - e.Answered} feedback items without a response"));
        var missingTests = option.ParticipantIds.Where(id => !evidence.KeyDecisionTestsRecordedBy.Contains(id)).Select(name).Order(StringComparer.Ordinal).ToList();
        var criteria = new List<GateCriterion>
        {
            new("engagement", "Consultation and engagement complete, with a response to the feedback",
                engagement.Count > 0 && engagement.All(e => e.Complete && e.Answered >= e.Feedback), engagementDetail),
            new("monitoring", "Monitoring method and indicators chosen", option.MonitoringMethod is not null && option.Indicators is not null,
                "the monitoring method and indicators are not recorded"),
            new("agreement-drafted", "Shared services agreement drafted, where one is needed",
                option.AgreementNeed == AgreementNeed.NotNeeded || (option.AgreementNeed == AgreementNeed.Needed && evidence.Agreement is not null),
                AgreementDetail(option, evidence, "no agreement for the option has been drafted")),
            new("key-decision", "Key Decision test recorded by each council", missingTests.Count == 0,
                missingTests.Count == 0 ? null : $"not yet recorded by {string.Join(" and ", missingTests)}"),
        };
        foreach (var authority in option.ParticipantIds.OrderBy(name, StringComparer.Ordinal))
        {
            var decision = latest.GetValueOrDefault(authority);
            criteria.Add(new GateCriterion(
                $"decision:{authority}",
                $"Approved by {name(authority)} through its own decision-making body",
                decision?.Outcome.Approves() == true,
                decision is null ? "no decision is recorded" : $"its latest decision is {decision.Outcome.Display().ToLowerInvariant()} ({decision.BodyName}, {Formats.Date(decision.MeetingDate)})"));
        }

        return criteria;
    }

    private static List<GateCriterion> ImplementationCriteria(Option option, OptionEvidence evidence) =>
    [
        new("delivery", "Delivery forum and accountability set", option.DeliveryForum is not null && option.AccountableOfficer is not null,
            "the delivery forum and accountable officer are not recorded"),
        new("scrutiny", "First scrutiny report scheduled", option.FirstScrutinyReportOn is not null, "no date is set for the first report to scrutiny"),
        new("agreement-signed", "Shared services agreement signed, where one is needed",
            option.AgreementNeed == AgreementNeed.NotNeeded || (option.AgreementNeed == AgreementNeed.Needed && evidence.Agreement?.Status.IsSigned() == true),
            AgreementDetail(option, evidence, evidence.Agreement is null ? "no agreement for the option has been drafted" : $"{evidence.Agreement.Title} is {evidence.Agreement.Status.Display().ToLowerInvariant()}, not signed")),
    ];

    private static string? AgreementDetail(Option option, OptionEvidence evidence, string missing) => option.AgreementNeed switch
    {
        AgreementNeed.NotDecided => "whether an agreement is needed is not decided",
        AgreementNeed.NotNeeded => "the option does not need an agreement",
        _ => evidence.Agreement is null ? missing : $"{evidence.Agreement.Title}: {evidence.Agreement.Status.Display().ToLowerInvariant()}",
    };
}
