using Concord.Core.Sufficiency;

namespace Concord.Core.Tests.Sufficiency;

public sealed class ScenarioTests
{
    private static readonly Guid Partnership = Guid.NewGuid();
    private static readonly Guid Stockport = Guid.NewGuid();
    private static readonly Guid Tameside = Guid.NewGuid();
    private static readonly DateOnly September2026 = new(2026, 9, 1);
    private static readonly DateOnly September2027 = new(2027, 9, 1);

    private static readonly Provision Heaton = Provision.Create(Stockport, ProvisionTests.Details(places: 100));
    private static readonly Provision Oakdale = Provision.Create(Tameside, ProvisionTests.Details(places: 50, cost: 30_000m));

    private static Dictionary<Guid, SufficiencySettings> Settings => new() { [Stockport] = SufficiencySettings.Default(Stockport), [Tameside] = SufficiencySettings.Default(Tameside) };

    private static Scenario Create(params ScenarioChange[] changes) =>
        Scenario.Create(Partnership, "More local places", null, PlanMode.Sharing, changes, [Heaton, Oakdale], [Stockport, Tameside]);

    [Fact]
    public void Changes_take_effect_from_their_date()
    {
        var scenario = Create(
            new ScenarioChange(ScenarioChangeKind.AddPlaces, Heaton.Id, Places: 24, From: September2027),
            new ScenarioChange(ScenarioChangeKind.RemovePlaces, Oakdale.Id, Places: 10, From: September2026),
            new ScenarioChange(ScenarioChangeKind.ChangeCost, Oakdale.Id, Cost: 28_000m));

        var in2026 = scenario.Apply([Heaton, Oakdale], Settings, September2026).ToDictionary(p => p.ProvisionId);
        var in2027 = scenario.Apply([Heaton, Oakdale], Settings, September2027).ToDictionary(p => p.ProvisionId);

        Assert.Equal((100, 40), (in2026[Heaton.Id].Places, in2026[Oakdale.Id].Places));
        Assert.Equal((124, 40), (in2027[Heaton.Id].Places, in2027[Oakdale.Id].Places));
        Assert.Equal((24_000m, 28_000m), (in2027[Heaton.Id].CostPerPlace, in2027[Oakdale.Id].CostPerPlace));
    }

    [Fact]
    public void A_closed_provision_has_no_places_and_an_opened_one_adds_a_provision_from_its_date()
    {
        var opened = new NewProvision("New secondary special free school", ProvisionKind.SpecialSchool, Stockport, "E08000007", 53.40, -2.15, 11, 19,
            [NeedType.Asd, NeedType.Sld], 133, null);
        var scenario = Create(
            new ScenarioChange(ScenarioChangeKind.CloseProvision, Oakdale.Id, From: September2027),
            new ScenarioChange(ScenarioChangeKind.OpenProvision, From: September2027, Provision: opened));

        var before = scenario.Apply([Heaton, Oakdale], Settings, September2026);
        var after = scenario.Apply([Heaton, Oakdale], Settings, September2027);

        Assert.Equal(2, before.Count);
        Assert.Equal(3, after.Count);
        Assert.Equal(0, after.Single(p => p.ProvisionId == Oakdale.Id).Places);
        var school = after.Single(p => p.ProvisionId == Scenario.OpenedId(1));
        Assert.Equal((133, 24_000m), (school.Places, school.CostPerPlace));
    }

    [Fact]
    public void Growth_set_for_a_council_wins_over_growth_set_for_all()
    {
        var scenario = Create(
            new ScenarioChange(ScenarioChangeKind.ChangeGrowth, Growth: 2.5m),
            new ScenarioChange(ScenarioChangeKind.ChangeGrowth, Growth: 1.0m, AuthorityId: Tameside));

        Assert.Equal(2.5m, scenario.GrowthFor(Stockport));
        Assert.Equal(1.0m, scenario.GrowthFor(Tameside));
        Assert.Null(Create().GrowthFor(Stockport));
    }

    [Fact]
    public void A_change_naming_a_provision_outside_the_partnerships_registers_is_refused_and_nothing_changes()
    {
        var scenario = Create();
        var stranger = Provision.Create(Guid.NewGuid(), ProvisionTests.Details());

        var refused = Assert.Throws<RuleViolationException>(() => scenario.Change("Renamed", null, PlanMode.Alone,
            [new ScenarioChange(ScenarioChangeKind.AddPlaces, stranger.Id, Places: 10, From: September2026)], [Heaton, Oakdale], [Stockport, Tameside]));

        Assert.Equal("Change 1: choose a provision in a member council's register", refused.Violations.Single().Message);
        Assert.Equal(("More local places", PlanMode.Sharing), (scenario.Name, scenario.Mode));
    }

    [Fact]
    public void An_opened_provision_with_its_ages_upside_down_is_refused()
    {
        var opened = new NewProvision("Upside down", ProvisionKind.ResourcedProvision, Stockport, "E08000007", 53.4, -2.15, 16, 11, [NeedType.Asd], 10, null);

        var refused = Assert.Throws<RuleViolationException>(() => Create(new ScenarioChange(ScenarioChangeKind.OpenProvision, From: September2026, Provision: opened)));

        Assert.Contains(refused.Violations, v => v.Message == "Change 1: the age range is upside down (16 to 11)");
    }
}
