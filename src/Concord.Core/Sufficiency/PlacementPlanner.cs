using System.Diagnostics;
using Google.OrTools.Graph;

namespace Concord.Core.Sufficiency;

/// <summary>
/// Places each child who needs a specialist place in a provision, as a min-cost flow (Google
/// OR-Tools): children flow from their group (council, need, age, home) to any provision within
/// reach that serves their need and age and has room, at the cost of the place plus the weighted
/// travel, or to "unplaced" at a cost far above any placement. Alone, a council's children reach
/// only its own register; sharing, they reach every partner's register.
/// </summary>
public static class PlacementPlanner
{
    /// <summary>The default cost of leaving a child unplaced is at least this, in pounds.</summary>
    public const decimal MinimumUnplacedCost = 1_000_000m;

    /// <summary>Size of the cells of the spatial index over provisions, in degrees of latitude and longitude.</summary>
    public const double GridCellDegrees = 0.25;

    /// <summary>Homes whose arcs one worker finds at a time.</summary>
    private const int HomesPerRun = 1024;

    /// <summary>The radius <see cref="GeoPoint.KmTo"/> measures with.</summary>
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Each council alone, then sharing, on the same children and provisions, and what sharing changes.</summary>
    public static PlacementComparison Compare(IReadOnlyList<PlanCouncil> councils, IReadOnlyList<PlanDemand> demand, IReadOnlyList<PlanPlace> places, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var alone = Plan(councils, demand, places, options with { Mode = PlanMode.Alone });
        var sharing = Plan(councils, demand, places, options with { Mode = PlanMode.Sharing });
        var unplacedCost = alone.UnplacedCost;

        PlacementDifference Difference(CouncilPlacement a, CouncilPlacement s)
        {
            var costSaved = a.TotalCost - s.TotalCost;
            return new PlacementDifference(a.AuthorityId, a.Name, costSaved, costSaved + ((a.Unplaced - s.Unplaced) * unplacedCost),
                s.Unplaced - a.Unplaced, s.OutOfBorough - a.OutOfBorough, s.Independent - a.Independent);
        }

        var differences = new PlacementDifference[alone.Councils.Count];
        for (var i = 0; i < differences.Length; i++)
        {
            differences[i] = Difference(alone.Councils[i], sharing.Councils[i]);
        }

        return new PlacementComparison(alone, sharing, differences, Difference(alone.Combined, sharing.Combined), alone.Objective - sharing.Objective);
    }

