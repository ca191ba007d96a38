using Concord.Core;
using Concord.Core.Access;
using Concord.Core.PublicData;
using Concord.Data;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.PublicData;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Schools;

/// <summary>A school of the register with its latest Ofsted judgement as shown in February 2020 (none when the scrape has no judgement for its URN).</summary>
public sealed record SchoolRow(School School, string? AuthorityCode, string? Rating, DateOnly? InspectedOn)
{
    public OfstedGrade? Grade => SchoolInspection.GradeOf(Rating);
}

/// <summary>A local authority one can list the schools of: its ONS code, name and DfE number.</summary>
public sealed record SchoolAuthority(string Code, string Name, int DfeNumber);

/// <summary>
/// Which schools to list: the authorities (null for every school on the register, English or not),
/// then optional filters, a search, the order and the page.
/// </summary>
public sealed record SchoolSearch
{
    public IReadOnlyList<SchoolAuthority>? Authorities { get; init; }

    public string? Phase { get; init; }

    public string? TypeGroup { get; init; }

    /// <summary>An Ofsted grade as <see cref="SchoolRegister.OfstedChoices"/> names it ("good", "none" …).</summary>
    public string? Ofsted { get; init; }

    /// <summary>A trust or other responsible body, by its exact name.</summary>
    public string? Trust { get; init; }

    /// <summary>Part of a name, a URN or the start of a postcode.</summary>
    public string? Query { get; init; }

    /// <summary>"name" (the default), "pupils", "fsm" or "ofsted".</summary>
    public string? Sort { get; init; }

    public int Page { get; init; } = 1;
}

/// <summary>A search as a page or the API asks for it, every part as written (checked by <see cref="SchoolRegister.SearchAsync"/>).</summary>
public sealed record SchoolQuery(string? Authority, string? Phase, string? TypeGroup, string? Ofsted, string? Trust, string? Q, string? Sort, int? Page);

/// <summary>A page of the schools found, with how many there are in all.</summary>
public sealed record SchoolList(IReadOnlyList<SchoolRow> Rows, int Total, int Page, int Pages, int PageSize);

/// <summary>One school with all the register says of it: its LSOA, ward and deprivation, and its Ofsted judgements as shown in February 2020.</summary>
public sealed record SchoolProfile(School School, string? AuthorityCode, SchoolInspection? Inspection, Lsoa? Lsoa, LsoaDeprivation? Deprivation);

/// <summary>
/// The register of schools: public data (GIAS, the capital allocations' responsible bodies, the
/// February 2020 Ofsted scrape, LSOAs and deprivation) that every signed-in person may read, for
/// any authority. By default it lists the schools of the authorities of the reader's
/// partnerships. Later school partnerships, Team Around the School and school improvement records
/// refer to a school by its URN.
/// </summary>
public sealed class SchoolRegister(ConcordDbContext db, IUserContext user)
{
    public const int PageSize = 50;

    /// <summary>The value of the authority choice for every school on the register.</summary>
    public const string AllAuthorities = "all";

    /// <summary>The Ofsted filter's choices: a grade, or no judgement in the scrape.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> OfstedChoices =
    [
        ("outstanding", "Outstanding"),
        ("good", "Good"),
        ("requires-improvement", "Requires improvement (or Satisfactory, before 2012)"),
        ("inadequate", "Inadequate"),
        ("none", "No judgement in the February 2020 data"),
    ];

    /// <summary>The orders a list can take, with how each reads.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> SortChoices =
    [
        ("name", "Name (A to Z)"),
        ("pupils", "Pupils (most first)"),
        ("fsm", "Free school meals % (highest first)"),
        ("ofsted", "Ofsted grade (Outstanding first)"),
    ];

    /// <summary>The phases in the order schools go through them.</summary>
    private static readonly string[] PhaseOrder = ["Nursery", "Primary", "Middle deemed primary", "Middle deemed secondary", "Secondary", "All-through", "16 plus", "Not applicable"];

