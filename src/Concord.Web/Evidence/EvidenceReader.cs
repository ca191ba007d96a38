using System.Collections.Concurrent;
using Concord.Core;
using Concord.Core.PublicData;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Evidence;

/// <summary>
/// The public data the profiles read, held in memory and read again only when an import has
/// changed something (each request checks the small provenance table). Public data is the same
/// for everyone signed in, so one copy serves all.
/// </summary>
public sealed class EvidenceCache(ConcordDatabase database) : IDisposable
{
    /// <summary>How many responses are kept at most: comparisons are many combinations, and memory is not unbounded.</summary>
    public const int MaxResponsesKept = 1_000;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Current? _current;

    /// <summary>The statistics tables a profile reads, by dataset and table (other tables stay in the database).</summary>
    private static readonly (string Dataset, string Table)[] Tables =
    [
        (Core.PublicData.Profiles.Lait, string.Empty), (Core.PublicData.Profiles.Eyfsp, string.Empty), (Core.PublicData.Profiles.Attendance, string.Empty),
        (Core.PublicData.Profiles.Scorecards, string.Empty), (Core.PublicData.Profiles.SocialCare, "children-in-need"), (Core.PublicData.Profiles.SocialCare, "looked-after"),
        (Core.PublicData.Profiles.OfstedLa, "ilacs-latest"), (Core.PublicData.Profiles.Areas, "population-0-17"),
        (Core.Sufficiency.SufficiencyHistory.Sen2, string.Empty),
    ];

    public void Dispose() => _loading.Dispose();

    public async Task<EvidenceSnapshot> GetAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken)).Snapshot;

    /// <summary>An area's profile, computed once per import and year and then kept.</summary>
    public async Task<AreaProfile> ProfileAsync(string code, int? year, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        return current.Profiles.GetOrAdd((code, year), key => Core.PublicData.Profiles.Profile(current.Snapshot, key.Item1, key.Item2));
    }

    /// <summary>
    /// A response made from public data alone, the same for everyone signed in (an API's JSON), made once per import
    /// and kept under <paramref name="key"/>; after <see cref="MaxResponsesKept"/> new ones are made each time.
    /// </summary>
    public async Task<byte[]> ResponseAsync(string key, Func<Task<byte[]>> make, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (current.Responses.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var made = await make();
        if (current.Responses.Count < MaxResponsesKept)
        {
            current.Responses.TryAdd(key, made);
        }

        return made;
    }

    private async Task<Current> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = database.OpenAsSystem();
        var imports = await db.DatasetImports.AsNoTracking().OrderBy(i => i.Dataset).Select(i => i.Dataset + i.Sha256 + i.ImportedAt).ToListAsync(cancellationToken);
        var fingerprint = string.Join('|', imports);
        if (_current is { } current && current.Fingerprint == fingerprint)
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded && loaded.Fingerprint == fingerprint)
            {
                return loaded;
            }

            _current = new Current(fingerprint, await LoadAsync(db, cancellationToken), new(), new(StringComparer.Ordinal));
            return _current;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>What one import's public data gives: the snapshot, and the profiles and responses made from it so far.</summary>
    private sealed record Current(string Fingerprint, EvidenceSnapshot Snapshot, ConcurrentDictionary<(string, int?), AreaProfile> Profiles, ConcurrentDictionary<string, byte[]> Responses);

    private static async Task<EvidenceSnapshot> LoadAsync(ConcordDbContext db, CancellationToken cancellationToken)
    {
        var datasets = Tables.Select(t => t.Dataset).Distinct().ToList();
        var statistics = (await db.PublishedStatistics.AsNoTracking().Where(s => datasets.Contains(s.Dataset)).ToListAsync(cancellationToken))
            .Where(s => Tables.Contains((s.Dataset, s.Table))
                && (s.Dataset != Core.PublicData.Profiles.Eyfsp || s.Breakdown is Core.PublicData.Profiles.EyfspTotal or Core.PublicData.Profiles.EyfspFsm))
            .ToList();
        var inspections = await db.SchoolInspections.AsNoTracking()
            .Select(i => new SchoolInspection { Urn = i.Urn, Name = i.Name, LaNumber = i.LaNumber, Rating = i.Rating, InspectedOn = i.InspectedOn })
            .ToListAsync(cancellationToken);
        return new EvidenceSnapshot(
            await db.PublicAreas.AsNoTracking().ToListAsync(cancellationToken),
            await db.PopulationEstimates.AsNoTracking().ToListAsync(cancellationToken),
            statistics,
            await db.LsoaDeprivations.AsNoTracking().ToListAsync(cancellationToken),
            await db.Schools.AsNoTracking().ToListAsync(cancellationToken),
            inspections,
            await db.DsgAllocations.AsNoTracking().ToListAsync(cancellationToken));
    }
}

/// <summary>A side-by-side comparison: the chosen authorities, then the benchmarks, each with its profile.</summary>
public sealed record Comparison(IReadOnlyList<AreaProfile> Authorities, IReadOnlyList<AreaProfile> Benchmarks)
{
    public IReadOnlyList<AreaProfile> Columns => [.. Authorities, .. Benchmarks];
}

