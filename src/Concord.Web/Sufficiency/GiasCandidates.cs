using Concord.Core;
using Concord.Core.PublicData;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.PublicData;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Sufficiency;

/// <summary>A real setting on GIAS that a council may add to its register, with what "Add from GIAS" would record.</summary>
public sealed record GiasCandidate(School School, ProvisionKind Kind, string AreaCode, string AreaName, double? DistanceKm, int? OfstedAgeFrom, int? OfstedAgeTo)
{
    public bool OutsideArea => DistanceKm is not null;

    public GeoPoint Location => new(School.Latitude!.Value, School.Longitude!.Value);

    public ProvisionDetails Details =>
        GiasProvisions.Details(School.Urn, School.Name, Kind, School.Type, AreaCode, AreaName, Location, School.Pupils, OfstedAgeFrom, OfstedAgeTo);
}

/// <summary>
/// What a council may add from GIAS: the specialist settings in its own area, and the independent
/// and non-maintained special schools outside it within <see cref="GiasProvisions.OutOfAreaKm"/> km
/// of its centre; leaving out those already in its register.
/// </summary>
public sealed record GiasChoice(RegisterCouncil Council, IReadOnlyList<GiasCandidate> InArea, IReadOnlyList<GiasCandidate> Nearby, GeoPoint? Centre, int Lsoas, int AlreadyInRegister)
{
    public IEnumerable<GiasCandidate> All => InArea.Concat(Nearby);
}

/// <summary>Finds and adds settings from the imported GIAS register (public data) to the register of the council worked for.</summary>
public sealed class GiasCandidates(ConcordDbContext db, ProvisionRegister register)
{
    /// <summary>The independent and non-maintained special school types offered outside the council's area.</summary>
    private static readonly string[] IndependentTypes = ["Other independent special school", "Non-maintained special school"];

    public async Task<GiasChoice> ForAsync(RegisterCouncil council, CancellationToken cancellationToken)
    {
        var inRegister = (await db.Provisions.AsNoTracking().OwnedBy(council.Id).Where(p => p.Urn != null).Select(p => p.Urn!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var areas = await AreaRegister.LoadAsync(db, cancellationToken);

        var own = (await db.Schools.AsNoTracking().Where(s => s.LaNumber == council.DfeCode && s.Latitude != null && s.Longitude != null).ToListAsync(cancellationToken))
            .Where(s => GiasProvisions.KindOf(s.Type) is not null).ToList();

        var lsoas = await db.Lsoas.AsNoTracking().Where(l => l.AuthorityCode == council.OnsCode && l.Latitude != null && l.Longitude != null)
            .Select(l => new { l.Latitude, l.Longitude }).ToListAsync(cancellationToken);
        GeoPoint? centre = lsoas.Count == 0 ? null : new GeoPoint(lsoas.Average(l => l.Latitude!.Value), lsoas.Average(l => l.Longitude!.Value));
        var nearby = new List<(School School, double Km)>();
        if (centre is { } middle)
        {
            nearby = (await db.Schools.AsNoTracking()
                    .Where(s => IndependentTypes.Contains(s.Type) && s.LaNumber != council.DfeCode && s.Latitude != null && s.Longitude != null).ToListAsync(cancellationToken))
                .Select(s => (School: s, Km: middle.KmTo(new GeoPoint(s.Latitude!.Value, s.Longitude!.Value))))
                .Where(x => x.Km <= GiasProvisions.OutOfAreaKm && areas.CodeOf(x.School.LaNumber) is not null)
                .ToList();
        }

        var urns = own.Select(s => s.Urn).Concat(nearby.Select(n => n.School.Urn)).ToList();
        var ages = await db.SchoolInspections.AsNoTracking().Where(i => urns.Contains(i.Urn))
            .Select(i => new { i.Urn, i.AgeFrom, i.AgeTo }).ToDictionaryAsync(i => i.Urn, cancellationToken);

        GiasCandidate Candidate(School school, double? km)
        {
            var code = areas.CodeOf(school.LaNumber) ?? council.OnsCode;
            var age = ages.GetValueOrDefault(school.Urn);
            return new GiasCandidate(school, GiasProvisions.KindOf(school.Type)!.Value, code, areas.Find(code)?.Name ?? school.LaName, km, age?.AgeFrom, age?.AgeTo);
        }

        var byName = StringComparer.OrdinalIgnoreCase;
        return new GiasChoice(
            council,
            own.Where(s => !inRegister.Contains(s.Urn)).Select(s => Candidate(s, null)).OrderBy(c => c.Kind).ThenBy(c => c.School.Name, byName).ToList(),
            nearby.Where(n => !inRegister.Contains(n.School.Urn)).OrderBy(n => n.Km).Select(n => Candidate(n.School, n.Km)).ToList(),
            centre,
            lsoas.Count,
            own.Count(s => inRegister.Contains(s.Urn)) + nearby.Count(n => inRegister.Contains(n.School.Urn)));
    }

    /// <summary>
    /// Adds the chosen settings (by URN) to the register of the council worked for, as "Add from GIAS"
    /// makes them; refuses them all, naming each, when any is not on offer. The caller saves.
    /// </summary>
    public async Task<IReadOnlyList<Provision>> AddAsync(RegisterCouncil council, IReadOnlyCollection<int> urns, CancellationToken cancellationToken)
    {
        var checks = new Checks();
        checks.Require(urns.Count > 0, "Urns", "Select at least one setting to add");
        var choice = await ForAsync(council, cancellationToken);
        var offered = choice.All.ToDictionary(c => c.School.Urn);
        foreach (var urn in urns.Where(u => !offered.ContainsKey(u)))
        {
            checks.Fail("Urns", $"URN {urn} is not a setting you can add from GIAS: it is already in {council.Name}'s register, or not a special school, AP or independent special school in or near {council.Name}");
        }

        checks.ThrowIfAny();
        var added = new List<Provision>();
        foreach (var urn in urns.Distinct())
        {
            added.Add(await register.ApplyAsync(null, offered[urn].Details, cancellationToken));
        }

        return added;
    }
}
