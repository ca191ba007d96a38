// The placement planner's benchmark: Greater Manchester and the whole of England, built from the
// shipped public data (LSOA centres and child populations, GIAS special schools, alternative
// provision and specialist post-16 institutions) with synthetic children, planned end to end by
// PlacementPlanner.Plan and written out as JSON. Each plan runs twice and the warm run is reported;
// the solve is the baseline every other step is measured against. Figures are printed, never asserted.
//
//   dotnet run -c Release --project bench/SufficiencyBench [-- --seed 2026]
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Concord.Core.Sufficiency;

internal static class SufficiencyBench
{
    public static int Main(string[] args)
    {
        var seed = Option(args, "--seed", 2026);
        var data = DataFolder();
        Console.WriteLine($"Concord sufficiency bench: {Environment.ProcessorCount} cores{LoadAverage()}, data from {data}, seed {seed}");
        Console.WriteLine("Children are synthetic (made by Concord's EhcpGenerator); places, locations and costs come from public data and Concord's default assumptions.");

        var generate = Stopwatch.StartNew();
        var map = PublicMap.Load(data);
        var instances = new[]
        {
            Instances.GreaterManchester(map, PlanMode.Sharing, seed),
            Instances.GreaterManchester(map, PlanMode.Alone, seed),
            Instances.England(map, seed),
        };
        generate.Stop();
        Console.WriteLine($"Read {map.Lsoas.Count:N0} English LSOAs, {map.Authorities.Count} authorities and {map.Provisions.Count:N0} GIAS provisions, and generated the instances, in {generate.Elapsed.TotalSeconds:0.00} s (not counted).");
        foreach (var instance in instances)
        {
            Console.WriteLine($"  {instance.Name}: {instance.Note}");
        }

        var rows = new List<(Instance Instance, Run First, Run Warm)>();
        foreach (var instance in instances)
        {
            var first = Run(instance);
            var warm = Run(instance);
            rows.Add((instance, first, warm));
        }

        Console.WriteLine();
        Console.WriteLine("Warm runs (the second of two; PlacementPlanner.Plan's own build, solve and read times, then JSON written to a temporary file;");
        Console.WriteLine("plan cpu s is the processor time of all the process's threads while planning: the arc search runs on every core, the solve on one;");
        Console.WriteLine("well below build + solve + read means other work had the cores)");
        Console.WriteLine($"  {"instance",-30} {"children",9} {"groups",8} {"provisions",10} {"arcs",11} {"build s",8} {"solve s",8} {"read s",7} {"write s",8} {"total s",8} {"total/solve",11} {"plan cpu s",10} {"placed",8} {"unplaced",9}");
        foreach (var (instance, _, warm) in rows)
        {
            var r = warm.Result;
            Console.WriteLine($"  {instance.Name,-30} {r.Combined.Children,9:N0} {r.Groups,8:N0} {instance.Places.Count(p => p.Places > 0),10:N0} {r.Arcs,11:N0} " +
                $"{r.BuildTime.TotalSeconds,8:0.000} {r.SolveTime.TotalSeconds,8:0.000} {r.ReadTime.TotalSeconds,7:0.000} {warm.Write.TotalSeconds,8:0.000} {warm.Total.TotalSeconds,8:0.000} " +
                $"{warm.Ratio,11:0.00} {warm.PlanCpu.TotalSeconds,10:0.000} {r.Combined.Placed,8:N0} {r.Combined.Unplaced,9:N0}");
        }

        Console.WriteLine();
        Console.WriteLine("First (cold) runs, for comparison");
        foreach (var (instance, first, _) in rows)
        {
            var r = first.Result;
            Console.WriteLine($"  {instance.Name,-30} build {r.BuildTime.TotalSeconds:0.000} s, solve {r.SolveTime.TotalSeconds:0.000} s, read {r.ReadTime.TotalSeconds:0.000} s, " +
                $"write {first.Write.TotalSeconds:0.000} s, total {first.Total.TotalSeconds:0.000} s ({first.Ratio:0.00} × the solve)");
        }

        Console.WriteLine();
        Console.WriteLine("What the plans say (combined over the councils)");
        foreach (var (instance, _, warm) in rows)
        {
            var c = warm.Result.Combined;
            Console.WriteLine($"  {instance.Name,-30} {c.PlacedPercent,5:0.0}% placed, {c.OutOfBoroughPercent,5:0.0}% out of borough, {c.IndependentPercent,5:0.0}% in bought places; " +
                $"cost {c.TotalCost.ToString("C0", UnitedKingdom)} (travel {c.TravelCost.ToString("C0", UnitedKingdom)}); travel mean {c.MeanTravelKm:0.0} km, 95th percentile {c.P95TravelKm:0.0} km; " +
                $"{warm.Result.Recharges.Count} recharges between councils");
        }

        var (gmSharing, gmAlone) = (rows[0].Warm.Result, rows[1].Warm.Result);
        Console.WriteLine($"  Sharing in Greater Manchester places {gmSharing.Combined.Placed - gmAlone.Combined.Placed:N0} more children than each council alone; " +
            $"the plan's objective (placed children's costs, {gmSharing.UnplacedCost.ToString("C0", UnitedKingdom)} for each unplaced) falls by " +
            $"{(gmAlone.Objective - gmSharing.Objective).ToString("C0", UnitedKingdom)} (never negative: sharing only adds choices)");

        Console.WriteLine();
        Console.WriteLine($"Targets (warm runs{LoadAverage()})");
        var gm = rows.Where(r => r.Instance.Name.StartsWith("Greater Manchester", StringComparison.Ordinal)).ToList();
        foreach (var (instance, _, warm) in gm)
        {
            Target($"{instance.Name}: end to end under 1 s", warm.Total.TotalSeconds < 1, $"{warm.Total.TotalSeconds:0.000} s");
        }

        var england = rows.Single(r => r.Instance.Name.StartsWith("England", StringComparison.Ordinal));
        Target($"{england.Instance.Name}: end to end under 15 s", england.Warm.Total.TotalSeconds < 15, $"{england.Warm.Total.TotalSeconds:0.000} s");
        foreach (var (instance, _, warm) in rows)
        {
            Target($"{instance.Name}: total at most 1.5 × the solve", warm.Ratio <= 1.5, $"{warm.Ratio:0.00} ×");
        }

        return 0;
    }

