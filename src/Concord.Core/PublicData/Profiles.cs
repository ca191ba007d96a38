using Concord.Core.Finance;

namespace Concord.Core.PublicData;

/// <summary>
/// One figure of an area's contextual profile, computed from imported rows: its value (null
/// when the data does not cover the area, with a note saying why), or words for a judgement,
/// the dataset it came from and the period it is for.
/// </summary>
public sealed record Figure(string Key, string Label, string Unit, decimal? Value, string Source, string Dataset, string Year, string? Text = null, string? Note = null)
{
    public bool Available => Value is not null || Text is not null;
}

/// <summary>A value in a trend, by the year its period ends.</summary>
public sealed record TrendPoint(int Year, string Period, decimal Value);

/// <summary>A figure over time for one area.</summary>
public sealed record Trend(string Key, string Label, string Unit, string Source, string Dataset, IReadOnlyList<TrendPoint> Points, string? Note = null);

/// <summary>An area's profile: its figures and trends, in the order the councils' appendix gives them.</summary>
public sealed record AreaProfile(string Code, string Name, AreaLevel? Level, IReadOnlyList<Figure> Figures, IReadOnlyList<Trend> Trends)
{
    public Figure? this[string key] => Figures.FirstOrDefault(f => f.Key == key);
}

/// <summary>
/// The public data the profiles are computed from, held in memory: every area, population,
/// the statistics tables the profile reads, deprivation by LSOA, schools and their 2020 Ofsted
/// judgements, and DSG allocations. Read once after each import.
/// </summary>
public sealed class EvidenceSnapshot
{
    public EvidenceSnapshot(IEnumerable<PublicArea> areas, IEnumerable<PopulationEstimate> population, IEnumerable<PublishedStatistic> statistics,
        IEnumerable<LsoaDeprivation> deprivation, IEnumerable<School> schools, IEnumerable<SchoolInspection> inspections, IEnumerable<DsgAllocation> dsg)
    {
        Areas = areas.ToDictionary(a => a.Code, StringComparer.Ordinal);
        Population = population.ToLookup(p => p.AreaCode, StringComparer.Ordinal);
        Statistics = statistics.ToLookup(s => (s.Dataset, s.Table, s.AreaCode));
        Deprivation = deprivation.ToLookup(d => d.AuthorityCode, StringComparer.Ordinal);
        Schools = schools.Where(s => s.StateFunded).ToLookup(s => s.LaNumber);
        Inspections = inspections.ToDictionary(i => i.Urn);
        Dsg = dsg.ToLookup(d => d.DfeCode);
    }

    public IReadOnlyDictionary<string, PublicArea> Areas { get; }

    public ILookup<string, PopulationEstimate> Population { get; }

    public ILookup<(string Dataset, string Table, string Area), PublishedStatistic> Statistics { get; }

    public ILookup<string, LsoaDeprivation> Deprivation { get; }

    /// <summary>State-funded schools by DfE authority number.</summary>
    public ILookup<int, School> Schools { get; }

    public IReadOnlyDictionary<int, SchoolInspection> Inspections { get; }

    public ILookup<int, DsgAllocation> Dsg { get; }

    /// <summary>The local authorities an area is made of: itself, Greater Manchester's ten, a region's, or England's.</summary>
    public IReadOnlyList<PublicArea> Members(string code)
    {
        if (code == Benchmarks.GreaterManchester)
        {
            return [.. Benchmarks.GreaterManchesterAuthorities.Select(c => Areas.GetValueOrDefault(c)).OfType<PublicArea>()];
        }

        var latest = Areas.Values.Max(x => x.LastYear);
        var current = Areas.Values.Where(a => a.Level == AreaLevel.LocalAuthority && a.LastYear == latest).ToList();
        return Areas.GetValueOrDefault(code) switch
        {
            { Level: AreaLevel.Country } => current,
            { Level: AreaLevel.Region } region => [.. current.Where(a => a.RegionCode == region.Code)],
            { Level: AreaLevel.LocalAuthority } authority => [authority],
            _ => [],
        };
    }