    /// <summary>
    /// The cheapest plan for <paramref name="demand"/> in <paramref name="places"/>. Entries of the
    /// same council, need and home are one group of the flow when they have the same choices:
    /// identical entries, ages every provision treats alike, or exactly the same provisions within
    /// reach; a group with no provision within reach is unplaced without a node. None of this changes
    /// the optimum, and <see cref="PlacementResult.Assignments"/> still says where each entry's
    /// children go. Result lines follow the order the councils and provisions were given; nodes and
    /// arcs are numbered from the inputs alone, so the same inputs always give the same plan.
    /// </summary>
    /// <exception cref="ArgumentException">A demand entry names a council not in the plan, a count or cost is negative, or an option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The solver did not find the optimum (it always should: every child may go unplaced).</exception>
    public static PlacementResult Plan(IReadOnlyList<PlanCouncil> councils, IReadOnlyList<PlanDemand> demand, IReadOnlyList<PlanPlace> places, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(councils);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions(options);

        var build = Stopwatch.StartNew();
        var councilIndex = new Dictionary<Guid, int>(councils.Count);
        for (var c = 0; c < councils.Count; c++)
        {
            if (!councilIndex.TryAdd(councils[c].AuthorityId, c))
            {
                throw new ArgumentException($"The council {councils[c].Name} is in the plan twice.", nameof(councils));
            }
        }

        var provisions = Provisions.From(places, councilIndex);
        var groups = Groups.From(demand, councilIndex, provisions.AgeBoundaries());
        var unplacedCost = UnplacedCostFor(places, options);
        var unplacedArcCost = (long)unplacedCost;
        var groupCount = groups.Size;
        var placeCount = provisions.Count;

        // The arcs from each group to the provisions it may use, group by group in node order and
        // each group's provisions in node order: arc a goes to provision arcPlace[a], and group g's
        // arcs are arcStart[g] .. arcStart[g + 1] - 1. Runs of homes are worked on in parallel, each
        // into its own arrays, then joined in order: the same arcs whatever the number of cores.
        var arcStart = new int[groupCount + 1];
        var grid = new PlaceGrid(provisions);
        var runs = Math.Max(1, (groups.HomeCount + HomesPerRun - 1) / HomesPerRun);
        var built = new ArcRun[runs];
        if (runs <= 1)
        {
            built[0] = ArcRun.Build(0, groups.HomeCount, groups, provisions, grid, options, arcStart);
        }
        else
        {
            Parallel.For(0, runs, r =>
                built[r] = ArcRun.Build(r * HomesPerRun, Math.Min(groups.HomeCount, (r + 1) * HomesPerRun), groups, provisions, grid, options, arcStart));
        }

        var placeArcs = 0;
        foreach (var run in built)
        {
            for (var g = run.FirstGroup; g < run.EndGroup; g++)
            {
                arcStart[g] += placeArcs;
            }

            placeArcs += run.Count;
        }

        arcStart[groupCount] = placeArcs;
        var arcPlace = new int[placeArcs];
        var offset = 0;
        foreach (var run in built)
        {
            run.Places.CopyTo(arcPlace.AsSpan(offset));
            offset += run.Count;
        }

        // Nodes: the groups that can reach a provision (a group that can reach none is unplaced
        // without asking the solver), then the provisions, then "unplaced", then the sink.
        var flowNode = new int[groupCount];
        var flowGroups = 0;
        for (var g = 0; g < groupCount; g++)
        {
            flowNode[g] = arcStart[g + 1] > arcStart[g] ? flowGroups++ : -1;
        }

        var unplacedNode = flowGroups + placeCount;
        var sinkNode = unplacedNode + 1;
        using var flow = new MinCostFlow(sinkNode + 1, placeArcs + flowGroups + placeCount + 1);
        foreach (var run in built)
        {
            for (var g = run.FirstGroup; g < run.EndGroup; g++)
            {
                for (var a = arcStart[g]; a < arcStart[g + 1]; a++)
                {
                    flow.AddArcWithCapacityAndUnitCost(flowNode[g], flowGroups + arcPlace[a], groups.Children[g], run.Cost(a - arcStart[run.FirstGroup]));
                }
            }
        }

        long total = 0;
        for (var g = 0; g < groupCount; g++)
        {
            if (flowNode[g] >= 0)
            {
                flow.AddArcWithCapacityAndUnitCost(flowNode[g], unplacedNode, groups.Children[g], unplacedArcCost);
                flow.SetNodeSupply(flowNode[g], groups.Children[g]);
                total += groups.Children[g];
            }
        }

        for (var p = 0; p < placeCount; p++)
        {
            flow.AddArcWithCapacityAndUnitCost(flowGroups + p, sinkNode, provisions.Places[p], 0);
        }

        flow.AddArcWithCapacityAndUnitCost(unplacedNode, sinkNode, total, 0);
        flow.SetNodeSupply(sinkNode, -total);
        build.Stop();

        var solve = Stopwatch.StartNew();
        var status = total == 0 ? MinCostFlowBase.Status.OPTIMAL : flow.Solve();
        solve.Stop();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The placement plan could not be solved: the solver stopped with {status}.");
        }

        var read = Stopwatch.StartNew();
        var placedFlow = new int[placeArcs];
        for (var a = 0; a < placeArcs; a++)
        {
            placedFlow[a] = (int)flow.Flow(a);
        }

        // A group the solver never saw leaves all its children unplaced.
        var unplacedFlow = new int[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            unplacedFlow[g] = flowNode[g] >= 0 ? (int)flow.Flow(placeArcs + flowNode[g]) : groups.Children[g];
        }

        var objective = (total == 0 ? 0 : flow.OptimalCost()) + ((groups.Total - total) * unplacedArcCost);
        var reader = new Summary(councils, demand, places, provisions, groups, options);
        var assignments = reader.Read(placedFlow, unplacedFlow, arcPlace, arcStart);
        var councilLines = reader.CouncilLines(out var combined);
        var uses = reader.ProvisionUses();
        var recharges = reader.Recharges();
        read.Stop();