    private static readonly CultureInfo UnitedKingdom = CultureInfo.GetCultureInfo("en-GB");

    private static void Target(string name, bool met, string measured) => Console.WriteLine($"  {(met ? "PASS" : "MISS")}  {name,-62} {measured}");

    private static Run Run(Instance instance)
    {
        // Start each run from a collected heap, so that no run pays for the garbage of the one before.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var result = PlacementPlanner.Plan(instance.Councils, instance.Demand, instance.Places, instance.Options);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var file = Path.Combine(Path.GetTempPath(), $"concord-placement-{Guid.NewGuid():N}.json");
        var write = Stopwatch.StartNew();
        using (var stream = File.Create(file))
        {
            JsonSerializer.Serialize(stream, result);
        }

        write.Stop();
        File.Delete(file);
        return new Run(result, write.Elapsed, cpu);
    }

    /// <summary>The machine's load average where Linux gives it: other work on the cores slows every figure.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $", load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : string.Empty;

    private static string DataFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var data = Path.Combine(folder.FullName, "data");
                if (Directory.Exists(Path.Combine(data, "ons-lsoa")) && Directory.Exists(Path.Combine(data, "schools-gias")))
                {
                    return data;
                }
            }
        }

        throw new DirectoryNotFoundException("The shipped data folder (data/ons-lsoa, data/schools-gias) was not found above the current folder.");
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

/// <summary>A plan's result, the time to write it, and the processor time the process spent while planning (all threads).</summary>
internal sealed record Run(PlacementResult Result, TimeSpan Write, TimeSpan PlanCpu)
{
    public TimeSpan Total => Result.TotalTime + Write;

    public double Ratio => Total / Result.SolveTime;
}

internal sealed record Instance(string Name, string Note, PlanCouncil[] Councils, PlanDemand[] Demand, PlanPlace[] Places, PlanOptions Options);

internal sealed record Lsoa(string Code, string AuthorityCode, GeoPoint Centre, int Children);

internal sealed record Area(string Code, string Name, Guid Id);

/// <summary>A provision on GIAS: its kind and ages by establishment type, its pupils as places (8 when blank).</summary>
internal sealed record GiasProvision(int Urn, string Name, ProvisionKind Kind, int AgeFrom, int AgeTo, int LaCode, string AuthorityCode, GeoPoint Location, int Places);

