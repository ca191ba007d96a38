namespace Concord.Core.Sufficiency;

/// <summary>A neighbourhood (LSOA) children may live in: its centre and how many children live there (the weight of its draw).</summary>
public sealed record GeneratorLsoa(string Code, GeoPoint Centre, int Children);

/// <summary>
/// A council whose children with EHC plans are generated: its real total of plans (from LAIT), its sufficiency assumptions
/// (need mix, age mix, specialist shares, furthest travel) and its neighbourhoods.
/// </summary>
public sealed record GeneratorAuthority(Guid AuthorityId, string AreaCode, string Name, int TotalPlans, SufficiencySettings Settings, IReadOnlyList<GeneratorLsoa> Lsoas);

/// <summary>
/// Generates synthetic children with EHC plans for a council, calibrated to its real total and its assumptions, for
/// demonstrations and planning where the council has not loaded its own records. Every record is marked synthetic.
/// <list type="number">
/// <item><description>Counts: the total is exactly the council's total of plans. Counts by need are the largest-remainder
/// rounding of total × need mix, and by age band of total × age mix; each need and band's count is then total × need share ×
/// band share rounded down or up so that the needs and bands add up to those counts (controlled rounding: see
/// <see cref="WholeNumbers"/>).</description></item>
/// <item><description>Specialist places: for each need, the largest-remainder rounding of its count × its specialist share
/// (the count split into those whose plan names a specialist place and those whose plan does not), shared across its age bands
/// in proportion to its count in each, rounded the same controlled way.</description></item>
/// <item><description>Each child, in a shuffled order: an age drawn uniformly within the band, a date of birth drawn uniformly
/// within the school year that gives that age on 31 August (<see cref="AgeBands.AcademicAge"/>), and a home LSOA drawn with
/// probability in proportion to its children.</description></item>
/// <item><description>Setting: a child needing a specialist place takes the nearest provision (straight line from the LSOA's
/// centre) that serves their need and age, is open on the date, has places left (its places on the date less those already
/// taken) and is within the council's furthest travel; if there is none, a place in an independent special school outside
/// the area (no provision, no area code), counted as an out-of-borough independent placement. Other children are in early
/// years settings (ages 0 to 4), mainstream schools (5 to 15) or further education (16 to 25), all taken to be in the
/// council's own area, except <see cref="NotInEducationShare"/> per cent of those aged 16 to 25, who are not in education.</description></item>
/// </list>
/// A seed gives the same children every time (System.Random); another seed gives other ages, dates of birth, homes and order.
/// </summary>
public static class EhcpGenerator
{
    /// <summary>Where a child needing a specialist place goes when no provision in reach has room.</summary>
    public const string OutOfAreaSettingName = "Independent special school outside the area (synthetic)";

    /// <summary>
    /// The percentage of young people aged 16 to 25 without a specialist place who are generated as not in education,
    /// employment or training (an illustrative assumption, rounded to whole young people; they are the first in the shuffled order).
    /// </summary>
    public const decimal NotInEducationShare = 3m;

    public const int MaxTotalPlans = 1_000_000;

