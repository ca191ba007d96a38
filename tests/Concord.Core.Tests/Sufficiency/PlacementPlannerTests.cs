using Concord.Core.Sufficiency;

namespace Concord.Core.Tests.Sufficiency;

/// <summary>
/// Small plans worked by hand. Places stand due north of the homes, on the same meridian, so the
/// straight-line distance is exact: one degree of latitude is 6,371.0088 × π / 180 = 111.195 km
/// (0.05° = 5.560 km, 0.1° = 11.120 km, 0.2° = 22.239 km, 0.3° = 33.359 km). The tests take the
/// kilometres from <see cref="GeoPoint.KmTo"/> itself, so that expected costs are exact.
/// </summary>
public sealed class PlacementPlannerTests
{
    private const string StockportArea = "E08000007";
    private const string TamesideArea = "E08000008";
    private const string CheshireEastArea = "E06000049";

    private static readonly Guid Stockport = new("00000000-0000-0000-0000-000000000356");
    private static readonly Guid Tameside = new("00000000-0000-0000-0000-000000000357");
    private static readonly PlanCouncil StockportCouncil = new(Stockport, "Stockport", StockportArea);
    private static readonly PlanCouncil TamesideCouncil = new(Tameside, "Tameside", TamesideArea);
    private static readonly PlanCouncil[] Both = [StockportCouncil, TamesideCouncil];
    private static readonly GeoPoint Home = new(53.40, -2.15);

    private static GeoPoint North(double degrees) => new(Home.Latitude + degrees, Home.Longitude);

    private static double Km(double degreesNorth) => Home.KmTo(North(degreesNorth));

    private static PlanOptions Options(PlanMode mode = PlanMode.Alone, decimal travelCostPerKm = 0m, double maxTravelKm = 25) => new(mode, maxTravelKm, travelCostPerKm);

    private static PlanPlace Place(
        string name,
        GeoPoint at,
        int places,
        decimal cost,
        Guid? register = null,
        ProvisionKind kind = ProvisionKind.SpecialSchool,
        string area = StockportArea,
        int ageFrom = 4,
        int ageTo = 19,
        NeedType[]? needs = null) =>
        new(Guid.NewGuid(), name, register ?? Stockport, kind, area, at, ageFrom, ageTo, (needs ?? [NeedType.Asd]).ToHashSet(), places, cost);

    private static PlanDemand Children(int count, NeedType need = NeedType.Asd, int age = 8, GeoPoint? home = null, Guid? council = null) =>
        new(council ?? Stockport, need, age, home ?? Home, count);

    [Fact]
    public void Three_children_for_two_places_leave_one_unplaced_and_only_the_placed_are_costed()
    {
        // Two places at £20,000 on the children's doorstep (0 km). Two children placed:
        // place cost 2 × £20,000 = £40,000, travel £0, total £40,000. The third is unplaced, at the
        // default unplaced cost: 10 × (£20,000 + £0 × 25 km) = £200,000, raised to the £1,000,000 floor.
        // Objective: £40,000 + £1,000,000 = £1,040,000.
        var school = Place("Valley School", Home, places: 2, cost: 20_000m);

        var plan = PlacementPlanner.Plan([StockportCouncil], [Children(3)], [school], Options());

        var line = plan.For(Stockport);
        Assert.Equal((3, 2, 1), (line.Children, line.Placed, line.Unplaced));
        Assert.Equal((40_000m, 0m, 40_000m), (line.PlaceCost, line.TravelCost, line.TotalCost));
        Assert.Equal(1_000_000m, plan.UnplacedCost);
        Assert.Equal(1_040_000L, plan.Objective);
        Assert.Equal(2, plan.Use(school.ProvisionId).Used);
        Assert.Equal([(school.ProvisionId, 2), (null, 1)], plan.Assignments.Select(a => (a.ProvisionId, a.Count)));
    }

    [Fact]
    public void A_child_goes_past_a_nearer_provision_not_designated_for_their_need_to_one_that_is()
    {
        // The SEMH school is 5.56 km away, the ASD school 22.24 km. An autistic child can only take
        // the ASD school, even though it is four times as far and dearer.
        var semh = Place("Harbour SEMH School", North(0.05), places: 10, cost: 20_000m, needs: [NeedType.Semh]);
        var asd = Place("Meadow ASD School", North(0.2), places: 10, cost: 24_000m, needs: [NeedType.Asd]);

        var plan = PlacementPlanner.Plan([StockportCouncil], [Children(1, NeedType.Asd)], [semh, asd], Options());

        var assignment = Assert.Single(plan.Assignments);
        Assert.Equal(asd.ProvisionId, assignment.ProvisionId);
        Assert.Equal(Km(0.2), assignment.Km, 9);
        Assert.Equal(0, plan.Use(semh.ProvisionId).Used);
    }

