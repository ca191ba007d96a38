using Concord.Core.Programme;
using static Concord.Core.Tests.Programme.ProgrammeFixture;

namespace Concord.Core.Tests.Programme;

/// <summary>The risk log's own rules: references, and notes kept with a change of score.</summary>
public sealed class RiskLogRulesTests
{
    private static RiskDetails Details(int currentLikelihood) => new(
        "Maintaining the level of service", "A council sees a diminution in service to children", null,
        "Performance monitored through each council's PPRRs", "Joint Director of Education",
        RiskScope.EveryCouncil, null, 3, 5, currentLikelihood, 4, 1, 4, new DateOnly(2026, 12, 1), RiskStatus.Open);

    [Fact]
    public void The_first_risk_of_a_programme_is_R1() => Assert.Equal(1, Risk.NextNumber([]));

    [Fact]
    public void The_next_reference_is_one_more_than_the_highest_so_far_not_the_count()
    {
        Assert.Equal(11, Risk.NextNumber(["R1", "R10", "R2"]));
        Assert.Equal(4, Risk.NextNumber(["R3"]));
    }

    [Fact]
    public void A_risk_numbers_itself_from_its_reference()
    {
        var risk = Risk.Create(new ProgrammeFixture().Programme, 12, null, Details(2), [Stockport, Tameside], Lead(Stockport));

        Assert.Equal(12, risk.Number);
    }

    [Fact]
    public void A_note_with_a_change_of_score_longer_than_1000_characters_is_refused_and_nothing_changes()
    {
        var risk = Risk.Create(new ProgrammeFixture().Programme, 1, null, Details(2), [Stockport, Tameside], Lead(Stockport));

        var refused = Assert.Throws<RuleViolationException>(() => risk.Change(Details(3), [Stockport, Tameside], Lead(Stockport), new string('x', 1001)));

        Assert.Equal("Note", refused.Violations.Single().Field);
        Assert.Equal(2, risk.CurrentLikelihood);
        Assert.Single(risk.History);
    }
}