    public static IReadOnlyList<EhcpRecord> Generate(GeneratorAuthority authority, IReadOnlyList<Provision> provisions, DateOnly asAt, int seed)
    {
        Check(authority);
        var targets = GeneratorTargets.For(authority);
        var random = new Random(seed);
        var yearStarting = SchoolYearStarting(asAt);
        var prefix = "SYN-" + Prefix(authority.Name) + "-";

        // The children as (need, band, specialist), in a shuffled order.
        var children = new (NeedType Need, AgeBand Band, bool Specialist)[authority.TotalPlans];
        var next = 0;
        var youngAdults = 0;
        for (var n = 0; n < Needs.All.Count; n++)
        {
            for (var b = 0; b < AgeBands.All.Count; b++)
            {
                for (var i = 0; i < targets.Counts[n, b]; i++)
                {
                    var specialist = i < targets.Specialist[n, b];
                    children[next++] = (Needs.All[n], AgeBands.All[b], specialist);
                    youngAdults += !specialist && AgeBands.All[b] is AgeBand.Post16 or AgeBand.Post19 ? 1 : 0;
                }
            }
        }

        random.Shuffle(children);
        var notInEducation = WholeNumbers.Whole(youngAdults * NotInEducationShare / 100m);

        var homes = new Homes(authority.Lsoas);
        var places = new Places(provisions, authority.Lsoas, asAt, authority.Settings.MaxTravelKm);
        var records = new EhcpRecord[children.Length];
        for (var i = 0; i < children.Length; i++)
        {
            var (need, band, specialist) = children[i];
            var (from, to) = band.Ages();
            var age = from + random.Next(to - from + 1);
            var firstDay = new DateOnly(yearStarting - age - 1, 9, 1);
            var days = new DateOnly(yearStarting - age, 8, 31).DayNumber - firstDay.DayNumber + 1;
            var born = firstDay.AddDays(random.Next(days));
            var home = homes.Draw(random);
            var lsoa = authority.Lsoas[home];

            SettingType setting;
            Provision? provision = null;
            if (specialist)
            {
                setting = SettingType.Specialist;
                provision = places.Take(home, need, age);
            }
            else if (age <= 4)
            {
                setting = SettingType.EarlyYears;
            }
            else if (age <= 15)
            {
                setting = SettingType.Mainstream;
            }
            else if (notInEducation > 0)
            {
                setting = SettingType.NotInEducation;
                notInEducation--;
            }
            else
            {
                setting = SettingType.FurtherEducation;
            }

            var (name, area) = setting switch
            {
                SettingType.Specialist => provision is null ? (OutOfAreaSettingName, null) : (provision.Name, provision.AreaCode),
                SettingType.NotInEducation => (null, null),
                _ => ((string?)null, (string?)authority.AreaCode),
            };

            records[i] = EhcpRecord.Create(
                authority.AuthorityId,
                new EhcpDetails($"{prefix}{i + 1:D6}", born, need, setting, provision?.Id, name, area, lsoa.Code, lsoa.Centre, specialist, Synthetic: true),
                asAt);
        }

        return records;
    }

    /// <summary>The school year a date falls in, by the year it started: September 2025 to August 2026 is 2025.</summary>
    internal static int SchoolYearStarting(DateOnly on) => on.Month >= 9 ? on.Year : on.Year - 1;

    /// <summary>The first three letters of the council's name, upper case: "Stockport" → "STO", "St Helens" → "STH".</summary>
    internal static string Prefix(string name)
    {
        var letters = new string(name.Where(char.IsLetter).Take(3).ToArray()).ToUpperInvariant();
        return letters.Length > 0 ? letters : "LA";
    }

    internal static void Check(GeneratorAuthority authority)
    {
        var checks = new Checks();
        checks.Require(!string.IsNullOrWhiteSpace(authority.Name), "Name", "Give the council's name");
        checks.Require(authority.TotalPlans is >= 0 and <= MaxTotalPlans, "TotalPlans", $"The total of EHC plans must be from 0 to {MaxTotalPlans:#,##0}");
        checks.Require(authority.Lsoas.All(l => l.Children >= 0), "Lsoas", "An LSOA's children cannot be negative");
        checks.Require(authority.TotalPlans == 0 || authority.Lsoas.Any(l => l.Children > 0), "Lsoas", $"{authority.Name} needs at least one LSOA with children for its children to live in");
        foreach (var lsoa in authority.Lsoas.Where(l => !l.Centre.IsInBritain || string.IsNullOrWhiteSpace(l.Code) || l.Code.Trim().Length > 9))
        {
            checks.Fail("Lsoas", $"The LSOA {lsoa.Code} needs a code of up to 9 characters and a centre point in Great Britain");
        }

        checks.Require(AgeBands.All.Sum(authority.Settings.ShareOf) > 0, "Settings", "The council's age mix gives no band any share of EHC plans");
        checks.Require(Needs.All.Sum(authority.Settings.ShareOf) > 0, "Settings", "The council's need mix gives no need any share of EHC plans");
        checks.ThrowIfAny();
    }

    /// <summary>Draws a home LSOA with probability in proportion to its children.</summary>
    private sealed class Homes
    {
        private readonly long[] _upTo;

        public Homes(IReadOnlyList<GeneratorLsoa> lsoas)
        {
            _upTo = new long[lsoas.Count];
            long total = 0;
            for (var i = 0; i < lsoas.Count; i++)
            {
                total += lsoas[i].Children;
                _upTo[i] = total;
            }
        }

        public int Draw(Random random)
        {
            var draw = random.NextInt64(_upTo[^1]);
            var index = Array.BinarySearch(_upTo, draw);
            index = index < 0 ? ~index : index;
            while (_upTo[index] <= draw)
            {
                index++;
            }

            return index;
        }
    }

    /// <summary>The provisions open on the date, with their places left, and for each LSOA those within reach, nearest first.</summary>
    private sealed class Places
    {
        private readonly Provision[] _open;
        private readonly int[] _left;
        private readonly int[] _needs;
        private readonly IReadOnlyList<GeneratorLsoa> _lsoas;
        private readonly double _maxKm;
        private readonly int[]?[] _inReach;

