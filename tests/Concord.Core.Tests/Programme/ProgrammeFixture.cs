using Concord.Core.Finance;
using Concord.Core.Governance;
using Concord.Core.Programme;

namespace Concord.Core.Tests.Programme;

/// <summary>A programme of Stockport and Tameside with one option, and the evidence a gate weighs.</summary>
internal sealed class ProgrammeFixture
{
    public static readonly Guid Stockport = Guid.NewGuid();
    public static readonly Guid Tameside = Guid.NewGuid();
    public static readonly Guid Trafford = Guid.NewGuid();
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<Guid, string> Names = new Dictionary<Guid, string>
    {
        [Stockport] = "Stockport",
        [Tameside] = "Tameside",
        [Trafford] = "Trafford",
    };

    public SharedProgramme Programme { get; } = SharedProgramme.Create(Guid.NewGuid(), "Stockport and Tameside shared services programme", null, 28);

    public GovernanceBody StockportCabinet { get; } = GovernanceBody.Create(Stockport, "Cabinet", BodyKind.Cabinet, null);

    public GovernanceBody TamesideCabinet { get; } = GovernanceBody.Create(Tameside, "Executive Cabinet", BodyKind.Cabinet, null);

    public Option Option { get; }

    public List<BoardAdvice> Advice { get; } = [];

    public int Risks { get; set; }

    public List<EngagementSummary> Engagement { get; } = [];

    public HashSet<Guid> KeyDecisionTests { get; } = [];

    public List<Decision> Decisions { get; } = [];

    public CostBenefitEvidence? CostBenefit { get; set; }

    public AgreementEvidence? Agreement { get; set; }

    public ProgrammeFixture()
    {
        Option = Option.Create(Programme,
            new OptionDetails("Shared Out of Hours Service", "One out of hours service for both boroughs", "Children's social care", null, null, false,
                [Stockport, Tameside], [], null),
            [Stockport, Tameside, Trafford], [], []);
    }

    public static Actor Lead(Guid authority) => new(Guid.NewGuid(), "programme lead", authority, Now);

    public OptionEvidence Evidence => new(Advice, Risks, Engagement, KeyDecisionTests, Decisions, Names, CostBenefit, Agreement);

    public GateReport Gate => StageGates.Evaluate(Option, Evidence);

    /// <summary>Satisfies every criterion of the current stage's gate, except the one named.</summary>
    public void MeetGate(string? except = null)
    {
        switch (Option.Stage)
        {
            case Stage.Formulation:
                Advice.Add(new BoardAdvice(new DateOnly(2026, 10, 1), "Proceed to due diligence"));
                Option.Change(Option.Details() with { Benefits = [ExpectedBenefit.CommonIssuesHandledOnce] }, [Stockport, Tameside, Trafford], [], []);
                Risks = 1;
                if (except != "cost-benefit")
                {
                    CostBenefit = new CostBenefitEvidence(Now.AddDays(-30), "finance officer");
                }

                Option.RecordEqia(EqiaStatus.FullAssessmentNeeded, null);
                Option.RecordConsiderations("No TUPE transfers", "Delegation under section 101 of the Local Government Act 1972", null);
                break;
            case Stage.DueDiligence:
                Engagement.Add(new EngagementSummary("Listening exercise", true, 3, 3));
                if (except != "monitoring")
                {
                    Option.RecordMonitoring("Quarterly PPRR returns", "Response times; repeat referrals");
                }

                Option.RecordAgreementNeed(AgreementNeed.Needed);
                Agreement = new AgreementEvidence("Out of hours agreement", AgreementStatus.Draft);
                KeyDecisionTests.Add(Stockport);
                KeyDecisionTests.Add(Tameside);
                Decide(Stockport, DecisionOutcome.Approved, new DateOnly(2027, 1, 12));
                Decide(Tameside, DecisionOutcome.ApprovedWithConditions, new DateOnly(2027, 1, 20));
                break;
            case Stage.Implementation:
                Option.RecordDelivery("Joint out of hours delivery forum", "Joint Director of Education", new DateOnly(2027, 9, 1), "Children and Families Scrutiny Committee");
                Agreement = new AgreementEvidence("Out of hours agreement", AgreementStatus.Signed);
                break;
        }
    }

    public Decision Decide(Guid authority, DecisionOutcome outcome, DateOnly on)
    {
        var body = authority == Stockport ? StockportCabinet : TamesideCabinet;
        var decision = Decision.Record(Option, authority, body, on, "KD-1", true, outcome,
            outcome == DecisionOutcome.ApprovedWithConditions ? "Review after one year" : null, null, Lead(authority));
        Decisions.Add(decision);
        return decision;
    }
}

internal static class OptionTestExtensions
{
    public static OptionDetails Details(this Option option) => new(option.Title, option.Summary, option.ServiceArea, option.PhaseId, option.WorkstreamId,
        option.IsProofOfConcept, option.ParticipantIds, option.Benefits, option.OtherBenefits);
}