    /// <summary>
    /// The authority's LSOAs. The indices are published by district: a metropolitan district or
    /// unitary authority has its LSOAs under its own code; a county's are those of the districts its
    /// state-funded schools stand in (each district counted for the county holding most of its schools).
    /// </summary>
    public IReadOnlyList<LsoaDeprivation> LsoasOf(PublicArea authority)
    {
        if (Deprivation[authority.Code].Any() || authority.DfeNumber is not { } number)
        {
            return [.. Deprivation[authority.Code]];
        }

        _countyDistricts ??= CountyDistricts();
        return [.. _countyDistricts[number].SelectMany(d => Deprivation[d])];
    }

    private ILookup<int, string>? _countyDistricts;

    private ILookup<int, string> CountyDistricts()
    {
        var districtOf = Deprivation.SelectMany(g => g).ToDictionary(d => d.LsoaCode, d => d.AuthorityCode, StringComparer.Ordinal);
        return Schools.SelectMany(g => g).Where(s => s.LsoaCode is not null && districtOf.ContainsKey(s.LsoaCode))
            .GroupBy(s => districtOf[s.LsoaCode!])
            .Select(g => (District: g.Key, County: g.GroupBy(s => s.LaNumber).OrderByDescending(c => c.Count()).First().Key))
            .ToLookup(d => d.County, d => d.District);
    }

    public string NameOf(string code) => code == Benchmarks.GreaterManchester ? "Greater Manchester" : Areas.GetValueOrDefault(code)?.Name ?? code;

    public IEnumerable<PublishedStatistic> Rows(string dataset, string table, string area) => Statistics[(dataset, table, area)];
}

/// <summary>
/// Computes the contextual profile the councils put in an appendix: for an authority, Greater
/// Manchester, a region or England. A benchmark's figure is the published row for it where there
/// is one, otherwise the sum of its authorities' numerators over the sum of their denominators.
/// </summary>
public static class Profiles
{
    public const string Lait = "dfe-lait", Eyfsp = "dfe-eyfsp", Attendance = "dfe-attendance", Scorecards = "dfe-school-places-scorecards",
        SocialCare = "dfe-children-social-care", OfstedLa = "ofsted-la-childrens-services", Imd = "imd2019", Gias = "schools-gias",
        OfstedSchools = "ofsted-schools-scrape-2020", Dsg = "dfe-dsg", Areas = "dfe-areas";

    public const string EyfspTotal = "Total / Total / Total", EyfspFsm = "Free school meal eligibility / Known to be eligible for free school meals / Total";

    public const string LookedAfterAt31March = "Children looked after on 31 March each year";

    /// <summary>The figures in the order they are shown, with their labels and units.</summary>
    public static IReadOnlyList<(string Key, string Label, string Unit)> Catalogue { get; } =
    [
        ("population-0-4", "Children aged 0 to 4", "people"),
        ("population-0-25", "Children and young people aged 0 to 25", "people"),
        ("imd-most-deprived", "LSOAs in the 10% most deprived in England (IMD 2019)", "%"),
        ("idaci-most-deprived", "LSOAs in the 10% most deprived for income deprivation affecting children (IDACI 2019)", "%"),
        ("low-income-families", "Children in low-income families", "%"),
        .. Enum.GetValues<OfstedGrade>().Select(g => ($"schools-{Slug(g)}", $"Schools judged {Display(g)}", "% of schools")),
        ("schools-not-judged", "Schools without a judgement in the February 2020 data", "% of schools"),
        .. Enum.GetValues<OfstedGrade>().Select(g => ($"pupils-{Slug(g)}", $"Pupils in schools judged {Display(g)}", "% of pupils")),
        ("pupils-not-judged", "Pupils in schools without a judgement in the February 2020 data", "% of pupils"),
        ("gld", "Good level of development at the end of reception", "%"),
        ("gld-fsm", "Good level of development, children eligible for free school meals", "%"),
        ("ehcp-rate", "Education, health and care plans per 1,000 aged 0 to 25", "per 1,000"),
        ("cin-rate", "Children in need per 10,000 children", "per 10,000"),
        ("cla-rate", "Children looked after per 10,000 children", "per 10,000"),
        ("attendance", "Overall attendance", "%"),
        ("persistent-absence", "Pupils persistently absent", "%"),
        ("dsg-per-pupil", "Dedicated Schools Grant per pupil", "£"),
        ("ilacs", "Ofsted judgement of children's services (overall effectiveness)", "judgement"),
    ];

