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
    /// The cheapest plan for <paramref name="demand"/> in <paramref name="places"/>. Entries alike in
    /// council, need, age and home are merged into one group; each result line follows the order the
    /// councils and provisions were given, so the same inputs always give the same plan.
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
        var groups = Groups.From(demand, councilIndex);
        var unplacedCost = UnplacedCostFor(places, options);
        var unplacedArcCost = (long)unplacedCost;

        var groupCount = groups.Size;
        var placeCount = provisions.Count;
        var unplacedNode = groupCount + placeCount;
        var sinkNode = unplacedNode + 1;
        using var flow = new MinCostFlow(sinkNode + 1, 0);

        // Arcs from each group to the provisions it may use, group by group in node order, each
        // group's provisions in the order given: arcPlace[a] is the provision of arc a, and
        // arcStart[g] .. arcStart[g + 1] the arcs of group g.
        var arcPlace = new GrowingInts(Math.Max(16, groupCount * 8));
        var arcStart = new int[groupCount + 1];
        var grid = new PlaceGrid(provisions, GridCellDegrees);
        var within = new List<(int Place, double Km)>(256);
        var sharing = options.Mode == PlanMode.Sharing;
        var travelPerKm = (double)options.TravelCostPerKm;
        for (var h = 0; h < groups.HomeCount; h++)
        {
            var home = groups.Homes[h];
            grid.Within(home, options.MaxTravelKm, within);
            for (var g = groups.HomeFirstNode[h]; g < groups.HomeFirstNode[h + 1]; g++)
            {
                arcStart[g] = arcPlace.Count;
                var needBit = 1 << (int)groups.Need[g];
                var age = groups.Age[g];
                var council = groups.Council[g];
                var capacity = groups.Children[g];
                foreach (var (p, km) in within)
                {
                    if ((provisions.NeedMask[p] & needBit) == 0 || age < provisions.AgeFrom[p] || age > provisions.AgeTo[p])
                    {
                        continue;
                    }

                    var register = provisions.RegisterCouncil[p];
                    if (sharing ? register < 0 : register != council)
                    {
                        continue;
                    }

                    var cost = (long)Math.Round(provisions.CostPerPlace[p] + (travelPerKm * km), MidpointRounding.AwayFromZero);
                    flow.AddArcWithCapacityAndUnitCost(g, groupCount + p, capacity, cost);
                    arcPlace.Add(p);
                }
            }
        }

        arcStart[groupCount] = arcPlace.Count;
        var placeArcs = arcPlace.Count;
        long total = 0;
        for (var g = 0; g < groupCount; g++)
        {
            flow.AddArcWithCapacityAndUnitCost(g, unplacedNode, groups.Children[g], unplacedArcCost);
            flow.SetNodeSupply(g, groups.Children[g]);
            total += groups.Children[g];
        }

        for (var p = 0; p < placeCount; p++)
        {
            flow.AddArcWithCapacityAndUnitCost(groupCount + p, sinkNode, provisions.Places[p], 0);
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
        var flows = new long[placeArcs + groupCount];
        for (var a = 0; a < flows.Length; a++)
        {
            flows[a] = flow.Flow(a);
        }

        var objective = total == 0 ? 0 : flow.OptimalCost();
        var reader = new Summary(councils, demand, places, provisions, groups, options);
        var assignments = reader.Read(flows, arcPlace, arcStart, placeArcs);
        var councilLines = reader.CouncilLines(out var combined);
        var uses = reader.ProvisionUses();
        var recharges = reader.Recharges();
        read.Stop();

        return new PlacementResult(options.Mode, "Optimal", objective, unplacedCost, councilLines, combined, uses, recharges, assignments,
            groupCount, placeArcs, build.Elapsed, solve.Elapsed, read.Elapsed);
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

    /// <summary>The provisions with places, as flat arrays: node p of the flow is provision Index[p] of the caller's list.</summary>
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
    /// Demand merged into groups (identical council, need, age and home), numbered in node order:
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

        public int HomeCount => Homes.Length;

        public int Size => Council.Length;

        public static Groups From(IReadOnlyList<PlanDemand> demand, Dictionary<Guid, int> councilIndex)
        {
            var homeIndex = new Dictionary<GeoPoint, int>();
            var homes = new List<GeoPoint>();
            var groupIndex = new Dictionary<(int Council, NeedType Need, int Age, int Home), int>();
            var keys = new List<(int Council, NeedType Need, int Age, int Home)>();
            var counts = new List<long>();
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

                var key = (council, entry.Need, entry.Age, home);
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
                    counts.Add(entry.Count);
                    first.Add(i);
                    last.Add(i);
                }
            }

            // Node order: by home (homes in order of first appearance), then by first appearance.
            var n = keys.Count;
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
                Homes = [.. homes],
                HomeFirstNode = homeFirst,
                Council = new int[n],
                Need = new NeedType[n],
                Age = new int[n],
                Home = new int[n],
                Children = new int[n],
                FirstEntry = new int[n],
                NextEntry = next,
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

                (result.Council[node], result.Need[node], result.Age[node], result.Home[node]) = key;
                result.Children[node] = (int)counts[g];
                result.FirstEntry[node] = first[g];
                total += counts[g];
            }

            return total > int.MaxValue ? throw new ArgumentException("Too many children for one plan.", nameof(demand)) : result;
        }
    }

    /// <summary>A list of ints that grows without boxing or bounds on its capacity.</summary>
    private sealed class GrowingInts(int capacity)
    {
        private int[] _items = new int[capacity];

        public int Count { get; private set; }

        public int this[int index] => _items[index];

        public void Add(int item)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = item;
        }
    }

    /// <summary>
    /// Provisions bucketed in cells of latitude and longitude, so that finding those within reach of
    /// a home looks only in the cells a circle of that radius can touch.
    /// </summary>
    private sealed class PlaceGrid
    {
        private readonly Dictionary<long, int[]> _cells;
        private readonly Provisions _provisions;
        private readonly double _cell;

        public PlaceGrid(Provisions provisions, double cellDegrees)
        {
            _provisions = provisions;
            _cell = cellDegrees;
            var lists = new Dictionary<long, List<int>>();
            for (var p = 0; p < provisions.Count; p++)
            {
                var key = Key(Cell(provisions.Latitude[p]), Cell(provisions.Longitude[p]));
                if (!lists.TryGetValue(key, out var list))
                {
                    lists.Add(key, list = []);
                }

                list.Add(p);
            }

            _cells = new Dictionary<long, int[]>(lists.Count);
            foreach (var (key, list) in lists)
            {
                _cells.Add(key, [.. list]);
            }
        }

        /// <summary>Fills <paramref name="into"/> with the provisions within <paramref name="maxKm"/> of <paramref name="home"/>, in provision order.</summary>
        public void Within(GeoPoint home, double maxKm, List<(int Place, double Km)> into)
        {
            into.Clear();

            // The box around a circle of angular radius r on a sphere: latitude ± r, and longitude
            // ± asin(sin r / cos latitude) (where the circle touches its meridians), widened a hair.
            var r = maxKm / EarthRadiusKm;
            var dLat = (r * 180 / Math.PI) + 1e-9;
            var sinOverCos = Math.Sin(r) / Math.Cos(home.Latitude * Math.PI / 180);
            var dLon = sinOverCos < 1 ? (Math.Asin(sinOverCos) * 180 / Math.PI) + 1e-9 : double.PositiveInfinity;
            if (Math.Abs(home.Latitude) + dLat >= 90 || home.Longitude - dLon < -180 || home.Longitude + dLon > 180)
            {
                for (var p = 0; p < _provisions.Count; p++)
                {
                    Consider(home, maxKm, p, into);
                }

                return;
            }

            for (var latCell = Cell(home.Latitude - dLat); latCell <= Cell(home.Latitude + dLat); latCell++)
            {
                for (var lonCell = Cell(home.Longitude - dLon); lonCell <= Cell(home.Longitude + dLon); lonCell++)
                {
                    if (_cells.TryGetValue(Key(latCell, lonCell), out var cell))
                    {
                        foreach (var p in cell)
                        {
                            Consider(home, maxKm, p, into);
                        }
                    }
                }
            }

            into.Sort(static (a, b) => a.Place.CompareTo(b.Place));
        }

        private void Consider(GeoPoint home, double maxKm, int p, List<(int Place, double Km)> into)
        {
            var km = home.KmTo(new GeoPoint(_provisions.Latitude[p], _provisions.Longitude[p]));
            if (km <= maxKm)
            {
                into.Add((p, km));
            }
        }

        private int Cell(double degrees) => (int)Math.Floor(degrees / _cell);

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

        public PlacementAssignment[] Read(long[] flows, GrowingInts arcPlace, int[] arcStart, int placeArcs)
        {
            var assignments = new List<PlacementAssignment>(arcStart.Length * 2);
            var bought = new bool[provisions.Count];
            for (var p = 0; p < provisions.Count; p++)
            {
                bought[p] = places[provisions.Index[p]].Kind.IsBought();
            }

            for (var g = 0; g < groups.Council.Length; g++)
            {
                var council = groups.Council[g];
                var home = groups.Homes[groups.Home[g]];
                _children[council] += groups.Children[g];
                var entry = groups.FirstEntry[g];
                var entryLeft = EntryCount(entry);
                for (var a = arcStart[g]; a <= arcStart[g + 1]; a++)
                {
                    // The group's arcs to provisions, then (a == arcStart[g + 1]) its arc to unplaced.
                    var unplaced = a == arcStart[g + 1];
                    var count = (int)(unplaced ? flows[placeArcs + g] : flows[a]);
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