    /// <summary>Every English local authority with schools on the register, by name.</summary>
    public async Task<IReadOnlyList<SchoolAuthority>> AuthoritiesAsync(CancellationToken cancellationToken)
    {
        var numbers = (await db.Schools.Select(s => s.LaNumber).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var register = await AreaRegister.LoadAsync(db, cancellationToken);
        return numbers.Select(n => register.CodeOf(n) is { } code ? new SchoolAuthority(code, register.Find(code)!.Name, n) : null)
            .OfType<SchoolAuthority>().OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The authorities of the reader's partnerships (Stockport and Tameside for the demo
    /// partnership); the reader's own council when it is in none; every authority when the
    /// reader works for none.
    /// </summary>
    public async Task<IReadOnlyList<SchoolAuthority>?> PartnershipAuthoritiesAsync(CancellationToken cancellationToken)
    {
        // The query filter keeps partnerships to those of the council the person works for.
        var members = (await db.Partnerships.AsNoTracking().ToListAsync(cancellationToken)).SelectMany(p => p.Members).Select(m => m.AuthorityId).ToHashSet();
        if (members.Count == 0 && user.ActiveAuthorityId is { } own)
        {
            members.Add(own);
        }

        if (members.Count == 0)
        {
            return null;
        }

        var codes = await db.Authorities.Where(a => members.Contains(a.Id)).Select(a => a.OnsCode).ToListAsync(cancellationToken);
        return (await AuthoritiesAsync(cancellationToken)).Where(a => codes.Contains(a.Code)).ToList();
    }

    /// <summary>
    /// The authorities named by ONS codes (separated by commas); "all" for every school; none
    /// given, the reader's partnerships'. An unknown code is refused naming the parameter.
    /// </summary>
    public async Task<IReadOnlyList<SchoolAuthority>?> ChosenAsync(string? authority, string parameter, CancellationToken cancellationToken)
    {
        var codes = (authority ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes.Length == 0)
        {
            return await PartnershipAuthoritiesAsync(cancellationToken);
        }

        if (codes.Any(c => string.Equals(c, AllAuthorities, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var known = await AuthoritiesAsync(cancellationToken);
        var register = await AreaRegister.LoadAsync(db, cancellationToken);
        var chosen = new List<SchoolAuthority>();
        foreach (var code in codes)
        {
            // An authority's earlier code (North Yorkshire's before 2023) names it too.
            var number = register.Find(code.ToUpperInvariant()) is { Level: AreaLevel.LocalAuthority, DfeNumber: { } n } ? n : (int?)null;
            chosen.Add(known.FirstOrDefault(a => a.DfeNumber == number)
                ?? throw new RuleViolationException([new RuleViolation(parameter, $"'{code}' is not the ONS code of an English local authority with schools, like E08000007 for Stockport")]));
        }

        return chosen.Distinct().ToList();
    }

    /// <summary>
    /// The search a query asks for, every part checked: the authorities (see <see cref="ChosenAsync"/>),
    /// a phase and type group the register has, an Ofsted choice, an order, a page of 1 or more.
    /// Every problem is refused together, each naming its part (Authority, Phase …).
    /// </summary>
    public async Task<SchoolSearch> SearchAsync(SchoolQuery query, CancellationToken cancellationToken)
    {
        var (phases, groups) = await KindsAsync(cancellationToken);
        var checks = new Checks();
        checks.Require(string.IsNullOrEmpty(query.Phase) || phases.Contains(query.Phase), "Phase", $"Select a phase: {string.Join(", ", phases)}");
        checks.Require(string.IsNullOrEmpty(query.TypeGroup) || groups.Contains(query.TypeGroup), "TypeGroup", $"Select a type of school: {string.Join(", ", groups)}");
        checks.Require(string.IsNullOrEmpty(query.Ofsted) || OfstedChoices.Any(c => c.Value == query.Ofsted), "Ofsted",
            $"Select an Ofsted grade: {string.Join(", ", OfstedChoices.Select(c => c.Value))}");
        checks.Require(string.IsNullOrEmpty(query.Sort) || SortChoices.Any(c => c.Value == query.Sort), "Sort", $"Select an order: {string.Join(", ", SortChoices.Select(c => c.Value))}");
        checks.Require(query.Page is null or >= 1, "Page", "The page must be 1 or more");
        IReadOnlyList<SchoolAuthority>? authorities = null;
        try
        {
            authorities = await ChosenAsync(query.Authority, "Authority", cancellationToken);
        }
        catch (RuleViolationException unknown)
        {
            checks.Fail(unknown.Violations[0].Field, unknown.Violations[0].Message);
        }

        checks.ThrowIfAny();
        return new SchoolSearch
        {
            Authorities = authorities,
            Phase = query.Phase,
            TypeGroup = query.TypeGroup,
            Ofsted = query.Ofsted,
            Trust = query.Trust,
            Query = query.Q,
            Sort = query.Sort,
            Page = query.Page ?? 1,
        };
    }

    /// <summary>The phases and type groups of the register, for the filters.</summary>
    public async Task<(IReadOnlyList<string> Phases, IReadOnlyList<string> TypeGroups)> KindsAsync(CancellationToken cancellationToken)
    {
        var phases = await db.Schools.Select(s => s.Phase).Distinct().ToListAsync(cancellationToken);
        var groups = await db.Schools.Select(s => s.TypeGroup).Distinct().ToListAsync(cancellationToken);
        return (phases.OrderBy(p => Array.IndexOf(PhaseOrder, p) is var i and >= 0 ? i : int.MaxValue).ThenBy(p => p, StringComparer.Ordinal).ToList(),
            groups.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The trusts and other responsible bodies of the authorities' schools, by name.</summary>
    public async Task<IReadOnlyList<string>> TrustsAsync(IReadOnlyList<SchoolAuthority>? authorities, CancellationToken cancellationToken) =>
        (await InAuthorities(db.Schools, authorities).Where(s => s.ResponsibleBody != null).Select(s => s.ResponsibleBody!).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal).ToList();

    private static IQueryable<School> InAuthorities(IQueryable<School> schools, IReadOnlyList<SchoolAuthority>? authorities)
    {
        if (authorities is null)
        {
            return schools;
        }

        var numbers = authorities.Select(a => a.DfeNumber).ToList();
        return schools.Where(s => numbers.Contains(s.LaNumber));
    }

    /// <summary>Every school the search finds, in its order (for a download); filters run in the database, the order here.</summary>
    public async Task<IReadOnlyList<SchoolRow>> FindAllAsync(SchoolSearch search, CancellationToken cancellationToken)
    {
        var schools = InAuthorities(db.Schools.AsNoTracking(), search.Authorities);
        if (!string.IsNullOrWhiteSpace(search.Phase))
        {
            schools = schools.Where(s => s.Phase == search.Phase);
        }

        if (!string.IsNullOrWhiteSpace(search.TypeGroup))
        {
            schools = schools.Where(s => s.TypeGroup == search.TypeGroup);
        }

        if (!string.IsNullOrWhiteSpace(search.Trust))
        {
            schools = schools.Where(s => s.ResponsibleBody == search.Trust);
        }

        if (search.Query?.Trim() is { Length: > 0 } query)
        {
            var lower = query.ToLowerInvariant();
            var postcode = query.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            var urn = int.TryParse(query, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : -1;
            schools = schools.Where(s => s.Urn == urn || s.Name.ToLower().Contains(lower)
                || (postcode.Length >= 2 && s.Postcode != null && s.Postcode.Replace(" ", string.Empty).StartsWith(postcode)));
        }

        var rows = await schools
            .LeftJoin(db.SchoolInspections.AsNoTracking(), s => s.Urn, i => i.Urn, (s, i) => new { School = s, Rating = i == null ? null : i.Rating, InspectedOn = i == null ? null : i.InspectedOn })
            .ToListAsync(cancellationToken);
        var register = await AreaRegister.LoadAsync(db, cancellationToken);
        var found = rows.Select(r => new SchoolRow(r.School, register.CodeOf(r.School.LaNumber), r.Rating, r.InspectedOn));
        if (search.Ofsted is { Length: > 0 } ofsted)
        {
            found = found.Where(r => GradeChoice(r.Grade) == ofsted);
        }

        return Sorted(found, search.Sort).ToList();
    }

    /// <summary>One page of the schools the search finds.</summary>
    public async Task<SchoolList> FindAsync(SchoolSearch search, CancellationToken cancellationToken)
    {
        var all = await FindAllAsync(search, cancellationToken);
        var pages = Math.Max(1, (int)Math.Ceiling(all.Count / (double)PageSize));
        var page = Math.Clamp(search.Page, 1, pages);
        return new SchoolList(all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), all.Count, page, pages, PageSize);
    }

    /// <summary>The Ofsted choice a grade falls under: "good", "none" …</summary>
    public static string GradeChoice(OfstedGrade? grade) => grade switch
    {
        OfstedGrade.Outstanding => "outstanding",
        OfstedGrade.Good => "good",
        OfstedGrade.RequiresImprovement => "requires-improvement",
        OfstedGrade.Inadequate => "inadequate",
        _ => "none",
    };

    private static IEnumerable<SchoolRow> Sorted(IEnumerable<SchoolRow> rows, string? sort)
    {
        var byName = StringComparer.OrdinalIgnoreCase;
        return sort switch
        {
            "pupils" => rows.OrderBy(r => r.School.Pupils is null).ThenByDescending(r => r.School.Pupils).ThenBy(r => r.School.Name, byName),
            "fsm" => rows.OrderBy(r => r.School.PercentageFsm is null).ThenByDescending(r => r.School.PercentageFsm).ThenBy(r => r.School.Name, byName),
            "ofsted" => rows.OrderBy(r => (int?)r.Grade ?? int.MaxValue).ThenBy(r => r.School.Name, byName),
            _ => rows.OrderBy(r => r.School.Name, byName).ThenBy(r => r.School.Urn),
        };
    }

    /// <summary>The school with the URN, its LSOA, ward, deprivation and Ofsted judgements; null when no open school has it.</summary>
    public async Task<SchoolProfile?> ProfileAsync(int urn, CancellationToken cancellationToken)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, cancellationToken);
        if (school is null)
        {
            return null;
        }

        var inspection = await db.SchoolInspections.AsNoTracking().SingleOrDefaultAsync(i => i.Urn == urn, cancellationToken);
        var lsoa = school.LsoaCode is { } code ? await db.Lsoas.AsNoTracking().SingleOrDefaultAsync(l => l.Code == code, cancellationToken) : null;
        var deprivation = school.LsoaCode is { } area ? await db.LsoaDeprivations.AsNoTracking().SingleOrDefaultAsync(d => d.LsoaCode == area, cancellationToken) : null;
        var register = await AreaRegister.LoadAsync(db, cancellationToken);
        return new SchoolProfile(school, register.CodeOf(school.LaNumber), inspection, lsoa, deprivation);
    }

    /// <summary>Where the register's figures come from: GIAS with the capital allocations, the Ofsted scrape, LSOAs, deprivation.</summary>
    public async Task<IReadOnlyDictionary<string, DatasetImport>> SourcesAsync(CancellationToken cancellationToken)
    {
        string[] keys = [SchoolImport.Key, SchoolInspectionImport.Key, LsoaImport.Key, DeprivationImport.Key];
        return await db.DatasetImports.AsNoTracking().Where(d => keys.Contains(d.Dataset)).ToDictionaryAsync(d => d.Dataset, cancellationToken);
    }

    /// <summary>How an Ofsted judgement from the scrape reads wherever it shows: the rating, when inspected, and as at when.</summary>
    public static string Judgement(string? rating, DateOnly? inspectedOn) => rating is null || inspectedOn is null
        ? "No judgement in the February 2020 data"
        : $"{rating} (inspected {Formats.Date(inspectedOn.Value)}; as shown in February 2020)";

    /// <summary>The columns of a download, the same as the page's table and more.</summary>
    public static readonly IReadOnlyList<ExportColumn<SchoolRow>> Columns =
    [
        new("URN", r => r.School.Urn),
        new("School", r => r.School.Name),
        new("Local authority", r => r.School.LaName),
        new("ONS code", r => r.AuthorityCode),
        new("DfE LA number", r => r.School.LaNumber),
        new("Establishment number", r => r.School.EstablishmentNumber),
        new("Phase", r => r.School.Phase),
        new("Type", r => r.School.Type),
        new("Type group", r => r.School.TypeGroup),
        new("Trust or responsible body", r => r.School.ResponsibleBody),
        new("Responsible body type", r => r.School.ResponsibleBodyType),
        new("Pupils", r => r.School.Pupils),
        new("Free school meals %", r => r.School.PercentageFsm),
        new("Town", r => r.School.Town),
        new("Postcode", r => r.School.Postcode),
        new("LSOA", r => r.School.LsoaCode),
        new($"Ofsted rating as shown in February 2020 (latest inspection {SchoolInspection.AsAt:yyyy-MM-dd})", r => r.Rating),
        new("Ofsted inspection date", r => r.InspectedOn),
    ];
}