    public static string Slug(OfstedGrade grade) => grade switch
    {
        OfstedGrade.RequiresImprovement => "requires-improvement",
        _ => grade.ToString().ToLowerInvariant(),
    };

    public static string Display(OfstedGrade grade) => grade switch
    {
        OfstedGrade.RequiresImprovement => "Requires improvement",
        _ => grade.ToString(),
    };

    /// <summary>
    /// The profile of <paramref name="code"/> with each figure taken from the latest period up to
    /// <paramref name="year"/> (every period when null).
    /// </summary>
    public static AreaProfile Profile(EvidenceSnapshot data, string code, int? year = null)
    {
        var members = data.Members(code);
        var figures = new List<Figure>();
        figures.AddRange(Population(data, code, members, year));
        figures.AddRange(Deprivation(data, code, members));
        figures.Add(LaitFigure(data, code, "low-income-families", "ChildPov", year));
        figures.AddRange(Ofsted(data, code, members));
        figures.Add(Gld(data, code, members, "gld", EyfspTotal, year));
        figures.Add(Gld(data, code, members, "gld-fsm", EyfspFsm, year));
        var ehcp = EhcpRates(data, code, members);
        figures.Add(Latest(code, "ehcp-rate", ehcp, year));
        figures.Add(Rate(data, code, members, "cin-rate", year));
        figures.Add(Rate(data, code, members, "cla-rate", year));
        figures.AddRange(AttendanceFigures(data, code, members, year));
        figures.Add(DsgPerPupil(data, code, members, year));
        figures.Add(Ilacs(data, code));
        var order = Catalogue.Select((c, i) => (c.Key, i)).ToDictionary(c => c.Key, c => c.i);
        figures.Sort((a, b) => order[a.Key].CompareTo(order[b.Key]));
        var trends = new List<Trend>
        {
            LaitTrend(data, code, "gld", "FSP_NEW_GOODDEV"),
            LaitTrend(data, code, "gld-fsm", "FSP_Gooddev_FSM"),
            ehcp,
        };
        return new AreaProfile(code, data.NameOf(code), data.Areas.GetValueOrDefault(code)?.Level, figures, trends);
    }

    private static (string Label, string Unit) Describe(string key)
    {
        var (_, label, unit) = Catalogue.Single(c => c.Key == key);
        return (label, unit);
    }

    private static Figure Missing(string key, string source, string dataset, string note)
    {
        var (label, unit) = Describe(key);
        return new Figure(key, label, unit, null, source, dataset, string.Empty, Note: note);
    }

    private static Figure Value(string key, decimal value, string source, string dataset, string year, string? note = null)
    {
        var (label, unit) = Describe(key);
        return new Figure(key, label, unit, value, source, dataset, PublishedPeriod.Label(year), Note: note);
    }

    /// <summary>A percentage (or rate) to one decimal place, as DfE publishes them.</summary>
    public static decimal Per(decimal part, decimal whole, decimal scale = 100) => Math.Round(part * scale / whole, 1, MidpointRounding.AwayFromZero);

