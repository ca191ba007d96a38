using Concord.Core.Sufficiency;

namespace Concord.Core.Tests.Sufficiency;

public sealed class ProvisionTests
{
    private static readonly Guid Stockport = Guid.NewGuid();

    public static ProvisionDetails Details(int places = 24, int ageFrom = 4, int ageTo = 11, IReadOnlyCollection<NeedType>? needs = null,
        IReadOnlyCollection<PlannedChange>? changes = null, DateOnly? opens = null, DateOnly? closes = null, decimal? cost = null) =>
        new(106151, "Heaton School", ProvisionKind.SpecialSchool, "E08000007", "Stockport", 53.42, -2.19, ageFrom, ageTo, places, places,
            needs ?? [NeedType.Asd, NeedType.Sld], cost, opens, closes, changes ?? [], null);

    [Fact]
    public void A_provision_with_no_places_is_refused_naming_the_field()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Provision.Create(Stockport, Details(places: 0)));

        Assert.Contains(refused.Violations, v => v.Field == "CommissionedPlaces" && v.Message == "A provision must have at least one commissioned place");
    }

    [Fact]
    public void An_age_range_upside_down_is_refused_saying_so()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Provision.Create(Stockport, Details(ageFrom: 16, ageTo: 11)));

        Assert.Equal("The age range is upside down: the oldest age (11) is younger than the youngest (16)", refused.Violations.Single().Message);
    }

    [Fact]
    public void A_provision_must_be_designated_for_at_least_one_need()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Provision.Create(Stockport, Details(needs: [])));

        Assert.Equal("Needs", refused.Violations.Single().Field);
    }

    [Fact]
    public void Places_on_a_date_add_the_changes_planned_by_then_and_are_none_before_opening_or_after_closing()
    {
        // 24 places; +24 from 1 September 2026; -6 from 1 September 2027.
        var provision = Provision.Create(Stockport, Details(changes: [new(new DateOnly(2026, 9, 1), 24, "Primary resourced places"), new(new DateOnly(2027, 9, 1), -6, null)]));
        var planned = Provision.Create(Stockport, Details(places: 133, opens: new DateOnly(2027, 9, 1), closes: new DateOnly(2035, 8, 31)));

        Assert.Equal(24, provision.PlacesOn(new DateOnly(2026, 8, 31)));
        Assert.Equal(48, provision.PlacesOn(new DateOnly(2026, 9, 1)));
        Assert.Equal(42, provision.PlacesOn(new DateOnly(2027, 9, 1)));
        Assert.Equal(0, planned.PlacesOn(new DateOnly(2026, 9, 1)));
        Assert.Equal(133, planned.PlacesOn(new DateOnly(2027, 9, 1)));
        Assert.Equal(0, planned.PlacesOn(new DateOnly(2035, 9, 1)));
    }

    [Fact]
    public void A_provision_serves_a_child_only_of_a_need_it_is_designated_for_and_an_age_it_takes()
    {
        var provision = Provision.Create(Stockport, Details(ageFrom: 4, ageTo: 11, needs: [NeedType.Asd]));

        Assert.True(provision.Serves(NeedType.Asd, 4));
        Assert.True(provision.Serves(NeedType.Asd, 11));
        Assert.False(provision.Serves(NeedType.Asd, 12));
        Assert.False(provision.Serves(NeedType.Semh, 8));
    }

    [Fact]
    public void Without_a_cost_of_its_own_a_place_costs_the_councils_default_band_for_its_kind()
    {
        var settings = SufficiencySettings.Default(Stockport);

        Assert.Equal(24_000m, Provision.Create(Stockport, Details()).CostPerPlace(settings));
        Assert.Equal(31_500m, Provision.Create(Stockport, Details(cost: 31_500m)).CostPerPlace(settings));
    }

    [Theory]
    [InlineData("asd", NeedType.Asd)]
    [InlineData("SpLD", NeedType.Spld)]
    [InlineData(" SEMH ", NeedType.Semh)]
    [InlineData("OTH", NeedType.Other)]
    [InlineData("Other", NeedType.Other)]
    public void Need_codes_are_read_in_any_case(string code, NeedType need) => Assert.Equal(need, Needs.Parse(code));

    [Theory]
    [InlineData("XYZ")]
    [InlineData("")]
    [InlineData("1")]
    public void Anything_else_is_not_a_need(string code) => Assert.Null(Needs.Parse(code));

    [Theory]
    [InlineData(2015, 9, 1, 2026, 10)]
    [InlineData(2016, 8, 31, 2026, 10)]
    [InlineData(2016, 9, 1, 2026, 9)]
    public void A_childs_age_for_a_school_year_is_their_age_on_the_31_August_before_it(int year, int month, int day, int schoolYear, int age) =>
        Assert.Equal(age, AgeBands.AcademicAge(new DateOnly(year, month, day), schoolYear));

    [Fact]
    public void The_distance_between_two_points_is_the_great_circle_in_kilometres()
    {
        // One degree of latitude is 6371.0088 × π / 180 = 111.195 km.
        Assert.Equal(111.195, new GeoPoint(53, -2).KmTo(new GeoPoint(54, -2)), 3);
    }

    [Fact]
    public void Assumptions_whose_need_mix_does_not_add_up_to_100_are_refused_with_the_total()
    {
        var settings = SufficiencySettings.Default(Stockport);
        var mix = Needs.All.ToDictionary(n => n, n => (decimal?)settings.ShareOf(n));
        mix[NeedType.Asd] = 40;

        var refused = Assert.Throws<RuleViolationException>(() => settings.Change(
            ProvisionKinds.All.ToDictionary(k => k, k => (decimal?)settings.BandFor(k)), mix,
            AgeBands.All.ToDictionary(b => b, b => (decimal?)settings.ShareOf(b)),
            Needs.All.ToDictionary(n => n, n => (decimal?)settings.SpecialistShareOf(n)), 25, 350));

        Assert.Equal("The percentages must add up to 100; they add up to 109", refused.Violations.Single().Message);
        Assert.Equal(31m, settings.ShareOf(NeedType.Asd));
    }
}