        return new PlacementResult(options.Mode, "Optimal", objective, unplacedCost, councilLines, combined, uses, recharges, assignments,
            groups.Live(), placeArcs, build.Elapsed, solve.Elapsed, read.Elapsed);
    }

    /// <summary>
    /// The cost of leaving a child unplaced: the options' own, or ten times the dearest possible
    /// placement (the dearest place plus the longest journey), at least <see cref="MinimumUnplacedCost"/>;
    /// in whole pounds, as the solver weighs it.
    /// </summary>
    public static decimal UnplacedCostFor(IReadOnlyList<PlanPlace> places, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(options);
        if (options.UnplacedCost is { } own)
        {
            return Math.Round(own, MidpointRounding.AwayFromZero);
        }

        var dearest = 0m;
        foreach (var place in places)
        {
            if (place.Places > 0 && place.CostPerPlace > dearest)
            {
                dearest = place.CostPerPlace;
            }
        }

        var dearestPlacement = dearest + (options.TravelCostPerKm * (decimal)options.MaxTravelKm);
        return Math.Round(Math.Max(MinimumUnplacedCost, 10 * dearestPlacement), MidpointRounding.AwayFromZero);
    }

    private static void CheckOptions(PlanOptions options)
    {
        if (!Enum.IsDefined(options.Mode))
        {
            throw new ArgumentException("Choose whether the councils plan alone or share places.", nameof(options));
        }

        if (!double.IsFinite(options.MaxTravelKm) || options.MaxTravelKm <= 0 || options.MaxTravelKm > 1000)
        {
            throw new ArgumentException("The furthest travel must be more than 0 and no more than 1,000 km.", nameof(options));
        }

        if (options.TravelCostPerKm is < 0 or > 1_000_000)
        {
            throw new ArgumentException("The cost of a kilometre of travel must be from £0 to £1,000,000.", nameof(options));
        }

        if (options.UnplacedCost is < 0 or > 1_000_000_000)
        {
            throw new ArgumentException("The cost of leaving a child unplaced must be from £0 to £1,000,000,000.", nameof(options));
        }
    }

    /// <summary>
    /// The provisions with places, as flat arrays in grid order: node p of the flow is provision
    /// Index[p] of the caller's list.
    /// </summary>
    private sealed class Provisions
    {
        public required int[] Index { get; init; }

        public required double[] Latitude { get; init; }

        public required double[] Longitude { get; init; }

        public required int[] NeedMask { get; init; }

        public required int[] AgeFrom { get; init; }

        public required int[] AgeTo { get; init; }

        public required int[] RegisterCouncil { get; init; }

        public required double[] CostPerPlace { get; init; }

        public required int[] Places { get; init; }

        public int Count => Index.Length;

        /// <summary>
        /// The ages where some provision's range starts or ends (its first age and the age after its
        /// last), in order: two ages with none of these between them are taken by the same provisions.
        /// </summary>
        public int[] AgeBoundaries()
        {
            var boundaries = new SortedSet<int>();
            for (var p = 0; p < Count; p++)
            {
                boundaries.Add(AgeFrom[p]);
                boundaries.Add(AgeTo[p] + 1);
            }

            return [.. boundaries];
        }

        public static Provisions From(IReadOnlyList<PlanPlace> places, Dictionary<Guid, int> councilIndex)
        {
            var used = new List<int>(places.Count);
            for (var i = 0; i < places.Count; i++)
            {
                var place = places[i] ?? throw new ArgumentException($"Provision {i + 1} is missing.", nameof(places));
                if (place.CostPerPlace < 0)
                {
                    throw new ArgumentException($"{place.Name}: the cost of a place cannot be negative.", nameof(places));
                }

                if (place.Places > 0)
                {
                    used.Add(i);
                }
            }

            // Node order: by grid cell (south to north, then west to east), then as given, so that
            // each cell's provisions are a run of nodes and a scan of cells meets them in order.
            var cellOf = used.ToDictionary(i => i, i => (Lat: PlaceGrid.Cell(places[i].Location.Latitude), Lon: PlaceGrid.Cell(places[i].Location.Longitude)));
            used.Sort((a, b) => cellOf[a].Lat != cellOf[b].Lat ? cellOf[a].Lat.CompareTo(cellOf[b].Lat)
                : cellOf[a].Lon != cellOf[b].Lon ? cellOf[a].Lon.CompareTo(cellOf[b].Lon) : a.CompareTo(b));
            var n = used.Count;
            var result = new Provisions
            {
                Index = [.. used],
                Latitude = new double[n],
                Longitude = new double[n],
                NeedMask = new int[n],
                AgeFrom = new int[n],
                AgeTo = new int[n],
                RegisterCouncil = new int[n],
                CostPerPlace = new double[n],
                Places = new int[n],
            };
            for (var p = 0; p < n; p++)
            {
                var place = places[used[p]];
                result.Latitude[p] = place.Location.Latitude;
                result.Longitude[p] = place.Location.Longitude;
                var mask = 0;
                foreach (var need in place.Needs)
                {
                    mask |= 1 << (int)need;
                }

                result.NeedMask[p] = mask;
                result.AgeFrom[p] = place.AgeFrom;
                result.AgeTo[p] = place.AgeTo;
                result.RegisterCouncil[p] = councilIndex.TryGetValue(place.RegisterAuthorityId, out var c) ? c : -1;
                result.CostPerPlace[p] = (double)place.CostPerPlace;
                result.Places[p] = place.Places;
            }

            return result;
        }
    }

    /// <summary>
    /// Demand merged into groups, numbered in node order: entries of the same council, need and home
    /// whose ages every provision treats alike (identical entries among them) are one group, with
    /// the age of its first entry. Nodes are numbered
    /// by home in the order homes first appear, then by first appearance. Each group's entries in
    /// the caller's list are linked: FirstEntry[g], then NextEntry[entry] until -1.
    /// </summary>
    private sealed class Groups
    {
        public required GeoPoint[] Homes { get; init; }

        public required int[] HomeFirstNode { get; init; }

        public required int[] Council { get; init; }

        public required NeedType[] Need { get; init; }

        public required int[] Age { get; init; }

        public required int[] Home { get; init; }

        public required int[] Children { get; init; }

        public required int[] FirstEntry { get; init; }

        public required int[] NextEntry { get; init; }

        public required int[] LastEntry { get; init; }

        public int HomeCount => Homes.Length;

        public int Size => Council.Length;

        public long Total { get; private set; }

        /// <summary>Groups with children: those not absorbed into another.</summary>
        public int Live()
        {
            var live = 0;
            foreach (var children in Children)
            {
                live += children > 0 ? 1 : 0;
            }

            return live;
        }

        /// <summary>Group <paramref name="from"/>'s children join group <paramref name="into"/>, its entries after theirs.</summary>
        public void Absorb(int into, int from)
        {
            Children[into] += Children[from];
            Children[from] = 0;
            NextEntry[LastEntry[into]] = FirstEntry[from];
            LastEntry[into] = LastEntry[from];
            FirstEntry[from] = -1;
        }

        public static Groups From(IReadOnlyList<PlanDemand> demand, Dictionary<Guid, int> councilIndex, int[] ageBoundaries)
        {
            var homeIndex = new Dictionary<GeoPoint, int>();
            var homes = new List<GeoPoint>();
            var groupIndex = new Dictionary<(int Council, NeedType Need, int AgeClass, int Home), int>();
            var keys = new List<(int Council, NeedType Need, int AgeClass, int Home)>();
            var counts = new List<long>();
            var ages = new List<int>();
            var first = new List<int>();
            var last = new List<int>();
            var next = new int[demand.Count];
            for (var i = 0; i < demand.Count; i++)
            {
                next[i] = -1;
                var entry = demand[i] ?? throw new ArgumentException($"Demand entry {i} is missing.", nameof(demand));
                if (!councilIndex.TryGetValue(entry.AuthorityId, out var council))
                {
                    throw new ArgumentException($"Demand entry {i} belongs to a council that is not in the plan.", nameof(demand));
                }

                if (entry.Count < 0)
                {
                    throw new ArgumentException($"Demand entry {i} has a negative count of children ({entry.Count}).", nameof(demand));
                }

                if (entry.Count == 0)
                {
                    continue;
                }

                if (!homeIndex.TryGetValue(entry.Home, out var home))
                {
                    home = homes.Count;
                    homeIndex.Add(entry.Home, home);
                    homes.Add(entry.Home);
                }

                // The age's class: how many boundaries are at or below it.
                var at = Array.BinarySearch(ageBoundaries, entry.Age);
                var ageClass = at >= 0 ? at + 1 : ~at;
                var key = (council, entry.Need, ageClass, home);
                if (groupIndex.TryGetValue(key, out var g))
                {
                    counts[g] += entry.Count;
                    next[last[g]] = i;
                    last[g] = i;
                }
                else
                {
                    groupIndex.Add(key, keys.Count);
                    keys.Add(key);
                    ages.Add(entry.Age);
                    counts.Add(entry.Count);
                    first.Add(i);
                    last.Add(i);
                }
            }

            // Node order: by home, homes along a Z-order curve (so that neighbours on the map are
            // neighbours in the solver's arrays), then by first appearance.
            var homeRank = MapOrder(homes);
            var n = keys.Count;
            for (var g = 0; g < n; g++)
            {
                keys[g] = keys[g] with { Home = homeRank[keys[g].Home] };
            }

            var orderedHomes = new GeoPoint[homes.Count];
            for (var h = 0; h < homes.Count; h++)
            {
                orderedHomes[homeRank[h]] = homes[h];
            }

            var homeFirst = new int[homes.Count + 1];
            foreach (var key in keys)
            {
                homeFirst[key.Home + 1]++;
            }

            for (var h = 0; h < homes.Count; h++)
            {
                homeFirst[h + 1] += homeFirst[h];
            }

            var fill = homeFirst[..^1];
            var order = new int[n];
            for (var g = 0; g < n; g++)
            {
                order[fill[keys[g].Home]++] = g;
            }

            var result = new Groups
            {
                Homes = orderedHomes,
                HomeFirstNode = homeFirst,
                Council = new int[n],
                Need = new NeedType[n],
                Age = new int[n],
                Home = new int[n],
                Children = new int[n],
                FirstEntry = new int[n],
                NextEntry = next,
                LastEntry = new int[n],
            };
            long total = 0;
            for (var node = 0; node < n; node++)
            {
                var g = order[node];
                var key = keys[g];
                if (counts[g] > int.MaxValue)
                {
                    throw new ArgumentException("Too many children are alike in one group.", nameof(demand));
                }

                (result.Council[node], result.Need[node], _, result.Home[node]) = key;
                result.Age[node] = ages[g];
                result.Children[node] = (int)counts[g];
                result.FirstEntry[node] = first[g];
                result.LastEntry[node] = last[g];
                total += counts[g];
            }

            result.Total = total <= int.MaxValue ? total : throw new ArgumentException("Too many children for one plan.", nameof(demand));
            return result;
        }
    }

    /// <summary>
    /// Each point's rank along a Z-order (Morton) curve over a grid of 1/64° cells, ties in the
    /// order given: points near each other on the map mostly get ranks near each other.
    /// </summary>
    private static int[] MapOrder(List<GeoPoint> points)
    {
        static ulong Spread(uint x)
        {
            ulong v = x;
            v = (v | (v << 16)) & 0x0000FFFF0000FFFFUL;
            v = (v | (v << 8)) & 0x00FF00FF00FF00FFUL;
            v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FUL;
            v = (v | (v << 2)) & 0x3333333333333333UL;
            return (v | (v << 1)) & 0x5555555555555555UL;
        }

        var keys = new ulong[points.Count];
        var order = new int[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var lat = (uint)Math.Clamp((points[i].Latitude + 90) * 64, 0, 65535);
            var lon = (uint)Math.Clamp((points[i].Longitude + 180) * 64, 0, 65535);
            keys[i] = (Spread(lat) << 1) | Spread(lon);
            order[i] = i;
        }

        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var rank = new int[points.Count];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        return rank;
    }

    /// <summary>The arcs of the groups of a run of homes, with their costs.</summary>
    private sealed class ArcRun
    {
        private readonly Growing<int> _places;
        private readonly Growing<long> _costs;

        private ArcRun(int firstGroup, int endGroup, int capacity)
        {
            (FirstGroup, EndGroup) = (firstGroup, endGroup);
            (_places, _costs) = (new Growing<int>(capacity), new Growing<long>(capacity));
        }

        public int FirstGroup { get; }

        public int EndGroup { get; }

        public int Count => _places.Count;

        public ReadOnlySpan<int> Places => _places.Span(0, _places.Count);

        public long Cost(int i) => _costs[i];

        /// <summary>
        /// Finds the arcs of the groups of homes <paramref name="fromHome"/> to <paramref name="toHome"/>
        /// (excluded), setting each group's start in <paramref name="arcStart"/> from this run's first arc.
        /// </summary>
        public static ArcRun Build(int fromHome, int toHome, Groups groups, Provisions provisions, PlaceGrid grid, PlanOptions options, int[] arcStart)
        {
            var (firstGroup, endGroup) = (groups.HomeFirstNode[fromHome], groups.HomeFirstNode[toHome]);
            var run = new ArcRun(firstGroup, endGroup, Math.Max(16, (endGroup - firstGroup) * 32));
            var (places, costs) = (run._places, run._costs);
            var reach = new Reach();
            var sharing = options.Mode == PlanMode.Sharing;
            var travelPerKm = (double)options.TravelCostPerKm;
            var (needMask, ageFrom, ageTo, costPerPlace) = (provisions.NeedMask, provisions.AgeFrom, provisions.AgeTo, provisions.CostPerPlace);
            var atHome = new List<int>(16);
            for (var h = fromHome; h < toHome; h++)
            {
                // The provisions within reach whose register the home's children may use: any member's
                // when sharing, else their own council's (found again if the next group is another's).
                var reachFor = -2;
                atHome.Clear();
                for (var g = groups.HomeFirstNode[h]; g < groups.HomeFirstNode[h + 1]; g++)
                {
                    var registers = sharing ? PlaceGrid.AnyMember : groups.Council[g];
                    if (registers != reachFor)
                    {
                        grid.Within(groups.Homes[h], options.MaxTravelKm, registers, reach);
                        reachFor = registers;
                    }

                    var start = places.Count;
                    arcStart[g] = start;
                    var needBit = 1 << (int)groups.Need[g];
                    var age = groups.Age[g];
                    for (var i = 0; i < reach.Count; i++)
                    {
                        var p = reach.Place[i];
                        if ((needMask[p] & needBit) == 0 || age < ageFrom[p] || age > ageTo[p])
                        {
                            continue;
                        }

                        places.Add(p);
                        costs.Add((long)Math.Round(costPerPlace[p] + (travelPerKm * reach.Km[i]), MidpointRounding.AwayFromZero));
                    }

                    // A group of the same council and home with exactly the same provisions open to it
                    // (say, children of 9 and of 13 where no provision in reach takes only one of those
                    // ages) has the same choices at the same costs: it joins that group.
                    var arcs = places.Count - start;
                    var twin = -1;
                    foreach (var f in atHome)
                    {
                        if (groups.Council[f] == groups.Council[g] && arcStart[f + 1] - arcStart[f] == arcs
                            && places.Span(arcStart[f], arcs).SequenceEqual(places.Span(start, arcs)))
                        {
                            twin = f;
                            break;
                        }
                    }

                    if (twin >= 0 && arcs > 0)
                    {
                        groups.Absorb(twin, g);
                        places.Truncate(start);
                        costs.Truncate(start);
                    }
                    else
                    {
                        atHome.Add(g);
                    }
                }
            }

            return run;
        }
    }

    /// <summary>The provisions a search found within reach of a home: nodes in order, and their distances.</summary>
    private sealed class Reach
    {
        public int[] Place { get; private set; } = new int[256];

        public double[] Km { get; private set; } = new double[256];

        public int Count { get; set; }

        public void Add(int place, double km)
        {
            if (Count == Place.Length)
            {
                Place = [.. Place, .. new int[Count]];
                Km = [.. Km, .. new double[Count]];
            }

            Place[Count] = place;
            Km[Count++] = km;
        }
    }

    /// <summary>A list of values that grows by doubling, read by index without bounds checks beyond the array's.</summary>
    private sealed class Growing<T>(int capacity)
        where T : struct
    {
        private T[] _items = new T[capacity];

        public int Count { get; private set; }

        public T this[int index] => _items[index];

        public ReadOnlySpan<T> Span(int start, int length) => _items.AsSpan(start, length);

        public void Truncate(int count) => Count = Math.Min(Count, count);

        public void Add(T item)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = item;
        }
    }

    /// <summary>
    /// Provisions bucketed in cells of latitude and longitude (runs of nodes, as the provisions are
    /// numbered in grid order), so that finding those within reach of a home looks only in the cells
    /// a circle of that radius can touch, and finds them in node order.
    /// </summary>
    private sealed class PlaceGrid
    {
        /// <summary>For <see cref="Within"/>: provisions in any member council's register.</summary>
        public const int AnyMember = -1;

        private readonly Dictionary<long, (int Start, int End)> _cells = [];
        private readonly Provisions _provisions;

        public PlaceGrid(Provisions provisions)
        {
            _provisions = provisions;
            for (var p = 0; p < provisions.Count; p++)
            {
                var key = Key(Cell(provisions.Latitude[p]), Cell(provisions.Longitude[p]));
                _cells[key] = _cells.TryGetValue(key, out var run) ? (run.Start, p + 1) : (p, p + 1);
            }
        }

        public static int Cell(double degrees) => (int)Math.Floor(degrees / GridCellDegrees);

        /// <summary>
        /// Finds the provisions within <paramref name="maxKm"/> of <paramref name="home"/> in the
        /// register of council <paramref name="registers"/> (or of any member: <see cref="AnyMember"/>),
        /// into <paramref name="reach"/>, in node order. Safe to call from several threads at once.
        /// </summary>
        public void Within(GeoPoint home, double maxKm, int registers, Reach reach)
        {
            reach.Count = 0;

            // The box around a circle of angular radius r on a sphere: latitude ± r, and longitude
            // ± asin(sin r / cos latitude) (where the circle touches its meridians), widened a hair.
            var r = maxKm / EarthRadiusKm;
            var dLat = (r * 180 / Math.PI) + 1e-9;
            var sinOverCos = Math.Sin(r) / Math.Cos(home.Latitude * Math.PI / 180);
            var dLon = sinOverCos < 1 ? (Math.Asin(sinOverCos) * 180 / Math.PI) + 1e-9 : double.PositiveInfinity;
            if (Math.Abs(home.Latitude) + dLat >= 90 || home.Longitude - dLon < -180 || home.Longitude + dLon > 180)
            {
                Consider(home, maxKm, registers, 0, _provisions.Count, double.PositiveInfinity, double.PositiveInfinity, reach);
                return;
            }

            var lastLon = Cell(home.Longitude + dLon);
            for (var latCell = Cell(home.Latitude - dLat); latCell <= Cell(home.Latitude + dLat); latCell++)
            {
                for (var lonCell = Cell(home.Longitude - dLon); lonCell <= lastLon; lonCell++)
                {
                    if (_cells.TryGetValue(Key(latCell, lonCell), out var run))
                    {
                        Consider(home, maxKm, registers, run.Start, run.End, dLat, dLon, reach);
                    }
                }
            }
        }

        private void Consider(GeoPoint home, double maxKm, int registers, int start, int end, double dLat, double dLon, Reach reach)
        {
            var latitudes = _provisions.Latitude;
            var longitudes = _provisions.Longitude;
            var councils = _provisions.RegisterCouncil;
            for (var p = start; p < end; p++)
            {
                var register = councils[p];
                if ((registers == AnyMember ? register < 0 : register != registers)
                    || Math.Abs(latitudes[p] - home.Latitude) > dLat || Math.Abs(longitudes[p] - home.Longitude) > dLon)
                {
                    continue;
                }

                var km = home.KmTo(new GeoPoint(latitudes[p], longitudes[p]));
                if (km <= maxKm)
                {
                    reach.Add(p, km);
                }
            }
        }

        private static long Key(int latCell, int lonCell) => ((long)latCell << 32) | (uint)lonCell;
    }

    /// <summary>Reads the flows into assignments and each council's, provision's and recharge's figures.</summary>
    private sealed class Summary(
        IReadOnlyList<PlanCouncil> councils, IReadOnlyList<PlanDemand> demand, IReadOnlyList<PlanPlace> places, Provisions provisions, Groups groups, PlanOptions options)
    {
        private readonly int[] _placed = new int[councils.Count];
        private readonly int[] _children = new int[councils.Count];
        private readonly int[] _outOfBorough = new int[councils.Count];
        private readonly int[] _independent = new int[councils.Count];
        private readonly decimal[] _placeCost = new decimal[councils.Count];
        private readonly decimal[] _travelCost = new decimal[councils.Count];
        private readonly List<(double Km, int Count)>[] _travel = [.. councils.Select(_ => new List<(double Km, int Count)>())];
        private readonly int[] _used = new int[provisions.Count];
        private readonly Dictionary<(int Provision, int Council), int> _byCouncil = [];
        private readonly Dictionary<(int Payer, int Provider), (int Places, decimal Amount)> _recharges = [];

        public PlacementAssignment[] Read(int[] placedFlow, int[] unplacedFlow, int[] arcPlace, int[] arcStart)
        {
            var assignments = new List<PlacementAssignment>(arcStart.Length * 2);
            var bought = new bool[provisions.Count];
            for (var p = 0; p < provisions.Count; p++)
            {
                bought[p] = places[provisions.Index[p]].Kind.IsBought();
            }

            for (var g = 0; g < groups.Size; g++)
            {
                if (groups.Children[g] == 0)
                {
                    continue; // absorbed into a group with the same choices
                }

                var council = groups.Council[g];
                var home = groups.Homes[groups.Home[g]];
                _children[council] += groups.Children[g];
                var entry = groups.FirstEntry[g];
                var entryLeft = EntryCount(entry);
                for (var a = arcStart[g]; a <= arcStart[g + 1]; a++)
                {
                    // The group's arcs to provisions, then (a == arcStart[g + 1]) its children unplaced.
                    var unplaced = a == arcStart[g + 1];
                    var count = unplaced ? unplacedFlow[g] : placedFlow[a];
                    if (count == 0)
                    {
                        continue;
                    }

                    Guid? provisionId = null;
                    var km = 0d;
                    if (!unplaced)
                    {
                        var p = arcPlace[a];
                        var place = places[provisions.Index[p]];
                        provisionId = place.ProvisionId;
                        km = home.KmTo(place.Location);
                        Placed(council, p, count, km, place, bought[p]);
                    }

                    // Share the flow out among the group's entries in the caller's order.
                    while (count > 0)
                    {
                        if (entryLeft == 0)
                        {
                            entry = groups.NextEntry[entry] is var next and >= 0 ? next : throw new InvalidOperationException("The solver sent more children than a group has.");
                            entryLeft = EntryCount(entry);
                        }

                        var take = Math.Min(count, entryLeft);
                        assignments.Add(new PlacementAssignment(entry, provisionId, take, km));
                        count -= take;
                        entryLeft -= take;
                    }
                }
            }

            return InCallerOrder(assignments);
        }

        public CouncilPlacement[] CouncilLines(out CouncilPlacement combined)
        {
            var lines = new CouncilPlacement[councils.Count];
            var all = new List<(double Km, int Count)>();
            for (var c = 0; c < councils.Count; c++)
            {
                var travelCost = Finance.Money.Pence(_travelCost[c]);
                var (mean, p95) = Travel(_travel[c]);
                lines[c] = new CouncilPlacement(councils[c].AuthorityId, councils[c].Name, _children[c], _placed[c], _children[c] - _placed[c], _outOfBorough[c],
                    _independent[c], _placeCost[c], travelCost, _placeCost[c] + travelCost, mean, p95);
                all.AddRange(_travel[c]);
            }

            var (allMean, allP95) = Travel(all);
            combined = new CouncilPlacement(Guid.Empty, PlacementResult.CombinedName, lines.Sum(l => l.Children), lines.Sum(l => l.Placed), lines.Sum(l => l.Unplaced),
                lines.Sum(l => l.OutOfBorough), lines.Sum(l => l.Independent), lines.Sum(l => l.PlaceCost), lines.Sum(l => l.TravelCost), lines.Sum(l => l.TotalCost),
                allMean, allP95);
            return lines;
        }

        public ProvisionUse[] ProvisionUses()
        {
            var nodeOf = new int[places.Count];
            Array.Fill(nodeOf, -1);
            for (var p = 0; p < provisions.Count; p++)
            {
                nodeOf[provisions.Index[p]] = p;
            }

            var uses = new ProvisionUse[places.Count];
            for (var i = 0; i < places.Count; i++)
            {
                var place = places[i];
                var p = nodeOf[i];
                var byCouncil = new Dictionary<Guid, int>();
                if (p >= 0 && _used[p] > 0)
                {
                    for (var c = 0; c < councils.Count; c++)
                    {
                        if (_byCouncil.TryGetValue((p, c), out var count))
                        {
                            byCouncil.Add(councils[c].AuthorityId, count);
                        }
                    }
                }

                uses[i] = new ProvisionUse(place.ProvisionId, place.Name, place.RegisterAuthorityId, Math.Max(0, place.Places), p >= 0 ? _used[p] : 0, byCouncil);
            }

            return uses;
        }

        public PlacementRecharge[] Recharges() =>
        [
            .. _recharges.OrderBy(r => r.Key.Payer).ThenBy(r => r.Key.Provider)
                .Select(r => new PlacementRecharge(councils[r.Key.Payer].AuthorityId, councils[r.Key.Provider].AuthorityId, r.Value.Places, r.Value.Amount)),
        ];

        private int EntryCount(int entry) => demand[entry].Count;

        private void Placed(int council, int p, int count, double km, PlanPlace place, bool bought)
        {
            var outOfArea = !string.Equals(place.AreaCode, councils[council].AreaCode, StringComparison.OrdinalIgnoreCase);
            _placed[council] += count;
            _outOfBorough[council] += outOfArea ? count : 0;
            _independent[council] += bought ? count : 0;
            _placeCost[council] += place.CostPerPlace * count;
            _travelCost[council] += options.TravelCostPerKm * (decimal)km * count;
            _travel[council].Add((km, count));
            _used[p] += count;
            _byCouncil[(p, council)] = _byCouncil.GetValueOrDefault((p, council)) + count;
            var provider = provisions.RegisterCouncil[p];
            if (provider >= 0 && provider != council && !bought)
            {
                var (placesSoFar, amount) = _recharges.GetValueOrDefault((council, provider));
                _recharges[(council, provider)] = (placesSoFar + count, amount + (place.CostPerPlace * count));
            }
        }

        private static PlacementAssignment[] InCallerOrder(List<PlacementAssignment> assignments)
        {
            // A counting sort by entry: stable, so each entry keeps its provisions in the order read.
            var max = -1;
            foreach (var a in assignments)
            {
                max = Math.Max(max, a.DemandIndex);
            }

            var start = new int[max + 2];
            foreach (var a in assignments)
            {
                start[a.DemandIndex + 1]++;
            }

            for (var i = 0; i <= max; i++)
            {
                start[i + 1] += start[i];
            }

            var sorted = new PlacementAssignment[assignments.Count];
            foreach (var a in assignments)
            {
                sorted[start[a.DemandIndex]++] = a;
            }

            return sorted;
        }

        /// <summary>Mean and 95th percentile (nearest rank: the ⌈0.95 N⌉th shortest journey) of the children's travel.</summary>
        private static (double? Mean, double? P95) Travel(List<(double Km, int Count)> journeys)
        {
            long n = 0;
            var sum = 0d;
            foreach (var (km, count) in journeys)
            {
                n += count;
                sum += km * count;
            }

            if (n == 0)
            {
                return (null, null);
            }

            var sorted = journeys.ToArray();
            Array.Sort(sorted, static (a, b) => a.Km.CompareTo(b.Km));
            var rank = ((95 * n) + 99) / 100;
            long seen = 0;
            foreach (var (km, count) in sorted)
            {
                seen += count;
                if (seen >= rank)
                {
                    return (sum / n, km);
                }
            }

            return (sum / n, sorted[^1].Km);
        }
    }
}