/// <summary>England's LSOAs with their centres and children, its authorities, and the GIAS provisions, read from the shipped files.</summary>
internal sealed class PublicMap
{
    public required IReadOnlyList<Lsoa> Lsoas { get; init; }

    public required IReadOnlyDictionary<string, Area> Authorities { get; init; }

    public required IReadOnlyList<GiasProvision> Provisions { get; init; }

    private static readonly Dictionary<string, (ProvisionKind Kind, int From, int To)> Types = new()
    {
        ["Community special school"] = (ProvisionKind.SpecialSchool, 4, 19),
        ["Foundation special school"] = (ProvisionKind.SpecialSchool, 4, 19),
        ["Academy special converter"] = (ProvisionKind.SpecialSchool, 4, 19),
        ["Academy special sponsor led"] = (ProvisionKind.SpecialSchool, 4, 19),
        ["Free schools special"] = (ProvisionKind.SpecialSchool, 4, 19),
        ["Non-maintained special school"] = (ProvisionKind.IndependentSpecial, 4, 19),
        ["Other independent special school"] = (ProvisionKind.IndependentSpecial, 4, 19),
        ["Pupil referral unit"] = (ProvisionKind.AlternativeProvision, 11, 16),
        ["Academy alternative provision converter"] = (ProvisionKind.AlternativeProvision, 11, 16),
        ["Academy alternative provision sponsor led"] = (ProvisionKind.AlternativeProvision, 11, 16),
        ["Free schools alternative provision"] = (ProvisionKind.AlternativeProvision, 11, 16),
        ["Special post 16 institution"] = (ProvisionKind.SpecialPost16, 16, 25),
    };

    public static PublicMap Load(string data)
    {
        var authorityOf = new Dictionary<string, string>();
        var authorities = new Dictionary<string, Area>();
        foreach (var row in Csv.Read(Path.Combine(data, "ons-lsoa", "Lower_Layer_Super_Output_Area_(2011)_to_Ward_(2019)_Lookup_in_England_and_Wales.csv.gz")))
        {
            var (lsoa, lad, name) = (row["LSOA11CD"], row["LAD19CD"], row["LAD19NM"]);
            if (lsoa.StartsWith("E01", StringComparison.Ordinal))
            {
                authorityOf[lsoa] = lad;
                authorities.TryAdd(lad, new Area(lad, name, IdOf(lad)));
            }
        }

        var centres = new Dictionary<string, GeoPoint>();
        foreach (var row in Csv.Read(Path.Combine(data, "ons-lsoa", "lsoa2011_centroids_ew.csv")))
        {
            centres[row["lsoa11_code"]] = new GeoPoint(Csv.Number(row["latitude"]), Csv.Number(row["longitude"]));
        }

        var lsoas = new List<Lsoa>();
        foreach (var row in Csv.Read(Path.Combine(data, "imd2019", "File_6_-_IoD2019_Population_Denominators.csv.gz")))
        {
            var code = row["LSOA code (2011)"];
            if (authorityOf.TryGetValue(code, out var lad) && centres.TryGetValue(code, out var centre))
            {
                lsoas.Add(new Lsoa(code, lad, centre, (int)Csv.Number(row["Dependent Children aged 0-15: mid 2015 (excluding prisoners)"])));
            }
        }

        // GIAS gives some schools a 2021 LSOA that the 2011 lookup does not hold: those take the
        // district of the nearest 2011 LSOA centre.
        string NearestDistrict(GeoPoint at) => lsoas.MinBy(l => l.Centre.KmTo(at))!.AuthorityCode;
        var provisions = new List<GiasProvision>();
        foreach (var row in Csv.Read(Path.Combine(data, "schools-gias", "gias_open_establishments_2025-05-24.csv.gz")))
        {
            if (!Types.TryGetValue(row["establishment_type"], out var type) || !row["lsoa_code"].StartsWith("E01", StringComparison.Ordinal)
                || row["latitude"].Length == 0 || row["longitude"].Length == 0)
            {
                continue;
            }

            var location = new GeoPoint(Csv.Number(row["latitude"]), Csv.Number(row["longitude"]));
            if (!authorityOf.TryGetValue(row["lsoa_code"], out var lad))
            {
                lad = NearestDistrict(location);
            }

            var pupils = row["number_of_pupils"].Length == 0 ? 0 : (int)Csv.Number(row["number_of_pupils"]);
            provisions.Add(new GiasProvision(int.Parse(row["urn"], CultureInfo.InvariantCulture), row["establishment_name"], type.Kind, type.From, type.To,
                int.Parse(row["la_code"], CultureInfo.InvariantCulture), lad, location, Math.Max(8, pupils)));
        }

        return new PublicMap { Lsoas = lsoas, Authorities = authorities, Provisions = provisions };
    }