/// <summary>An LSOA placed on the map: where its centre is and how deprived it is.</summary>
public sealed record MapLsoa(string Code, string Name, string Ward, string AuthorityCode, double Longitude, double Latitude, int ImdDecile, int IdaciDecile);

/// <summary>Profiles, comparisons and the deprivation map, computed from the imported public data.</summary>
public sealed class EvidenceReader(EvidenceCache cache, ConcordDbContext db)
{
    public const int MaxAuthorities = 10;

    public async Task<AreaProfile?> ProfileAsync(string code, int? year, CancellationToken cancellationToken)
    {
        var data = await cache.GetAsync(cancellationToken);
        return data.Areas.TryGetValue(code, out var area) && area.Level == AreaLevel.LocalAuthority ? await cache.ProfileAsync(code, year, cancellationToken) : null;
    }

    /// <summary>The benchmarks for the chosen authorities: Greater Manchester when one of them is in it, their regions, and England.</summary>
    public static IReadOnlyList<string> BenchmarksFor(EvidenceSnapshot data, IReadOnlyList<string> codes) =>
    [
        .. codes.Any(Core.PublicData.Benchmarks.GreaterManchesterAuthorities.Contains) ? [Core.PublicData.Benchmarks.GreaterManchester] : Array.Empty<string>(),
        .. codes.Select(c => data.Areas.GetValueOrDefault(c)?.RegionCode).OfType<string>().Distinct().Order(StringComparer.Ordinal),
        Core.PublicData.Benchmarks.England,
    ];

    /// <summary>
    /// The chosen authorities side by side with their benchmarks; refused naming the parameter
    /// when a code is not an English local authority in the imported register.
    /// </summary>
    public async Task<Comparison> CompareAsync(IReadOnlyList<string> codes, int? year, CancellationToken cancellationToken)
    {
        var data = await cache.GetAsync(cancellationToken);
        Check(data, codes);
        var authorities = new List<AreaProfile>();
        foreach (var code in codes)
        {
            authorities.Add(await cache.ProfileAsync(code, year, cancellationToken));
        }

        var benchmarks = new List<AreaProfile>();
        foreach (var code in BenchmarksFor(data, codes))
        {
            benchmarks.Add(await cache.ProfileAsync(code, year, cancellationToken));
        }

        return new Comparison(authorities, benchmarks);
    }

    public static void Check(EvidenceSnapshot data, IReadOnlyList<string> codes)
    {
        if (codes.Count == 0)
        {
            throw new RuleViolationException([new("authorities", "Choose at least one local authority, by its ONS code (for example E08000007)")]);
        }

        if (codes.Count > MaxAuthorities)
        {
            throw new RuleViolationException([new("authorities", $"Choose at most {MaxAuthorities} local authorities")]);
        }

        var unknown = codes.Where(c => data.Areas.GetValueOrDefault(c)?.Level != AreaLevel.LocalAuthority).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException([new("authorities", $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not an English local authority" : "are not English local authorities")} in the imported data")]);
        }
    }

    /// <summary>The local authorities to choose from, by name.</summary>
    public async Task<IReadOnlyList<PublicArea>> AuthoritiesAsync(CancellationToken cancellationToken)
    {
        var data = await cache.GetAsync(cancellationToken);
        var latest = data.Areas.Values.Select(a => a.LastYear).DefaultIfEmpty().Max();
        return data.Areas.Values.Where(a => a.Level == AreaLevel.LocalAuthority && a.LastYear == latest).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The ONS codes of the authorities in the user's first partnership, for a comparison to start from.</summary>
    public async Task<IReadOnlyList<string>> PartnershipAuthoritiesAsync(CancellationToken cancellationToken) =>
        await db.Partnerships.OrderBy(p => p.Name).Take(1).SelectMany(p => p.Members).Select(m => m.Authority!.OnsCode).OrderBy(c => c).ToListAsync(cancellationToken);

    /// <summary>The chosen authorities' LSOAs with their centre points and deprivation deciles.</summary>
    public async Task<IReadOnlyList<MapLsoa>> MapAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var lsoas = await db.Lsoas.AsNoTracking().Where(l => codes.Contains(l.AuthorityCode) && l.Longitude != null && l.Latitude != null).ToListAsync(cancellationToken);
        var deprivation = await db.LsoaDeprivations.AsNoTracking().Where(d => codes.Contains(d.AuthorityCode)).ToDictionaryAsync(d => d.LsoaCode, cancellationToken);
        return lsoas.Where(l => deprivation.ContainsKey(l.Code))
            .Select(l => new MapLsoa(l.Code, l.Name, l.WardName, l.AuthorityCode, l.Longitude!.Value, l.Latitude!.Value, deprivation[l.Code].ImdDecile, deprivation[l.Code].IdaciDecile))
            .OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>"E08000007,E08000008" as codes, upper-cased, each once.</summary>
    public static IReadOnlyList<string> Codes(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).Distinct().ToList();
}