    private static IEnumerable<Figure> Population(EvidenceSnapshot data, string code, IReadOnlyList<PublicArea> members, int? year)
    {
        const string source = "ONS mid-year population estimates";
        var years = data.Population.SelectMany(g => g).Where(p => p.Dataset.StartsWith("ons-mye", StringComparison.Ordinal)).Select(p => p.Year).Distinct()
            .Where(y => year is null || y <= year).OrderDescending().ToList();
        foreach (var (key, from, to) in new[] { ("population-0-4", 0, 4), ("population-0-25", 0, 25) })
        {
            int? Count(string area, int y) => data.Population[area].FirstOrDefault(p => p.Year == y && p.Dataset.StartsWith("ons-mye", StringComparison.Ordinal))?.Aged(from, to);
            var found = years.Select(y => (Year: y, Count: Count(code, y) ?? (members.Count > 1 && members.All(m => Count(m.Code, y) is not null) ? members.Sum(m => Count(m.Code, y)) : null)))
                .FirstOrDefault(c => c.Count is not null);
            yield return found.Count is { } count
                ? Value(key, count, source, $"ons-mye-{found.Year}", $"mid-{found.Year}")
                : Missing(key, source, "ons-mye-2020", "no estimate for this area");
        }
    }

    private static IEnumerable<Figure> Deprivation(EvidenceSnapshot data, string code, IReadOnlyList<PublicArea> members)
    {
        const string source = "English Indices of Deprivation 2019 (MHCLG)";
        var lsoas = code == Benchmarks.England
            ? data.Deprivation.SelectMany(g => g).ToList()
            : members.SelectMany(data.LsoasOf).ToList();
        if (lsoas.Count == 0)
        {
            const string note = "no LSOAs found for this area in the indices";
            yield return Missing("imd-most-deprived", source, Imd, note);
            yield return Missing("idaci-most-deprived", source, Imd, note);
            yield break;
        }

        var noteOf = $"{lsoas.Count:N0} LSOAs";
        yield return Value("imd-most-deprived", Per(lsoas.Count(l => l.ImdDecile == 1), lsoas.Count), source, Imd, "2019", noteOf);
        yield return Value("idaci-most-deprived", Per(lsoas.Count(l => l.IdaciDecile == 1), lsoas.Count), source, Imd, "2019", noteOf);
    }