        public Places(IReadOnlyList<Provision> provisions, IReadOnlyList<GeneratorLsoa> lsoas, DateOnly on, double maxKm)
        {
            _open = provisions.Where(p => p.IsOpenOn(on) && p.PlacesOn(on) > 0).ToArray();
            _left = _open.Select(p => p.PlacesOn(on)).ToArray();
            _needs = _open.Select(p => p.Needs.Aggregate(0, (mask, need) => mask | (1 << (int)need))).ToArray();
            (_lsoas, _maxKm, _inReach) = (lsoas, maxKm, new int[]?[lsoas.Count]);
        }

        /// <summary>The nearest provision in reach serving the need and age with a place left, taking the place; null when there is none.</summary>
        public Provision? Take(int lsoa, NeedType need, int age)
        {
            var bit = 1 << (int)need;
            foreach (var p in _inReach[lsoa] ??= InReach(_lsoas[lsoa].Centre))
            {
                if (_left[p] > 0 && (_needs[p] & bit) != 0 && age >= _open[p].AgeFrom && age <= _open[p].AgeTo)
                {
                    _left[p]--;
                    return _open[p];
                }
            }

            return null;
        }

        private int[] InReach(GeoPoint home) =>
            _open.Select((p, i) => (Km: home.KmTo(p.Location), Index: i)).Where(x => x.Km <= _maxKm)
                .OrderBy(x => x.Km).ThenBy(x => x.Index).Select(x => x.Index).ToArray();
    }
}

/// <summary>
/// The whole numbers a generator aims at: children by need and age band, and how many of each need a specialist place.
/// Needs' totals are always the largest-remainder numbers; bands' totals are too wherever the needs' totals allow them
/// (for children by band always in practice; for specialists by band a small council's few specialists may not reach every
/// band's rounded share, and then a band's total is within one of its exact share wherever that can be).
/// </summary>
internal sealed record GeneratorTargets(int[] ByNeed, int[] ByBand, int[,] Counts, int[] SpecialistByNeed, int[] SpecialistByBand, int[,] Specialist)
{
    public static GeneratorTargets For(GeneratorAuthority authority)
    {
        var (needs, bands, settings, total) = (Needs.All, AgeBands.All, authority.Settings, authority.TotalPlans);
        var needWeights = needs.Select(settings.ShareOf).ToList();
        var bandWeights = bands.Select(settings.ShareOf).ToList();
        var byNeed = WholeNumbers.Split(total, needWeights);
        var byBand = WholeNumbers.Split(total, bandWeights);
        var (needSum, bandSum) = (needWeights.Sum(), bandWeights.Sum());
        var exact = new decimal[needs.Count, bands.Count];
        for (var n = 0; n < needs.Count; n++)
        {
            for (var b = 0; b < bands.Count; b++)
            {
                exact[n, b] = Math.Round(total * (needWeights[n] / needSum) * (bandWeights[b] / bandSum), 20);
            }
        }

        var counts = WholeNumbers.Table(exact, byNeed, byBand);

        var specialistByNeed = needs.Select((need, n) =>
        {
            var share = Math.Clamp(settings.SpecialistShareOf(need), 0m, 100m);
            return WholeNumbers.Split(byNeed[n], [share, 100m - share])[0];
        }).ToArray();
        var spread = new decimal[needs.Count, bands.Count];
        for (var n = 0; n < needs.Count; n++)
        {
            for (var b = 0; b < bands.Count; b++)
            {
                spread[n, b] = byNeed[n] > 0 ? Math.Round((decimal)specialistByNeed[n] * counts[n, b] / byNeed[n], 20) : 0m;
            }
        }

        var specialistByBand = WholeNumbers.Split(specialistByNeed.Sum(), Enumerable.Range(0, bands.Count).Select(b => Enumerable.Range(0, needs.Count).Sum(n => spread[n, b])).ToList());
        var specialist = WholeNumbers.Table(spread, specialistByNeed, specialistByBand, counts);

        // The bands' totals are those the tables reach: the largest-remainder numbers wherever the needs' totals allow them.
        int[] Columns(int[,] table) => Enumerable.Range(0, bands.Count).Select(b => Enumerable.Range(0, needs.Count).Sum(n => table[n, b])).ToArray();
        return new GeneratorTargets(byNeed, Columns(counts), counts, specialistByNeed, Columns(specialist), specialist);
    }
}