    [Fact]
    public void A_child_goes_past_a_nearer_provision_that_does_not_take_their_age()
    {
        // A primary special school (ages 4 to 11) 5.56 km away and a secondary one (11 to 16)
        // 22.24 km away: a 14-year-old can only go to the secondary, a 7-year-old to the primary.
        var primary = Place("Acorn Primary Special", North(0.05), places: 10, cost: 20_000m, ageFrom: 4, ageTo: 11);
        var secondary = Place("Oak Secondary Special", North(0.2), places: 10, cost: 20_000m, ageFrom: 11, ageTo: 16);

        var plan = PlacementPlanner.Plan([StockportCouncil], [Children(1, age: 14), Children(1, age: 7)], [primary, secondary], Options());

        Assert.Equal(secondary.ProvisionId, plan.Assignments.Single(a => a.DemandIndex == 0).ProvisionId);
        Assert.Equal(primary.ProvisionId, plan.Assignments.Single(a => a.DemandIndex == 1).ProvisionId);
    }

    [Fact]
    public void A_provision_beyond_the_furthest_travel_is_never_used_and_the_child_is_unplaced()
    {
        // The only school with room is 0.3° north: 33.36 km, beyond the 25 km limit.
        var far = Place("Hilltop School", North(0.3), places: 10, cost: 20_000m);

        var plan = PlacementPlanner.Plan([StockportCouncil], [Children(1)], [far], Options(maxTravelKm: 25));

        Assert.True(Km(0.3) > 25);
        Assert.Equal(0, plan.Use(far.ProvisionId).Used);
        Assert.Equal(1, plan.For(Stockport).Unplaced);
        Assert.Equal(0, plan.Arcs);
        Assert.Equal(1_000_000L, plan.Objective);
    }

