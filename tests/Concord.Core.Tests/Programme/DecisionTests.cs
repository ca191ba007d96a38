using Concord.Core.Governance;
using Concord.Core.Programme;
using static Concord.Core.Tests.Programme.ProgrammeFixture;

namespace Concord.Core.Tests.Programme;

public sealed class DecisionTests
{
    [Fact]
    public void A_council_records_its_own_decision_through_its_own_body()
    {
        var fixture = new ProgrammeFixture();

        var decision = fixture.Decide(Stockport, DecisionOutcome.Approved, new DateOnly(2027, 1, 12));

        Assert.Equal(Stockport, decision.AuthorityId);
        Assert.Equal("Cabinet", decision.BodyName);
        Assert.Equal(BodyKind.Cabinet, decision.BodyKind);
        Assert.True(decision.IsKeyDecision);
    }

    [Fact]
    public void A_decision_through_another_councils_body_is_refused()
    {
        var fixture = new ProgrammeFixture();

        var refused = Assert.Throws<RuleViolationException>(() => Decision.Record(fixture.Option, Stockport, fixture.TamesideCabinet,
            new DateOnly(2027, 1, 12), null, false, DecisionOutcome.Approved, null, null, Lead(Stockport)));

        Assert.Equal("GovernanceBodyId", refused.Violations.Single().Field);
    }

    [Fact]
    public void A_council_not_taking_part_has_no_decision_to_record()
    {
        var fixture = new ProgrammeFixture();
        var traffordCabinet = GovernanceBody.Create(Trafford, "Executive", BodyKind.Cabinet, null);

        var refused = Assert.Throws<RuleViolationException>(() => Decision.Record(fixture.Option, Trafford, traffordCabinet,
            new DateOnly(2027, 1, 12), null, false, DecisionOutcome.Approved, null, null, Lead(Trafford)));

        Assert.Equal("AuthorityId", refused.Violations.Single().Field);
    }

    [Fact]
    public void Approval_with_conditions_needs_the_conditions_and_every_missing_part_is_named()
    {
        var fixture = new ProgrammeFixture();

        var refused = Assert.Throws<RuleViolationException>(() => Decision.Record(fixture.Option, Stockport, null,
            null, null, null, DecisionOutcome.ApprovedWithConditions, " ", null, Lead(Stockport)));

        Assert.Equal(["GovernanceBodyId", "MeetingDate", "IsKeyDecision", "Conditions"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void The_latest_decision_stands_by_meeting_date()
    {
        var fixture = new ProgrammeFixture();
        fixture.Decide(Tameside, DecisionOutcome.Approved, new DateOnly(2027, 3, 1));
        fixture.Decide(Tameside, DecisionOutcome.Deferred, new DateOnly(2027, 1, 1));

        var latest = Decision.Latest(fixture.Decisions);

        Assert.Equal(DecisionOutcome.Approved, latest[Tameside].Outcome);
    }

    [Fact]
    public void A_Key_Decision_test_needs_its_reasoning()
    {
        var fixture = new ProgrammeFixture();

        var refused = Assert.Throws<RuleViolationException>(() => KeyDecisionTest.Record(fixture.Option, Stockport, true, "", Lead(Stockport)));
        var test = KeyDecisionTest.Record(fixture.Option, Tameside, false, "Under the £500,000 threshold and affects one ward", Lead(Tameside));

        Assert.Equal("Reasoning", refused.Violations.Single().Field);
        Assert.False(test.IsKeyDecision);
    }
}