/// <summary>One line of a calibration: what the council's figures give exactly, the whole number the generator aimed at, and what it generated.</summary>
/// <param name="Key">The need's code, the age band's name, or "Total".</param>
public sealed record CalibrationLine(string Key, string Label, decimal Expected, int Target, int Generated)
{
    public int Difference => Generated - Target;
}

/// <summary>
/// Generated children against the council's figures: the total, by need and by age band, and those needing a specialist place,
/// with where those went (a provision in the register, or an independent school outside the area).
/// </summary>
public sealed record GeneratorCalibration(
    CalibrationLine Total,
    IReadOnlyList<CalibrationLine> ByNeed,
    IReadOnlyList<CalibrationLine> ByAgeBand,
    CalibrationLine Specialist,
    IReadOnlyList<CalibrationLine> SpecialistByNeed,
    IReadOnlyList<CalibrationLine> SpecialistByAgeBand,
    int PlacedInRegister,
    int OutOfAreaIndependent)
{
    /// <summary>Whether every generated figure equals its target.</summary>
    public bool Exact => new[] { Total, Specialist }.Concat(ByNeed).Concat(ByAgeBand).Concat(SpecialistByNeed).Concat(SpecialistByAgeBand).All(l => l.Difference == 0);

    /// <summary>
    /// Compares the council's records (others' are ignored) with its total and assumptions; ages are taken in the school year
    /// <paramref name="asAt"/> falls in, as the generator took them.
    /// </summary>
    public static GeneratorCalibration Compare(GeneratorAuthority authority, IReadOnlyList<EhcpRecord> records, DateOnly asAt)
    {
        EhcpGenerator.Check(authority);
        var targets = GeneratorTargets.For(authority);
        var settings = authority.Settings;
        var total = (decimal)authority.TotalPlans;
        var needSum = Needs.All.Sum(settings.ShareOf);
        var bandSum = AgeBands.All.Sum(settings.ShareOf);
        var yearStarting = EhcpGenerator.SchoolYearStarting(asAt);
        decimal NeedExact(NeedType n) => total * settings.ShareOf(n) / needSum;
        decimal SpecialistExact(NeedType n) => NeedExact(n) * settings.SpecialistShareOf(n) / 100m;
        decimal BandExact(AgeBand b) => total * settings.ShareOf(b) / bandSum;
        var specialistShare = Needs.All.Sum(n => settings.ShareOf(n) / needSum * settings.SpecialistShareOf(n) / 100m);

        // One pass over the records: counts by need and band, of all and of those needing a specialist place.
        var (byNeed, byBand, specialistByNeed, specialistByBand) = (new int[Needs.All.Count], new int[AgeBands.All.Count], new int[Needs.All.Count], new int[AgeBands.All.Count]);
        var (count, inRegister, outOfArea) = (0, 0, 0);
        foreach (var record in records)
        {
            if (record.AuthorityId != authority.AuthorityId)
            {
                continue;
            }

            var (n, b) = (Index(Needs.All, record.PrimaryNeed), Index(AgeBands.All, AgeBands.Of(record.AgeIn(yearStarting))));
            count++;
            byNeed[n]++;
            byBand[b]++;
            if (record.NeedsSpecialistPlace)
            {
                specialistByNeed[n]++;
                specialistByBand[b]++;
            }

            inRegister += record.ProvisionId is null ? 0 : 1;
            outOfArea += record.Setting == SettingType.Specialist && record.ProvisionId is null ? 1 : 0;
        }

        return new GeneratorCalibration(
            new CalibrationLine("Total", "All EHC plans", total, authority.TotalPlans, count),
            Needs.All.Select((n, i) => new CalibrationLine(n.Code(), n.Display(), NeedExact(n), targets.ByNeed[i], byNeed[i])).ToList(),
            AgeBands.All.Select((b, i) => new CalibrationLine(b.ToString(), b.Display(), BandExact(b), targets.ByBand[i], byBand[i])).ToList(),
            new CalibrationLine("Total", "Needing a specialist place", Needs.All.Sum(SpecialistExact), targets.SpecialistByNeed.Sum(), specialistByNeed.Sum()),
            Needs.All.Select((n, i) => new CalibrationLine(n.Code(), n.Display(), SpecialistExact(n), targets.SpecialistByNeed[i], specialistByNeed[i])).ToList(),
            AgeBands.All.Select((b, i) => new CalibrationLine(b.ToString(), b.Display(), BandExact(b) * specialistShare, targets.SpecialistByBand[i], specialistByBand[i])).ToList(),
            inRegister,
            outOfArea);
    }

    private static int Index<T>(IReadOnlyList<T> all, T value)
        where T : struct, Enum
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(all[i], value))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "Not one of the values.");
    }
}