    /// <summary>A stable id for an authority: its ONS code's characters as the id's bytes.</summary>
    public static Guid IdOf(string onsCode)
    {
        var bytes = new byte[16];
        Encoding.ASCII.GetBytes(onsCode, bytes);
        return new Guid(bytes);
    }
}

/// <summary>The benchmark's instances: synthetic children with EHC plans in real neighbourhoods, and real provisions with synthetic designations.</summary>
internal static class Instances
{
    private const int GreaterManchesterEhcps = 30_000;
    private const int EnglandEhcps = 640_000;
    private const double OutOfAreaIndependentKm = 50;
    private const int PlanYear = 2026;
    private static readonly DateOnly AsAt = new(PlanYear, 9, 1);

    private static readonly SufficiencySettings Assumptions = SufficiencySettings.Default(Guid.Empty);

    public static Instance GreaterManchester(PublicMap map, PlanMode mode, int seed)
    {
        var random = new Random(seed);
        var codes = Enumerable.Range(1, 10).Select(i => $"E080000{i:00}").ToArray();
        var councils = codes.Select(c => Council(map.Authorities[c])).ToArray();
        var lsoas = map.Lsoas.Where(l => codes.Contains(l.AuthorityCode)).ToList();
        var demand = Children(lsoas, GreaterManchesterEhcps, seed, out var ehcps, out var took);

        // Every GM provision (GIAS la_code 350 to 359) in its own council's register; independent
        // special schools outside GM within 50 km of its centre in the register of the nearest GM
        // council (the one that would commission them).
        var centres = codes.ToDictionary(c => c, c => Centre(lsoas.Where(l => l.AuthorityCode == c)));
        var gmCentre = Centre(lsoas);
        var places = new List<PlanPlace>();
        foreach (var provision in map.Provisions)
        {
            if (provision.LaCode is >= 350 and <= 359)
            {
                places.Add(Place(provision, map.Authorities[codes[provision.LaCode - 350]].Id, random));
            }
            else if (provision.Kind == ProvisionKind.IndependentSpecial && provision.Location.KmTo(gmCentre) <= OutOfAreaIndependentKm)
            {
                var nearest = codes.MinBy(c => provision.Location.KmTo(centres[c]))!;
                places.Add(Place(provision, map.Authorities[nearest].Id, random));
            }
        }

        var outOfArea = places.Count(p => !codes.Contains(p.AreaCode));
        return new Instance($"Greater Manchester, {(mode == PlanMode.Sharing ? "sharing" : "alone")}",
            $"the ten GM councils, {ehcps:N0} synthetic EHC plans ({took}), {demand.Length:N0} needing a specialist place; {places.Count} provisions " +
            $"({outOfArea} independent special schools outside GM within {OutOfAreaIndependentKm} km, each in the nearest GM council's register); {mode.Display().ToLowerInvariant()}",
            councils, demand, [.. places], Options(mode));
    }

    public static Instance England(PublicMap map, int seed)
    {
        var random = new Random(seed + 1);
        var councils = map.Authorities.Values.OrderBy(a => a.Code, StringComparer.Ordinal).Select(Council).ToArray();
        var demand = Children(map.Lsoas, EnglandEhcps, seed + 1, out var ehcps, out var took);
        var places = map.Provisions.Select(p => Place(p, map.Authorities[p.AuthorityCode].Id, random)).ToArray();
        return new Instance("England, sharing",
            $"{councils.Length} authorities (the LSOA lookup's 2019 districts), {ehcps:N0} synthetic EHC plans ({took}), {demand.Length:N0} needing a specialist place; {places.Length:N0} provisions, " +
            "each in the register of the district it stands in; run sharing with every district in the plan, so that any child may take any place within reach " +
            "(bought places are not copied into every register)",
            councils, demand, places, Options(PlanMode.Sharing));
    }

    private static PlanOptions Options(PlanMode mode) => new(mode, Assumptions.MaxTravelKm, Assumptions.TravelCostPerKm);

    private static PlanCouncil Council(Area area) => new(area.Id, area.Name, area.Code);

