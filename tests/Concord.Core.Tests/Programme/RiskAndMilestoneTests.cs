using Concord.Core.Programme;
using static Concord.Core.Tests.Programme.ProgrammeFixture;

namespace Concord.Core.Tests.Programme;

public sealed class RiskAndMilestoneTests
{
    private static RiskDetails Governance(int current = 12, int currentImpact = 4) => new(
        "Governance arrangements: members are not given adequate chance to scrutinise",
        "Decisions are challenged and delayed; trust between the councils suffers",
        "Two committee calendars that do not line up",
        "A joint milestone plan synchronising both councils' scrutiny and approvals",
        "Joint Director of Education",
        RiskScope.EveryCouncil, null, 4, 4, current / currentImpact, currentImpact, 1, 3, new DateOnly(2026, 12, 1), RiskStatus.Open);

    [Theory]
    [InlineData(1, 4, RiskRating.Low)]
    [InlineData(2, 2, RiskRating.Low)]
    [InlineData(1, 5, RiskRating.Medium)]
    [InlineData(2, 5, RiskRating.Medium)]
    [InlineData(3, 4, RiskRating.High)]
    [InlineData(5, 5, RiskRating.High)]
    public void Scores_rate_low_medium_and_high_as_the_councils_matrix_does(int likelihood, int impact, RiskRating rating) =>
        Assert.Equal(rating, new RiskScore(likelihood, impact).Rating);

    [Fact]
    public void Scores_outside_one_to_five_are_refused_by_name()
    {
        var fixture = new ProgrammeFixture();

        var refused = Assert.Throws<RuleViolationException>(() => Risk.Create(fixture.Programme, 1, null,
            Governance() with { InherentLikelihood = 6, CurrentImpact = 0 }, [Stockport, Tameside], Lead(Stockport)));

        Assert.Equal(["InherentLikelihood", "CurrentImpact"], refused.Violations.Select(v => v.Field));
        Assert.Equal("The inherent likelihood must be between 1 and 5", refused.Violations[0].Message);
    }

    [Fact]
    public void A_change_of_current_score_is_kept_in_the_history()
    {
        var fixture = new ProgrammeFixture();
        var risk = Risk.Create(fixture.Programme, 3, null, Governance(), [Stockport, Tameside], Lead(Stockport));

        risk.Change(Governance() with { Owner = "Programme manager" }, [Stockport, Tameside], Lead(Stockport));
        risk.Change(Governance(current: 6, currentImpact: 3), [Stockport, Tameside], Lead(Tameside), "Milestone plan agreed");

        Assert.Equal("R3", risk.Reference);
        Assert.Equal([12, 6], risk.History.Select(h => h.Score.Value));
        Assert.Equal("Milestone plan agreed", risk.History[1].Note);
    }

    [Fact]
    public void A_risk_to_one_council_names_that_council()
    {
        var fixture = new ProgrammeFixture();

        var refused = Assert.Throws<RuleViolationException>(() => Risk.Create(fixture.Programme, 1, null,
            Governance() with { Scope = RiskScope.OneCouncil }, [Stockport, Tameside], Lead(Stockport)));

        Assert.Equal("AffectedAuthorityId", refused.Violations.Single().Field);
    }

    [Fact]
    public void An_options_risk_escalated_to_the_programme_joins_its_log_and_keeps_its_option()
    {
        var fixture = new ProgrammeFixture();
        var risk = Risk.Create(fixture.Programme, 4, fixture.Option.Id, Governance(), [Stockport, Tameside], Lead(Stockport));
        var programmeRisk = Risk.Create(fixture.Programme, 5, null, Governance(), [Stockport, Tameside], Lead(Stockport));

        Assert.False(risk.OnProgrammeLog);
        risk.Escalate("Affects every option", Lead(Stockport));

        Assert.True(risk.OnProgrammeLog);
        Assert.Equal(fixture.Option.Id, risk.OptionId);
        Assert.Throws<RuleViolationException>(() => risk.Escalate("again", Lead(Stockport)));
        Assert.Throws<RuleViolationException>(() => programmeRisk.Escalate("a programme risk", Lead(Stockport)));
    }

    [Fact]
    public void The_heat_map_counts_open_risks_at_their_current_score()
    {
        var fixture = new ProgrammeFixture();
        var members = new[] { Stockport, Tameside };
        var risks = new[]
        {
            Risk.Create(fixture.Programme, 1, null, Governance(12, 4), members, Lead(Stockport)),
            Risk.Create(fixture.Programme, 2, null, Governance(12, 4), members, Lead(Stockport)),
            Risk.Create(fixture.Programme, 3, null, Governance(6, 3), members, Lead(Stockport)),
            Risk.Create(fixture.Programme, 4, null, Governance(6, 3) with { Status = RiskStatus.Closed }, members, Lead(Stockport)),
        };

        var counts = RiskMatrix.Count(risks);

        Assert.Equal(2, counts[2, 3]);
        Assert.Equal(1, counts[1, 2]);
        Assert.Equal(3, counts.Cast<int>().Sum());
    }