    [Theory]
    [InlineData(100, "far")]
    [InlineData(1_000, "near")]
    public void The_cost_of_travel_decides_between_a_cheaper_far_provision_and_a_dearer_near_one(int travelCostPerKm, string expected)
    {
        // Near: £30,000 at 5.560 km; far: £24,000 at 22.239 km. The far one saves £6,000 a year but
        // adds 16.680 km, so it is cheaper while a kilometre costs less than £6,000 / 16.680 = £359.72.
        // At £100/km: near £30,556.0, far £26,223.9, so far. At £1,000/km: near £35,559.8, far £46,239.0, so near.
        var near = Place("Near School", North(0.05), places: 10, cost: 30_000m);
        var far = Place("Far School", North(0.2), places: 10, cost: 24_000m);
        var (place, km) = expected == "near" ? (near, Km(0.05)) : (far, Km(0.2));

        var plan = PlacementPlanner.Plan([StockportCouncil], [Children(1)], [near, far], Options(travelCostPerKm: travelCostPerKm));

        Assert.Equal(place.ProvisionId, Assert.Single(plan.Assignments).ProvisionId);
        var line = plan.For(Stockport);
        var travel = Math.Round(travelCostPerKm * (decimal)km, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(place.CostPerPlace, line.PlaceCost);
        Assert.Equal(travel, line.TravelCost);
        Assert.Equal(place.CostPerPlace + travel, line.TotalCost);
    }

    [Fact]
    public void A_Stockport_child_unplaced_alone_takes_a_Tameside_place_when_sharing_and_Stockport_pays_Tameside_for_it()
    {
        // Stockport has two autistic 8-year-olds and one place of its own (£24,000, on the doorstep).
        // Tameside's school, 11.12 km north, has ten places at £26,000; no travel cost.
        // Alone: one placed at £24,000, one unplaced (£1,000,000): objective £1,024,000.
        // Sharing: both placed, £24,000 + £26,000 = £50,000: objective £50,000, saving £974,000.
        // The cost of placed children rises by £26,000 (CostSaved −£26,000); counting the child no
        // longer unplaced at £1,000,000 it falls by £974,000. Stockport recharges nothing to itself and
        // pays Tameside one place at £26,000; the Tameside place is out of Stockport's borough.
        var own = Place("Stockport School", Home, places: 1, cost: 24_000m);
        var tameside = Place("Tameside School", North(0.1), places: 10, cost: 26_000m, register: Tameside, area: TamesideArea);

        var comparison = PlacementPlanner.Compare(Both, [Children(2)], [own, tameside], Options());

        Assert.Equal(1, comparison.Alone.For(Stockport).Unplaced);
        Assert.Equal(0, comparison.Sharing.For(Stockport).Unplaced);
        Assert.Equal(new PlacementRecharge(Stockport, Tameside, 1, 26_000m), Assert.Single(comparison.Sharing.Recharges));
        Assert.Empty(comparison.Alone.Recharges);
        Assert.Equal((1_024_000L, 50_000L, 974_000L), (comparison.Alone.Objective, comparison.Sharing.Objective, comparison.ObjectiveSaved));
        Assert.Equal((-26_000m, 974_000m, -1, 1, 0),
            (comparison.Combined.CostSaved, comparison.Combined.PlanCostSaved, comparison.Combined.UnplacedChange, comparison.Combined.OutOfBoroughChange, comparison.Combined.IndependentChange));
        Assert.Equal(new Dictionary<Guid, int> { [Stockport] = 1 }, comparison.Sharing.Use(tameside.ProvisionId).ByCouncil);
    }

    [Fact]
    public void Sharing_recharges_commissioned_places_but_not_bought_ones()
    {
        // Stockport's two children can only reach Tameside's register (Stockport has none): one
        // place in Tameside's special school (£26,000) and one in an independent school Tameside
        // lists (£62,000). Stockport pays Tameside for the special school place only; the independent
        // school's fee goes to the school.
        var special = Place("Tameside School", North(0.1), places: 1, cost: 26_000m, register: Tameside, area: TamesideArea);
        var independent = Place("Independent School", North(0.1), places: 1, cost: 62_000m, register: Tameside, area: TamesideArea, kind: ProvisionKind.IndependentSpecial);

        var plan = PlacementPlanner.Plan(Both, [Children(2)], [special, independent], Options(PlanMode.Sharing));

        Assert.Equal(2, plan.For(Stockport).Placed);
        Assert.Equal(new PlacementRecharge(Stockport, Tameside, 1, 26_000m), Assert.Single(plan.Recharges));
    }

    [Fact]
    public void Out_of_borough_and_independent_placements_are_counted_by_where_the_place_stands_and_how_it_is_paid_for()
    {
        // Three children, three single places all in Stockport's register and all within reach:
        // its own special school in Stockport (in borough, commissioned), an independent special
        // school in Cheshire East (out of borough, bought) and a specialist post-16 college in
        // Stockport (in borough, bought). Out of borough 1 of 3 = 33.3%; bought 2 of 3 = 66.7%.
        // Place cost £24,000 + £62,000 + £45,000 = £131,000.
        var places = new[]
        {
            Place("Stockport School", Home, places: 1, cost: 24_000m),
            Place("Cheshire Independent", North(0.1), places: 1, cost: 62_000m, kind: ProvisionKind.IndependentSpecial, area: CheshireEastArea),
            Place("Stockport College", North(0.05), places: 1, cost: 45_000m, kind: ProvisionKind.SpecialPost16, ageFrom: 16, ageTo: 25),
        };

        var plan = PlacementPlanner.Plan([StockportCouncil], [Children(3, age: 17)], places, Options());

        var line = plan.For(Stockport);
        Assert.Equal((3, 1, 2), (line.Placed, line.OutOfBorough, line.Independent));
        Assert.Equal((33.3m, 66.7m), (line.OutOfBoroughPercent, line.IndependentPercent));
        Assert.Equal(131_000m, line.PlaceCost);
    }

    [Fact]
    public void Mean_and_95th_percentile_travel_count_every_child_in_a_group()
    {
        // One school with room for all; 20 children: 10 live 0.01° south (1.112 km), 9 live 0.1°
        // south (11.120 km) and 1 lives 0.2° south (22.239 km).
        // Mean = (10 × 1.112 + 9 × 11.120 + 22.239) / 20 = 133.434 / 20 = 6.672 km.
        // 95th percentile, nearest rank: the ⌈0.95 × 20⌉ = 19th shortest journey, which is one of the
        // nine at 11.120 km (the 11th to 19th), not the single longest.
        // Travel at £350/km: 350 × 133.4341 km = £46,701.93 (to the penny).
        var school = Place("Central School", Home, places: 50, cost: 20_000m);
        GeoPoint South(double degrees) => new(Home.Latitude - degrees, Home.Longitude);
        var demand = new[] { Children(10, home: South(0.01)), Children(9, home: South(0.1)), Children(1, home: South(0.2)) };
        var (near, middle, far) = (South(0.01).KmTo(Home), South(0.1).KmTo(Home), South(0.2).KmTo(Home));
        var totalKm = (10 * near) + (9 * middle) + far;

        var plan = PlacementPlanner.Plan([StockportCouncil], demand, [school], Options(travelCostPerKm: 350m));

        var line = plan.For(Stockport);
        Assert.Equal(totalKm / 20, line.MeanTravelKm!.Value, 9);
        Assert.Equal(middle, line.P95TravelKm!.Value, 9);
        Assert.Equal(6.672, line.MeanTravelKm.Value, 3);
        Assert.Equal(46_701.93m, line.TravelCost);
        Assert.Equal(line, plan.Combined with { AuthorityId = Stockport, Name = "Stockport" });
    }

    [Fact]
    public void Identical_demand_entries_are_merged_and_plan_the_same_as_one_entry()
    {
        // Entries 0 and 2 are alike (same council, need, age and home): 3 + 2 = 5 children, as one
        // group; entry 1 is a different need. Four places: the group takes them all, and its 5th child
        // is unplaced; split back, entry 0 has its 3 places and entry 2 one place and one unplaced.
        var school = Place("Valley School", Home, places: 4, cost: 20_000m);
        var semh = Place("SEMH Base", Home, places: 1, cost: 18_000m, needs: [NeedType.Semh]);
        var split = new[] { Children(3), Children(1, NeedType.Semh), Children(2) };
        var merged = new[] { Children(5), Children(1, NeedType.Semh) };

        var apart = PlacementPlanner.Plan([StockportCouncil], split, [school, semh], Options());
        var together = PlacementPlanner.Plan([StockportCouncil], merged, [school, semh], Options());

        Assert.Equal((2, 2), (apart.Groups, together.Groups));
        Assert.Equal(together.For(Stockport), apart.For(Stockport));
        Assert.Equal(together.Objective, apart.Objective);
        Assert.Equal(
            [(0, school.ProvisionId, 3), (1, semh.ProvisionId, 1), (2, school.ProvisionId, 1), (2, null, 1)],
            apart.Assignments.Select(a => (a.DemandIndex, a.ProvisionId, a.Count)));
    }

    [Fact]
    public void Children_whose_ages_every_provision_treats_alike_share_a_group_but_keep_their_own_assignments()
    {
        // Both schools take ages 4 to 19, so an 8-year-old and a 9-year-old at the same home with the
        // same need are one group of 2; a 3-year-old (no school takes them) is a group of their own.
        // The near school has one place: the first entry (the 8-year-old) takes it, the 9-year-old
        // goes to the far school, and the 3-year-old is unplaced.
        var near = Place("Near School", North(0.05), places: 1, cost: 20_000m);
        var far = Place("Far School", North(0.1), places: 1, cost: 20_000m);
        var demand = new[] { Children(1, age: 8), Children(1, age: 9), Children(1, age: 3) };

        var plan = PlacementPlanner.Plan([StockportCouncil], demand, [near, far], Options(travelCostPerKm: 100m));

        Assert.Equal(2, plan.Groups);
        Assert.Equal([(0, near.ProvisionId), (1, far.ProvisionId), (2, null)], plan.Assignments.Select(a => (a.DemandIndex, a.ProvisionId)));
    }

    [Fact]
    public void Children_with_exactly_the_same_provisions_in_reach_share_a_group()
    {
        // A 7-year-old and a 14-year-old at the same home: the pupil referral unit (11 to 16) would
        // tell them apart, but it is 33 km away, beyond reach; the one school in reach takes both. So
        // they are one group of 2 with one arc, and each entry still has its own assignment.
        var school = Place("All-age School", North(0.1), places: 5, cost: 24_000m);
        var pru = Place("Distant PRU", North(0.3), places: 5, cost: 20_000m, kind: ProvisionKind.AlternativeProvision, ageFrom: 11, ageTo: 16);
        var demand = new[] { Children(1, age: 7), Children(1, age: 14) };

        var plan = PlacementPlanner.Plan([StockportCouncil], demand, [school, pru], Options());

        Assert.Equal((1, 1), (plan.Groups, plan.Arcs));
        Assert.Equal([(0, school.ProvisionId, 1), (1, school.ProvisionId, 1)], plan.Assignments.Select(a => (a.DemandIndex, a.ProvisionId, a.Count)));
    }

    [Fact]
    public void Merging_children_with_the_same_choices_never_changes_the_optimum()
    {
        // The same 60 entries (5 homes, 2 needs, ages 3 to 20) planned twice when sharing: once all
        // Stockport's, so that alike entries merge; once each entry its own council's, so that none
        // can (groups of different councils never merge). Every place is open to every child either
        // way, so the optimum must be the same.
        var random = new Random(3);
        var homes = Enumerable.Range(0, 5).Select(_ => new GeoPoint(Home.Latitude + (random.NextDouble() * 0.2), Home.Longitude + (random.NextDouble() * 0.3))).ToArray();
        var places = Enumerable.Range(0, 6).Select(i => Place($"School {i}", North(random.NextDouble() * 0.2), places: random.Next(3, 12), cost: random.Next(18, 40) * 1_000m,
            ageFrom: random.Next(2) == 0 ? 4 : 11, ageTo: random.Next(2) == 0 ? 16 : 19, needs: i % 3 == 0 ? [NeedType.Asd, NeedType.Semh] : [NeedType.Asd])).ToArray();
        var entries = Enumerable.Range(0, 60).Select(_ => (Need: random.Next(2) == 0 ? NeedType.Asd : NeedType.Semh, Age: random.Next(3, 21), Home: homes[random.Next(5)], Count: random.Next(1, 3))).ToArray();
        var together = entries.Select(e => new PlanDemand(Stockport, e.Need, e.Age, e.Home, e.Count)).ToArray();
        var apartCouncils = entries.Select((_, i) => new PlanCouncil(new Guid(i + 1, 0, 0, new byte[8]), $"Council {i + 1}", StockportArea)).ToArray();
        var apart = entries.Select((e, i) => new PlanDemand(apartCouncils[i].AuthorityId, e.Need, e.Age, e.Home, e.Count)).ToArray();
        var shared = places.Select(p => p with { RegisterAuthorityId = apartCouncils[0].AuthorityId }).ToArray();

        var merged = PlacementPlanner.Plan([StockportCouncil, .. apartCouncils], together, shared, Options(PlanMode.Sharing, 350m));
        var separate = PlacementPlanner.Plan([StockportCouncil, .. apartCouncils], apart, shared, Options(PlanMode.Sharing, 350m));

        Assert.True(merged.Groups < separate.Groups, $"{merged.Groups} groups merged against {separate.Groups} apart");
        Assert.Equal(separate.Objective, merged.Objective);
        Assert.Equal(separate.Combined.Placed, merged.Combined.Placed);
    }

    [Fact]
    public void The_same_inputs_always_give_the_same_plan()
    {
        var (councils, demand, places) = RandomPartnership(new Random(7));

        var first = PlacementPlanner.Plan(councils, demand, places, Options(PlanMode.Sharing, 350m));
        var second = PlacementPlanner.Plan(councils, demand, places, Options(PlanMode.Sharing, 350m));

        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(first.Councils, second.Councils);
    }

    [Fact]
    public void Every_child_of_every_demand_entry_is_assigned_once()
    {
        var (councils, demand, places) = RandomPartnership(new Random(11));

        var plan = PlacementPlanner.Plan(councils, demand, places, Options(PlanMode.Sharing, 350m));

        var assigned = plan.Assignments.GroupBy(a => a.DemandIndex).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
        Assert.All(Enumerable.Range(0, demand.Length), i => Assert.Equal(demand[i].Count, assigned[i]));
        Assert.Equal(demand.Sum(d => d.Count), plan.Combined.Children);
        Assert.All(plan.Provisions, p => Assert.InRange(p.Used, 0, p.Places));
    }

    [Fact]
    public void Sharing_never_costs_the_partnership_more_than_each_council_alone_in_random_partnerships()
    {
        // Sharing only adds arcs to the flow, so its optimum (placed children's costs plus the
        // unplaced cost for each child left unplaced) can never be higher. Checked on 25 seeded
        // random partnerships of three councils.
        var random = new Random(20260101);
        var savings = new List<long>();
        for (var run = 0; run < 25; run++)
        {
            var (councils, demand, places) = RandomPartnership(random);
            var comparison = PlacementPlanner.Compare(councils, demand, places, Options(travelCostPerKm: 350m));
            savings.Add(comparison.ObjectiveSaved);
            Assert.Equal(comparison.Alone.Objective - comparison.Sharing.Objective, comparison.ObjectiveSaved);
        }

        Assert.All(savings, saved => Assert.True(saved >= 0, $"Sharing cost £{-saved} more than planning alone"));
        Assert.Contains(savings, saved => saved > 0);
    }

    [Fact]
    public void Every_provision_within_the_furthest_travel_is_weighed_wherever_the_grid_cells_fall()
    {
        // 300 provisions and 40 homes scattered over about 110 km by 110 km; each home's arcs must
        // be exactly the provisions a brute-force check finds within 25 km of it.
        var random = new Random(5);
        GeoPoint Anywhere() => new(Home.Latitude + ((random.NextDouble() - 0.5) * 1.0), Home.Longitude + ((random.NextDouble() - 0.5) * 1.6));
        var places = Enumerable.Range(0, 300).Select(i => Place($"School {i}", Anywhere(), places: 1, cost: 20_000m, ageFrom: 0, ageTo: 25)).ToArray();
        var demand = Enumerable.Range(0, 40).Select(_ => Children(1, home: Anywhere())).ToArray();
        var expected = demand.Sum(d => places.Count(p => d.Home.KmTo(p.Location) <= 25));

        var plan = PlacementPlanner.Plan([StockportCouncil], demand, places, Options(maxTravelKm: 25));

        Assert.Equal(expected, plan.Arcs);
    }

    [Fact]
    public void A_plan_with_no_children_places_nobody_and_costs_nothing()
    {
        var school = Place("Valley School", Home, places: 2, cost: 20_000m);

        var plan = PlacementPlanner.Plan(Both, [], [school], Options(PlanMode.Sharing));

        Assert.Equal((0, 0, 0m, 0L), (plan.Combined.Children, plan.Groups, plan.Combined.TotalCost, plan.Objective));
        Assert.Null(plan.Combined.MeanTravelKm);
        Assert.Equal(0, plan.Use(school.ProvisionId).Used);
    }

    [Fact]
    public void Demand_from_a_council_not_in_the_plan_is_refused()
    {
        var stranger = Children(1, council: Guid.NewGuid());

        var refused = Assert.Throws<ArgumentException>(() => PlacementPlanner.Plan([StockportCouncil], [stranger], [], Options()));

        Assert.StartsWith("Demand entry 0 belongs to a council that is not in the plan", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Three councils around Home with 40 random demand entries and 12 random provisions, needs and ages from small sets.</summary>
    private static (PlanCouncil[] Councils, PlanDemand[] Demand, PlanPlace[] Places) RandomPartnership(Random random)
    {
        var councils = new[] { StockportCouncil, TamesideCouncil, new PlanCouncil(new Guid("00000000-0000-0000-0000-000000000358"), "Trafford", "E08000009") };
        NeedType[] needs = [NeedType.Asd, NeedType.Semh, NeedType.Sld];
        GeoPoint Near() => new(Home.Latitude + ((random.NextDouble() - 0.5) * 0.4), Home.Longitude + ((random.NextDouble() - 0.5) * 0.6));
        var demand = Enumerable.Range(0, 40)
            .Select(_ => new PlanDemand(councils[random.Next(3)].AuthorityId, needs[random.Next(3)], random.Next(4, 18), Near(), random.Next(1, 4)))
            .ToArray();
        var places = Enumerable.Range(0, 12)
            .Select(i =>
            {
                var council = councils[random.Next(3)];
                var kind = random.Next(4) == 0 ? ProvisionKind.IndependentSpecial : ProvisionKind.SpecialSchool;
                var designated = needs.Where(_ => random.Next(2) == 0).DefaultIfEmpty(needs[random.Next(3)]).ToHashSet();
                var ageFrom = random.Next(2) == 0 ? 4 : 11;
                return new PlanPlace(Guid.NewGuid(), $"School {i + 1}", council.AuthorityId, kind, council.AreaCode, Near(), ageFrom, ageFrom + 8, designated,
                    random.Next(2, 10), kind == ProvisionKind.IndependentSpecial ? 62_000m : random.Next(18, 30) * 1_000m);
            })
            .ToArray();
        return (councils, demand, places);
    }
}