    private static GeoPoint Centre(IEnumerable<Lsoa> lsoas)
    {
        var list = lsoas.ToList();
        var children = list.Sum(l => (double)l.Children);
        return new GeoPoint(list.Sum(l => l.Centre.Latitude * l.Children) / children, list.Sum(l => l.Centre.Longitude * l.Children) / children);
    }

    /// <summary>
    /// EHC plans shared among the authorities by their children aged 0 to 15 and generated for each by Concord's own
    /// <see cref="EhcpGenerator"/> (the default need mix, age mix and specialist shares; homes drawn by children); those
    /// whose plan names a specialist place become one demand entry each, at their age in the school year the plan is for.
    /// Current settings are left to the plan, so no register is passed to the generator.
    /// </summary>
    private static PlanDemand[] Children(IReadOnlyList<Lsoa> lsoas, int ehcps, int seed, out int generated, out string took)
    {
        var clock = Stopwatch.StartNew();
        var totalChildren = lsoas.Sum(l => (long)l.Children);
        var demand = new List<PlanDemand>();
        generated = 0;
        foreach (var authority in lsoas.GroupBy(l => l.AuthorityCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var id = PublicMap.IdOf(authority.Key);
            var homes = authority.Select(l => new GeneratorLsoa(l.Code, l.Centre, l.Children)).ToList();
            var plans = (int)Math.Round(ehcps * (double)homes.Sum(l => (long)l.Children) / totalChildren);
            var records = EhcpGenerator.Generate(new GeneratorAuthority(id, authority.Key, authority.Key, plans, SufficiencySettings.Default(id), homes), [], AsAt, seed);
            generated += records.Count;
            demand.AddRange(records.Where(r => r.NeedsSpecialistPlace)
                .Select(r => new PlanDemand(id, r.PrimaryNeed, r.AgeIn(PlanYear), new GeoPoint(r.HomeLatitude, r.HomeLongitude), 1, r.HomeLsoa)));
        }

        took = $"generated by EhcpGenerator in {clock.Elapsed.TotalSeconds:0.00} s ({generated / clock.Elapsed.TotalSeconds:N0} plans/s)";
        return [.. demand];
    }

    /// <summary>
    /// A GIAS provision as a plan sees it: designated for needs drawn at random by the need mix
    /// (special schools 3 to 5, independent schools 2 to 4, specialist post-16 4 to 8, alternative
    /// provision SEMH and perhaps one more), at the default cost of a place for its kind.
    /// </summary>
    private static PlanPlace Place(GiasProvision provision, Guid register, Random random)
    {
        var designated = new HashSet<NeedType>();
        var (least, most) = provision.Kind switch
        {
            ProvisionKind.SpecialSchool => (3, 5),
            ProvisionKind.IndependentSpecial => (2, 4),
            ProvisionKind.SpecialPost16 => (4, 8),
            _ => (1, 2),
        };
        if (provision.Kind == ProvisionKind.AlternativeProvision)
        {
            designated.Add(NeedType.Semh);
        }

        var needs = Needs.All.ToArray();
        var weights = needs.Select(n => (double)Assumptions.ShareOf(n)).ToArray();
        var wanted = random.Next(least, most + 1);
        while (designated.Count < wanted)
        {
            designated.Add(needs[Pick(weights, random)]);
        }

        var id = new Guid(provision.Urn, 0, 0, [0, 0, 0, 0, 0, 0, 0x61, 0xA5]);
        return new PlanPlace(id, provision.Name, register, provision.Kind, provision.AuthorityCode, provision.Location, provision.AgeFrom, provision.AgeTo,
            designated, provision.Places, Assumptions.BandFor(provision.Kind));
    }

    private static int Pick(double[] weights, Random random)
    {
        var total = 0d;
        foreach (var w in weights)
        {
            total += w;
        }

        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}

/// <summary>A plain CSV reader for the shipped files (gzipped or not): quoted fields, doubled quotes, a header row.</summary>
internal static class Csv
{
    public static IEnumerable<Dictionary<string, string>> Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = Split(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty"));
        string? line;
        var number = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            var fields = Split(line);
            if (fields.Count != header.Count)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} line {number}: {fields.Count} fields where the header has {header.Count}");
            }

            var row = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = fields[i];
            }

            yield return row;
        }
    }

    /// <summary>A number as the files write it: 1296, "1,296" or 51.5182.</summary>
    public static double Number(string text) => double.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