    /// <summary>The latest LAIT value for the area (LAIT covers the Greater Manchester authorities, the North West and England).</summary>
    private static Figure LaitFigure(EvidenceSnapshot data, string code, string key, string measure, int? year)
    {
        const string source = "DfE Local Authority Interactive Tool";
        var row = data.Rows(Lait, string.Empty, code).Where(r => r.Value(measure) is not null && (year is null || r.Year <= year))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Period, StringComparer.Ordinal).FirstOrDefault();
        return row is null
            ? Missing(key, source, Lait, "LAIT in Concord covers the Greater Manchester authorities, the North West and England")
            : Value(key, row.Value(measure)!.Value, source, Lait, row.Period);
    }

    private static Trend LaitTrend(EvidenceSnapshot data, string code, string key, string measure)
    {
        var (label, unit) = Describe(key);
        var points = data.Rows(Lait, string.Empty, code).Where(r => r.Value(measure) is not null)
            .GroupBy(r => r.Year).Select(g => g.OrderByDescending(r => r.Period, StringComparer.Ordinal).First())
            .OrderBy(r => r.Year).Select(r => new TrendPoint(r.Year, PublishedPeriod.Label(r.Period), r.Value(measure)!.Value)).ToList();
        return new Trend(key, label, unit, "DfE Local Authority Interactive Tool", Lait, points,
            points.Count == 0 ? "LAIT in Concord covers the Greater Manchester authorities, the North West and England" : null);
    }

    private static IEnumerable<Figure> Ofsted(EvidenceSnapshot data, string code, IReadOnlyList<PublicArea> members)
    {
        const string source = "GIAS schools (May 2025) with Ofsted judgements as at February 2020";
        var schools = members.Where(m => m.DfeNumber is not null).SelectMany(m => data.Schools[m.DfeNumber!.Value]).ToList();
        var keys = Enum.GetValues<OfstedGrade>().Select(g => (OfstedGrade?)g).Append(null).ToList();
        string Suffix(OfstedGrade? g) => g is { } grade ? Slug(grade) : "not-judged";
        if (schools.Count == 0)
        {
            foreach (var grade in keys)
            {
                yield return Missing($"schools-{Suffix(grade)}", source, Gias, "no state-funded schools in the register for this area");
                yield return Missing($"pupils-{Suffix(grade)}", source, Gias, "no state-funded schools in the register for this area");
            }

            yield break;
        }

        var graded = schools.Select(s => (School: s, Grade: data.Inspections.GetValueOrDefault(s.Urn)?.Grade)).ToList();
        var pupils = graded.Sum(s => s.School.Pupils ?? 0);
        var year = $"schools May 2025, judgements as at {SchoolInspection.AsAt:d MMMM yyyy}";
        foreach (var grade in keys)
        {
            var these = graded.Where(s => s.Grade == grade).ToList();
            yield return Value($"schools-{Suffix(grade)}", Per(these.Count, schools.Count), source, OfstedSchools, year, $"{these.Count:N0} of {schools.Count:N0} schools");
            yield return Value($"pupils-{Suffix(grade)}", pupils == 0 ? 0 : Per(these.Sum(s => s.School.Pupils ?? 0), pupils), source, OfstedSchools, year,
                $"{these.Sum(s => s.School.Pupils ?? 0):N0} of {pupils:N0} pupils");
        }
    }

    /// <summary>The row for the area, or the sum over its authorities when there is none (Greater Manchester).</summary>
    private static (decimal Part, decimal Whole, string Period)? Sum(EvidenceSnapshot data, string code, IReadOnlyList<PublicArea> members, string dataset, string table,
        string breakdown, string part, string whole, int? year, Func<string, string, IEnumerable<PublishedStatistic>>? rows = null)
    {
        rows ??= (area, _) => data.Rows(dataset, table, area);
        (decimal, decimal)? Of(string area, string period) =>
            rows(area, period).FirstOrDefault(r => r.Period == period && r.Breakdown == breakdown) is { } r && r.Value(part) is { } p && r.Value(whole) is { } w ? (p, w) : null;
        var periods = members.Concat(data.Areas.TryGetValue(code, out var self) ? [self] : []).SelectMany(m => rows(m.Code, string.Empty))
            .Where(r => r.Breakdown == breakdown && (year is null || r.Year <= year)).Select(r => (r.Year, r.Period)).Distinct().OrderByDescending(p => p.Year).ThenByDescending(p => p.Period, StringComparer.Ordinal);
        foreach (var (_, period) in periods)
        {
            if (Of(code, period) is var (p, w))
            {
                return (p, w, period);
            }

            if (members.Count > 1 && members.Select(m => Of(m.Code, period)).ToList() is var each && each.All(e => e is not null))
            {
                return (each.Sum(e => e!.Value.Item1), each.Sum(e => e!.Value.Item2), period);
            }
        }

        return null;
    }

    private static Figure Gld(EvidenceSnapshot data, string code, IReadOnlyList<PublicArea> members, string key, string breakdown, int? year)
    {
        const string source = "DfE Early years foundation stage profile results";
        return Sum(data, code, members, Eyfsp, string.Empty, breakdown, "gld_number", "children_number", year) is var (part, whole, period) && whole > 0
            ? Value(key, Per(part, whole), source, Eyfsp, period, $"{part:N0} of {whole:N0} children")
            : Missing(key, source, Eyfsp, "not published for this area and year");
    }

    private static Figure Rate(EvidenceSnapshot data, string code, IReadOnlyList<PublicArea> members, string key, int? year)
    {
        const string source = "DfE Children in need; Children looked after in England";
        if (key == "cla-rate")
        {
            return Sum(data, code, members, SocialCare, "looked-after", LookedAfterAt31March, "children_count", "population_estimate", year) is var (p, w, period) && w > 0
                ? Value(key, Per(p, w, 10_000), source, SocialCare, period, $"{p:N0} children looked after, {w:N0} aged 0 to 17")
                : Missing(key, source, SocialCare, "not published for this area and year");
        }

        // Children in need at 31 March over the ONS 0 to 17 estimate for the June before, as DfE rates them
        // (LAIT's Stockport 2025 rate, 398.6, is 2,587 over the mid-2024 estimate of 64,910).
        IEnumerable<PublishedStatistic> Joined(string area, string _) =>
            data.Rows(SocialCare, "children-in-need", area).Select(r =>
                data.Rows(Areas, "population-0-17", area).FirstOrDefault(p => p.Year == r.Year - 1)?.Value("population_estimate") is { } population
                    ? new PublishedStatistic { AreaCode = area, Period = r.Period, Year = r.Year, Breakdown = string.Empty, Values = new() { ["At31_episodes"] = r.Value("At31_episodes") ?? -1, ["population"] = population } }
                    : r).Where(r => r.Value("At31_episodes") >= 0);
        return Sum(data, code, members, SocialCare, "children-in-need", string.Empty, "At31_episodes", "population", year, Joined) is var (part, whole, at) && whole > 0
            ? Value(key, Per(part, whole, 10_000), source, SocialCare, at, $"{part:N0} children in need, {whole:N0} aged 0 to 17")
            : Missing(key, source, SocialCare, "not published for this area and year");
    }

    /// <summary>EHC plans at January (LAIT SEN_CASES_JAN) per 1,000 aged 0 to 25, on the nearest ONS estimate at or before the year.</summary>
    private static Trend EhcpRates(EvidenceSnapshot data, string code, IReadOnlyList<PublicArea> members)
    {
        var (label, unit) = Describe("ehcp-rate");
        const string source = "DfE Local Authority Interactive Tool (EHC plans at January) over ONS mid-year estimates aged 0 to 25";
        IEnumerable<(int Year, string Period, decimal Plans)> Plans(string area) => data.Rows(Lait, string.Empty, area)
            .Where(r => r.Value("SEN_CASES_JAN") is not null).GroupBy(r => r.Year)
            .Select(g => g.OrderByDescending(r => r.Period, StringComparer.Ordinal).First()).Select(r => (r.Year, r.Period, r.Value("SEN_CASES_JAN")!.Value));
        int? Population(string area, int year) => data.Population[area].Where(p => p.Dataset.StartsWith("ons-mye", StringComparison.Ordinal))
            .OrderBy(p => p.Year <= year ? 0 : 1).ThenBy(p => Math.Abs(p.Year - year)).FirstOrDefault()?.Aged(0, 25);

        var own = Plans(code).ToList();
        var series = own.Count > 0 || members.Count <= 1
            ? own.Select(p => (p.Year, p.Period, p.Plans, People: Population(code, p.Year))).ToList()
            : members.SelectMany(m => Plans(m.Code).Select(p => (m.Code, p))).GroupBy(x => x.p.Year).Where(g => g.Count() == members.Count)
                .Select(g => (Year: g.Key, g.First().p.Period, Plans: g.Sum(x => x.p.Plans), People: members.Sum(m => Population(m.Code, g.Key)))).ToList();
        var points = series.Where(s => s.People is > 0).OrderBy(s => s.Year)
            .Select(s => new TrendPoint(s.Year, PublishedPeriod.Label(s.Period), Per(s.Plans, s.People!.Value, 1_000))).ToList();
        return new Trend("ehcp-rate", label, unit, source, Lait, points, points.Count == 0
            ? "LAIT in Concord covers the Greater Manchester authorities, the North West and England"
            : "Population from the ONS mid-2019 or mid-2020 estimate, whichever is nearest at or before the year");
    }

    private static Figure Latest(string code, string key, Trend trend, int? year)
    {
        var point = trend.Points.Where(p => year is null || p.Year <= year).OrderByDescending(p => p.Year).FirstOrDefault();
        return point is null ? Missing(key, trend.Source, trend.Dataset, trend.Note ?? "not published for this area") : Value(key, point.Value, trend.Source, trend.Dataset, point.Period, trend.Note);
    }

    private static IEnumerable<Figure> AttendanceFigures(EvidenceSnapshot data, string code, IReadOnlyList<PublicArea> members, int? year)
    {
        const string source = "DfE Pupil attendance in schools (year to date)";
        if (Sum(data, code, members, Attendance, string.Empty, "Total", "overall_attendance", "possible_sessions", year) is var (present, possible, period) && possible > 0)
        {
            yield return Value("attendance", Per(present, possible), source, Attendance, period, $"{present:N0} of {possible:N0} possible sessions");
        }
        else
        {
            yield return Missing("attendance", source, Attendance, "not published for this area and year");
        }

        // Persistent absence is published as a percentage of enrolments; a benchmark weights its authorities by enrolments.
        IEnumerable<PublishedStatistic> Absent(string area, string _) => data.Rows(Attendance, string.Empty, area).Select(r =>
            r.Value("pa_perc") is { } pa && r.Value("enrolments") is { } enrolled
                ? new PublishedStatistic { AreaCode = area, Period = r.Period, Year = r.Year, Breakdown = r.Breakdown, Values = new() { ["absent"] = pa * enrolled / 100, ["enrolments"] = enrolled } }
                : r);
        yield return Sum(data, code, members, Attendance, string.Empty, "Total", "absent", "enrolments", year, Absent) is var (absent, enrolments, at) && enrolments > 0
            ? Value("persistent-absence", Per(absent, enrolments), source, Attendance, at)
            : Missing("persistent-absence", source, Attendance, "not published for this area and year");
    }

    /// <summary>DSG before recoupment over state-funded primary and secondary pupils on roll (school places scorecard) for the same year.</summary>
    private static Figure DsgPerPupil(EvidenceSnapshot data, string code, IReadOnlyList<PublicArea> members, int? year)
    {
        const string source = "DfE DSG allocations over pupils on roll in the school places scorecards";
        // England has its own allocation row (DfE number 0 in the import) and scorecard row.
        var authorities = code == Benchmarks.England
            ? [(Number: 0, Code: code)]
            : members.Where(m => m.DfeNumber is not null).Select(m => (Number: m.DfeNumber!.Value, m.Code)).ToList();
        foreach (var start in data.Dsg.SelectMany(g => g).Select(d => d.FinancialYearStart).Distinct().Where(y => year is null || y < year).OrderDescending())
        {
            var period = new FinancialYear(start).ToString().Replace('-', '/');
            decimal? Pupils(string area) => data.Rows(Scorecards, string.Empty, area).FirstOrDefault(r => r.Period == period) is { } r
                && r.Value("PriNOR") is { } primary && r.Value("SecNOR") is { } secondary ? primary + secondary : null;
            var grants = authorities.Select(a => data.Dsg[a.Number].FirstOrDefault(d => d.FinancialYearStart == start)?.BeforeRecoupment.Total).ToList();
            var pupils = authorities.Select(a => Pupils(a.Code)).ToList();
            if (authorities.Count > 0 && grants.All(g => g is not null) && pupils.All(p => p is > 0))
            {
                var (grant, roll) = (grants.Sum()!.Value, pupils.Sum()!.Value);
                return Value("dsg-per-pupil", Math.Round(grant / roll, 0, MidpointRounding.AwayFromZero), source, Dsg, new FinancialYear(start).ToString(),
                    $"{Money.Format(grant)} over {roll:N0} pupils ({period} scorecard)");
            }
        }

        return Missing("dsg-per-pupil", source, Dsg, "no year with both the allocation and the pupils on roll for every authority in the area");
    }

    private static Figure Ilacs(EvidenceSnapshot data, string code)
    {
        const string source = "Ofsted inspections of local authority children's services";
        var latest = data.Rows(OfstedLa, "ilacs-latest", code).OrderByDescending(r => r.Period, StringComparer.Ordinal).FirstOrDefault();
        var judgement = latest?.Text("Overall effectiveness");
        var (label, unit) = Describe("ilacs");
        return judgement is null
            ? Missing("ilacs", source, OfstedLa, "Ofsted judges each authority; there is no judgement for a group of authorities")
            : new Figure("ilacs", label, unit, null, source, OfstedLa, PublishedPeriod.Label(latest!.Period), Text: judgement, Note: $"inspected {PublishedPeriod.Label(latest.Period)}");
    }
}
