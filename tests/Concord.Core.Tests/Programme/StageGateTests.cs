using Concord.Core.Finance;
using Concord.Core.Programme;
using static Concord.Core.Tests.Programme.ProgrammeFixture;

namespace Concord.Core.Tests.Programme;

public sealed class StageGateTests
{
    [Fact]
    public void A_new_option_starts_at_formulation_with_every_criterion_unmet()
    {
        var fixture = new ProgrammeFixture();

        var gate = fixture.Gate;

        Assert.Equal(Stage.Formulation, gate.Stage);
        Assert.Equal(Stage.DueDiligence, gate.Next);
        Assert.Equal(["board", "benefits-risks", "cost-benefit", "eqia", "hr-legal"], gate.Criteria.Select(c => c.Key));
        Assert.All(gate.Criteria, c => Assert.False(c.Met));
        Assert.False(gate.CanAdvance);
    }

    [Fact]
    public void Advancing_to_due_diligence_without_board_presentation_is_refused_with_what_is_missing()
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate();
        fixture.Advice.Clear();

        var refused = Assert.Throws<GateNotMetException>(() => fixture.Option.Advance(fixture.Gate, Lead(Stockport)));

        Assert.Equal(["Presented to the programme board, with its advice recorded: no board advice is recorded on an agenda item for this option"], refused.Missing);
        Assert.Equal(Stage.Formulation, fixture.Option.Stage);
        Assert.Empty(fixture.Option.Transitions);
    }

    [Theory]
    [InlineData("benefits")]
    [InlineData("risks")]
    [InlineData("cost-benefit")]
    [InlineData("eqia")]
    [InlineData("hr")]
    [InlineData("legal")]
    public void Each_formulation_criterion_alone_holds_the_option_back(string missing)
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate(except: missing);
        var option = fixture.Option;
        switch (missing)
        {
            case "benefits":
                option.Change(option.Details() with { Benefits = [] }, [Stockport, Tameside], [], []);
                break;
            case "risks":
                fixture.Risks = 0;
                break;
            case "eqia":
                option.RecordEqia(EqiaStatus.NotScreened, null);
                break;
            case "hr":
                option.RecordConsiderations(null, option.LegalConsiderations, null);
                break;
            case "legal":
                option.RecordConsiderations(option.HrConsiderations, null, null);
                break;
        }

        var gate = fixture.Gate;

        Assert.False(gate.CanAdvance);
        Assert.Single(gate.Criteria, c => !c.Met);
    }

    [Fact]
    public void Other_benefits_in_free_text_count_as_benefits_recorded()
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate();
        fixture.Option.Change(fixture.Option.Details() with { Benefits = [], OtherBenefits = "Resilience at weekends" }, [Stockport, Tameside], [], []);

        Assert.True(fixture.Gate.CanAdvance);
    }

    [Fact]
    public void Due_diligence_needs_every_participating_councils_approval()
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate();
        fixture.Option.Advance(fixture.Gate, Lead(Stockport));
        fixture.MeetGate();
        fixture.Decisions.RemoveAll(d => d.AuthorityId == Tameside);

        var gate = fixture.Gate;

        Assert.False(gate.CanAdvance);
        var unmet = Assert.Single(gate.Criteria, c => !c.Met);
        Assert.Equal($"decision:{Tameside}", unmet.Key);
        Assert.Equal("Approved by Tameside through its own decision-making body: no decision is recorded", unmet.Describe());
    }

    [Theory]
    [InlineData(DecisionOutcome.Deferred)]
    [InlineData(DecisionOutcome.Noted)]
    public void A_decision_that_is_not_an_approval_does_not_count(DecisionOutcome outcome)
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate();
        fixture.Option.Advance(fixture.Gate, Lead(Stockport));
        fixture.MeetGate();
        fixture.Decide(Tameside, outcome, new DateOnly(2027, 2, 1));

        Assert.False(fixture.Gate.CanAdvance);
    }

    [Fact]
    public void A_rejection_by_any_council_stops_the_option_until_that_council_decides_again()
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate();
        fixture.Decide(Tameside, DecisionOutcome.Rejected, new DateOnly(2026, 10, 20));

        var blocked = fixture.Gate;
        fixture.Decide(Tameside, DecisionOutcome.Noted, new DateOnly(2026, 11, 10));
        var cleared = fixture.Gate;

        Assert.False(blocked.CanAdvance);
        Assert.Equal("Tameside rejected it (Executive Cabinet, 20 October 2026): it cannot move on until Tameside records a new decision", blocked.Blocks.Single());
        Assert.True(cleared.CanAdvance);
    }

    [Theory]
    [InlineData("engagement-missing")]
    [InlineData("engagement-open")]
    [InlineData("feedback-unanswered")]
    [InlineData("monitoring")]
    [InlineData("agreement")]
    [InlineData("agreement-undecided")]
    [InlineData("key-decision")]
    public void Each_due_diligence_criterion_alone_holds_the_option_back(string missing)
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate();
        fixture.Option.Advance(fixture.Gate, Lead(Stockport));
        fixture.MeetGate(except: missing);
        switch (missing)
        {
            case "engagement-missing":
                fixture.Engagement.Clear();
                break;
            case "engagement-open":
                fixture.Engagement[0] = fixture.Engagement[0] with { Complete = false };
                break;
            case "feedback-unanswered":
                fixture.Engagement[0] = fixture.Engagement[0] with { Answered = 2 };
                break;
            case "agreement":
                fixture.Agreement = null;
                break;
            case "agreement-undecided":
                fixture.Option.RecordAgreementNeed(AgreementNeed.NotDecided);
                break;
            case "key-decision":
                fixture.KeyDecisionTests.Remove(Tameside);
                break;
        }

        var gate = fixture.Gate;

        Assert.False(gate.CanAdvance);
        Assert.Single(gate.Criteria, c => !c.Met);
    }

    [Fact]
    public void No_agreement_is_needed_when_the_councils_decide_none_is()
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate();
        fixture.Option.Advance(fixture.Gate, Lead(Stockport));
        fixture.MeetGate();
        fixture.Option.RecordAgreementNeed(AgreementNeed.NotNeeded);
        fixture.Agreement = null;

        Assert.True(fixture.Gate.CanAdvance);
    }

    [Fact]
    public void An_option_walks_from_formulation_to_implemented_and_each_move_is_recorded()
    {
        var fixture = new ProgrammeFixture();
        foreach (var expected in new[] { Stage.DueDiligence, Stage.Implementation, Stage.Implemented })
        {
            fixture.MeetGate();
            fixture.Option.Advance(fixture.Gate, Lead(Tameside));
            Assert.Equal(expected, fixture.Option.Stage);
        }

        Assert.Equal([Stage.Formulation, Stage.DueDiligence, Stage.Implementation], fixture.Option.Transitions.Select(t => t.From));
        Assert.All(fixture.Option.Transitions, t =>
        {
            Assert.Equal(TransitionKind.Advanced, t.Kind);
            Assert.Equal("programme lead", t.By);
            Assert.Equal(Tameside, t.ActingAuthorityId);
            Assert.Equal(Now, t.At);
        });
        Assert.Equal("The option is implemented: there is no further stage", fixture.Gate.Blocks.Single());
    }

    [Theory]
    [InlineData("delivery")]
    [InlineData("scrutiny")]
    [InlineData("agreement")]
    public void Each_implementation_criterion_alone_holds_the_option_back(string missing)
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate();
        fixture.Option.Advance(fixture.Gate, Lead(Stockport));
        fixture.MeetGate();
        fixture.Option.Advance(fixture.Gate, Lead(Stockport));
        fixture.MeetGate();
        switch (missing)
        {
            case "delivery":
                fixture.Option.RecordDelivery(null, null, new DateOnly(2027, 9, 1), "Children and Families Scrutiny Committee");
                break;
            case "scrutiny":
                fixture.Option.RecordDelivery("Forum", "Director", null, null);
                break;
            case "agreement":
                fixture.Agreement = fixture.Agreement! with { Status = AgreementStatus.Agreed };
                break;
        }

        Assert.Single(fixture.Gate.Criteria, c => !c.Met);
    }

    [Fact]
    public void Moving_back_pausing_and_withdrawing_need_a_reason()
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate();
        fixture.Option.Advance(fixture.Gate, Lead(Stockport));

        Assert.Equal("Enter the reason for moving it back", Assert.Throws<RuleViolationException>(() => fixture.Option.MoveBack(" ", Lead(Stockport))).Violations.Single().Message);
        Assert.Equal("Reason", Assert.Throws<RuleViolationException>(() => fixture.Option.Pause(null, Lead(Stockport))).Violations.Single().Field);
        Assert.Equal("Reason", Assert.Throws<RuleViolationException>(() => fixture.Option.Withdraw("", Lead(Stockport))).Violations.Single().Field);
        Assert.Equal(Stage.DueDiligence, fixture.Option.Stage);
        Assert.Single(fixture.Option.Transitions);
    }

    [Fact]
    public void A_paused_option_resumes_where_it_was_and_cannot_advance_while_paused()
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate();
        fixture.Option.Advance(fixture.Gate, Lead(Stockport));

        fixture.Option.Pause("Awaiting the council budget", Lead(Stockport));
        var whilePaused = fixture.Gate;
        fixture.Option.Resume(null, Lead(Tameside));

        Assert.Equal("The option is paused: resume it before it can move on", whilePaused.Blocks.Single());
        Assert.Equal(Stage.DueDiligence, fixture.Option.Stage);
        Assert.Equal([TransitionKind.Advanced, TransitionKind.Paused, TransitionKind.Resumed], fixture.Option.Transitions.Select(t => t.Kind));
        Assert.Equal("Awaiting the council budget", fixture.Option.Transitions[1].Reason);
    }

    [Fact]
    public void A_withdrawn_option_cannot_advance_even_with_every_criterion_met()
    {
        var fixture = new ProgrammeFixture();
        fixture.MeetGate();
        fixture.Option.Withdraw("Replaced by a Greater Manchester-wide service", Lead(Stockport));

        var gate = fixture.Gate;

        Assert.False(gate.CanAdvance);
        Assert.Equal("The option is withdrawn: a withdrawn option cannot move on", gate.Blocks.Single());
        Assert.Throws<GateNotMetException>(() => fixture.Option.Advance(gate, Lead(Stockport)));
        Assert.Throws<RuleViolationException>(() => fixture.Option.Withdraw("again", Lead(Stockport)));
    }

    [Fact]
    public void Moving_back_from_formulation_is_refused()
    {
        var fixture = new ProgrammeFixture();

        Assert.Throws<RuleViolationException>(() => fixture.Option.MoveBack("Not ready", Lead(Stockport)));
    }
}