    [Fact]
    public void A_review_date_in_the_past_is_overdue_while_the_risk_is_open()
    {
        var fixture = new ProgrammeFixture();
        var risk = Risk.Create(fixture.Programme, 1, null, Governance(), [Stockport, Tameside], Lead(Stockport));

        Assert.False(risk.IsReviewOverdue(new DateOnly(2026, 12, 1)));
        Assert.True(risk.IsReviewOverdue(new DateOnly(2026, 12, 2)));
    }

    private static Milestone Approval(DateOnly expected) => Milestone.Create(new ProgrammeFixture().Programme,
        new MilestoneDetails("Full proposal through governance: approval for implementation", "Approval to implement", "Programme manager", null,
            expected, null, null, MilestoneStatus.InProgress), []);

    [Fact]
    public void Approvals_in_step_raise_no_flag()
    {
        var milestone = Approval(new DateOnly(2022, 6, 30));

        var flags = CalendarSync.Check(milestone, [new("Stockport", "Cabinet", new DateOnly(2022, 6, 14), false), new("Tameside", "Executive Cabinet", new DateOnly(2022, 6, 22), false)], 28);

        Assert.Empty(flags);
    }

    [Fact]
    public void A_councils_meeting_after_the_milestone_is_flagged()
    {
        var milestone = Approval(new DateOnly(2022, 6, 30));

        var flags = CalendarSync.Check(milestone, [new("Stockport", "Cabinet", new DateOnly(2022, 6, 14), false), new("Tameside", "Executive Cabinet", new DateOnly(2022, 7, 6), false)], 28);

        var flag = Assert.Single(flags);
        Assert.Equal(SyncProblem.MeetsAfterMilestone, flag.Problem);
        Assert.Equal("Tameside's Executive Cabinet meets on 6 July 2022, after the milestone's date of 30 June 2022", flag.Message);
    }

    [Fact]
    public void Approvals_further_apart_than_the_programme_allows_are_flagged()
    {
        var milestone = Approval(new DateOnly(2027, 3, 31));

        var flags = CalendarSync.Check(milestone, [new("Stockport", "Cabinet", new DateOnly(2027, 1, 12), false), new("Tameside", "Executive Cabinet", new DateOnly(2027, 3, 10), false)], 28);

        var flag = Assert.Single(flags);
        Assert.Equal(SyncProblem.ApprovalsApart, flag.Problem);
        Assert.StartsWith("The councils' approvals are 57 days apart", flag.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tolerance_is_the_programmes_to_set()
    {
        var milestone = Approval(new DateOnly(2027, 3, 31));
        ScheduledApproval[] approvals = [new("Stockport", "Cabinet", new DateOnly(2027, 1, 12), false), new("Tameside", "Executive Cabinet", new DateOnly(2027, 3, 10), false)];

        Assert.Empty(CalendarSync.Check(milestone, approvals, 57));
        Assert.Single(CalendarSync.Check(milestone, approvals, 56));
    }

    [Fact]
    public void Unscheduled_and_cancelled_approvals_are_flagged_and_completed_milestones_are_not_checked()
    {
        var milestone = Approval(new DateOnly(2027, 3, 31));
        ScheduledApproval[] approvals = [new("Stockport", "Cabinet", null, false), new("Tameside", "Executive Cabinet", new DateOnly(2027, 3, 10), true)];

        var flags = CalendarSync.Check(milestone, approvals, 28);
        milestone.Change(new MilestoneDetails(milestone.Description, null, milestone.Owner, null, milestone.ExpectedDate, milestone.BaselineDate,
            new DateOnly(2027, 3, 20), MilestoneStatus.Complete), []);

        Assert.Equal([SyncProblem.NotScheduled, SyncProblem.MeetingCancelled], flags.Select(f => f.Problem));
        Assert.Empty(CalendarSync.Check(milestone, approvals, 28));
    }

    [Fact]
    public void Slippage_is_measured_against_the_baseline()
    {
        var milestone = Approval(new DateOnly(2022, 6, 30));

        milestone.Change(new MilestoneDetails(milestone.Description, null, milestone.Owner, null, new DateOnly(2022, 7, 14), milestone.BaselineDate, null, MilestoneStatus.InProgress), []);

        Assert.Equal(new DateOnly(2022, 6, 30), milestone.BaselineDate);
        Assert.Equal(14, milestone.SlippageDays);
        Assert.True(milestone.IsOverdue(new DateOnly(2022, 7, 15)));
    }

    [Fact]
    public void A_complete_milestone_needs_its_actual_date()
    {
        var milestone = Approval(new DateOnly(2022, 6, 30));

        var refused = Assert.Throws<RuleViolationException>(() => milestone.Change(
            new MilestoneDetails(milestone.Description, null, milestone.Owner, null, milestone.ExpectedDate, milestone.BaselineDate, null, MilestoneStatus.Complete), []));

        Assert.Equal("ActualDate", refused.Violations.Single().Field);
    }
}
