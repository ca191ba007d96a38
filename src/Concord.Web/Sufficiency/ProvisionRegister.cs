using System.Globalization;
using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Partnerships;
using Concord.Core.PublicData;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Sufficiency;

/// <summary>A council whose provision register a reader may see: the council they work for, or one of its partners.</summary>
public sealed record RegisterCouncil(Guid Id, string Name, string OnsCode, int DfeCode);

/// <summary>A provision as a list shows it: its council, its cost of a place (its own or its council's band) and its places next September.</summary>
public sealed record ProvisionRow(Provision Provision, RegisterCouncil Council, decimal CostPerPlace, bool DefaultBand, int PlacesNextSeptember)
{
    /// <summary>Whether it stands outside its council's own area (an out-of-area independent school, say).</summary>
    public bool OutsideArea => !string.Equals(Provision.AreaCode, Council.OnsCode, StringComparison.Ordinal);
}

/// <summary>Which provisions to list, as a page or the API asks, every part as written.</summary>
public sealed record ProvisionQuery(string? Authority, string? Kind, string? Need, string? Q);

/// <summary>Which provisions to list, checked: the councils, and optionally a kind, a need and a search.</summary>
public sealed record ProvisionSearch(IReadOnlyList<RegisterCouncil> Councils, ProvisionKind? Kind, NeedType? Need, string? Query);

/// <summary>The provisions found, with totals, and the date "places next September" counts on.</summary>
public sealed record ProvisionList(IReadOnlyList<ProvisionRow> Rows, DateOnly NextSeptember)
{
    public int CommissionedPlaces => Rows.Sum(r => r.Provision.CommissionedPlaces);

    public int PhysicalPlaces => Rows.Sum(r => r.Provision.PhysicalPlaces);

    public int PlacesNextSeptember => Rows.Sum(r => r.PlacesNextSeptember);

    /// <summary>What the places next September cost a year, each at its own cost or its council's band.</summary>
    public decimal AnnualCostNextSeptember => Rows.Sum(r => r.PlacesNextSeptember * r.CostPerPlace);
}

/// <summary>An English local authority a provision may stand in, from the register of areas.</summary>
public sealed record AreaChoice(string Code, string Name, int? DfeNumber);

/// <summary>
/// The SEND provision registers: each council's special schools, resourced provision and units,
/// AP and independent places. The database's query filters let a council's staff read its own
/// register and those of the councils it shares a partnership with (never others'); the write
/// guard lets only its own staff change it. This reader adds the register's own rules: an area
/// code must be an English authority, a URN is in a council's register once, a location may come
/// from GIAS.
/// </summary>
public sealed class ProvisionRegister(ConcordDbContext db, IUserContext user, TimeProvider clock)
{
    public Guid? WorkingFor => user.ActiveAuthorityId;

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => Formats.UkDate(Now);

    /// <summary>The next 1 September after today: when the next school year starts, and what the register's places are counted for.</summary>
    public DateOnly NextSeptember => NextSeptemberAfter(Today);

    public static DateOnly NextSeptemberAfter(DateOnly today) => today < new DateOnly(today.Year, 9, 1) ? new DateOnly(today.Year, 9, 1) : new DateOnly(today.Year + 1, 9, 1);

    /// <summary>The council worked for; null when the person works for none.</summary>
    public async Task<RegisterCouncil?> OwnCouncilAsync(CancellationToken cancellationToken) =>
        user.ActiveAuthorityId is { } own ? (await CouncilsByIdAsync([own], cancellationToken)).SingleOrDefault() : null;

    /// <summary>The councils whose registers the reader sees: their own and every partner's in their partnerships, by name.</summary>
    public async Task<IReadOnlyList<RegisterCouncil>> ReadableCouncilsAsync(CancellationToken cancellationToken)
    {
        // The query filter keeps partnerships to those of the council the person works for.
        var ids = (await db.Partnerships.AsNoTracking().ToListAsync(cancellationToken)).SelectMany(p => p.Members).Select(m => m.AuthorityId).ToHashSet();
        if (user.ActiveAuthorityId is { } own)
        {
            ids.Add(own);
        }

        return await CouncilsByIdAsync(ids, cancellationToken);
    }

    private async Task<IReadOnlyList<RegisterCouncil>> CouncilsByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await db.Authorities.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
            .OrderBy(a => a.Name, StringComparer.Ordinal).Select(Council).ToList();

    public static RegisterCouncil Council(Authority a) => new(a.Id, a.Name, a.OnsCode, a.DfeCode);

    /// <summary>
    /// The search a query asks for, every part checked together: the councils by ONS code (separated
    /// by commas; none, the reader's own and partners'), a kind by name, a need by code. An authority
    /// that is not one of Concord's councils is refused; one whose register the reader may not see
    /// is kept, and lists nothing.
    /// </summary>
    public async Task<ProvisionSearch> SearchAsync(ProvisionQuery query, CancellationToken cancellationToken)
    {
        var checks = new Checks();
        var kind = ProvisionKinds.Parse(query.Kind);
        checks.Require(string.IsNullOrWhiteSpace(query.Kind) || kind is not null, "Kind",
            $"'{query.Kind}' is not a kind of provision: use {string.Join(", ", ProvisionKinds.All)}");
        var need = Needs.Parse(query.Need);
        checks.Require(string.IsNullOrWhiteSpace(query.Need) || need is not null, "Need", $"'{query.Need}' is not a need code: use {Needs.Codes}");

        IReadOnlyList<RegisterCouncil> councils = [];
        var codes = (query.Authority ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes.Length == 0)
        {
            councils = await ReadableCouncilsAsync(cancellationToken);
        }
        else
        {
            var upper = codes.Select(c => c.ToUpperInvariant()).ToList();
            var known = (await db.Authorities.AsNoTracking().Where(a => upper.Contains(a.OnsCode)).ToListAsync(cancellationToken)).Select(Council).ToList();
            foreach (var code in upper.Where(c => known.All(k => k.OnsCode != c)))
            {
                checks.Fail("Authority", $"'{code}' is not the ONS code of a council on Concord, like E08000007 for Stockport");
            }

            councils = known.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }

        checks.ThrowIfAny();
        return new ProvisionSearch(councils, kind, need, string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim());
    }

    /// <summary>The provisions the search finds, in the councils' registers the reader may see, by council and name.</summary>
    public async Task<ProvisionList> ListAsync(ProvisionSearch search, CancellationToken cancellationToken)
    {
        var ids = search.Councils.Select(c => c.Id).ToList();
        var query = db.Provisions.AsNoTracking().Where(p => ids.Contains(p.AuthorityId));
        if (search.Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }

        var provisions = await query.ToListAsync(cancellationToken);
        IEnumerable<Provision> found = provisions;
        if (search.Need is { } need)
        {
            found = found.Where(p => p.Needs.Contains(need));
        }

        if (search.Query is { } text)
        {
            var urn = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
            found = found.Where(p => p.Urn == urn || p.Name.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        var settings = await SettingsAsync(ids, cancellationToken);
        var councils = search.Councils.ToDictionary(c => c.Id);
        var september = NextSeptember;
        var rows = found
            .Select(p => Row(p, councils[p.AuthorityId], settings[p.AuthorityId], september))
            .OrderBy(r => r.Council.Name, StringComparer.Ordinal).ThenBy(r => r.Provision.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ProvisionList(rows, september);
    }

    public static ProvisionRow Row(Provision p, RegisterCouncil council, SufficiencySettings settings, DateOnly september) =>
        new(p, council, p.CostPerPlace(settings), p.AnnualCostPerPlace is null, p.PlacesOn(september));

    /// <summary>Each council's assumptions as saved, or Concord's defaults where it has saved none.</summary>
    public async Task<IReadOnlyDictionary<Guid, SufficiencySettings>> SettingsAsync(IReadOnlyCollection<Guid> authorityIds, CancellationToken cancellationToken)
    {
        var saved = await db.SufficiencySettings.AsNoTracking().Where(s => authorityIds.Contains(s.AuthorityId)).ToDictionaryAsync(s => s.AuthorityId, cancellationToken);
        return authorityIds.Distinct().ToDictionary(id => id, id => saved.GetValueOrDefault(id) ?? SufficiencySettings.Default(id));
    }

    /// <summary>A provision the reader may see, tracked for a change; null when there is none or it is another council's not shared with theirs.</summary>
    public Task<Provision?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Provisions.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>A provision with its council and its cost, as its page shows it; null when the reader may not see it.</summary>
    public async Task<ProvisionRow?> RowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Provisions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } provision ||
            (await CouncilsByIdAsync([provision.AuthorityId], cancellationToken)).SingleOrDefault() is not { } council)
        {
            return null;
        }

        var settings = await SettingsAsync([provision.AuthorityId], cancellationToken);
        return Row(provision, council, settings[provision.AuthorityId], NextSeptember);
    }

    /// <summary>Whether the reader may change the provision: it is in the register of the council they work for (the write guard checks their role).</summary>
    public bool IsOwn(Provision provision) => provision.AuthorityId == user.ActiveAuthorityId;

    /// <summary>Every current English local authority in the register of areas, by name, for the area a provision stands in.</summary>
    public async Task<IReadOnlyList<AreaChoice>> AreasAsync(CancellationToken cancellationToken) => _areas ??= await LoadAreasAsync(cancellationToken);

    private IReadOnlyList<AreaChoice>? _areas;

    private async Task<IReadOnlyList<AreaChoice>> LoadAreasAsync(CancellationToken cancellationToken)
    {
        var authorities = await db.PublicAreas.AsNoTracking().Where(a => a.Level == AreaLevel.LocalAuthority).ToListAsync(cancellationToken);
        if (authorities.Count == 0)
        {
            return [];
        }

        var latest = authorities.Max(a => a.LastYear);
        return authorities.Where(a => a.LastYear == latest).OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new AreaChoice(a.Code, a.Name, a.DfeNumber)).ToList();
    }

    /// <summary>
    /// The details as they will be saved: the area's name from the register of areas (an area code
    /// that is not a current English authority is refused), and the location from GIAS when none is
    /// given and the URN is a school on it.
    /// </summary>
    private async Task<(ProvisionDetails Details, List<RuleViolation> Problems)> CompleteAsync(ProvisionDetails details, CancellationToken cancellationToken)
    {
        var problems = new List<RuleViolation>();
        var code = details.AreaCode?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(code))
        {
            var areas = await AreasAsync(cancellationToken);
            if (areas.FirstOrDefault(a => a.Code == code) is { } area)
            {
                details = details with { AreaCode = area.Code, AreaName = area.Name };
            }
            else if (areas.Count > 0)
            {
                problems.Add(new RuleViolation("AreaCode", $"'{details.AreaCode!.Trim()}' is not the ONS code of a current English local authority, like E08000007 for Stockport"));
            }
        }

        if (details.Urn is { } urn && details.Latitude is null && details.Longitude is null &&
            await db.Schools.AsNoTracking().Where(s => s.Urn == urn).Select(s => new { s.Latitude, s.Longitude }).SingleOrDefaultAsync(cancellationToken) is { Latitude: { } lat, Longitude: { } lon })
        {
            details = details with { Latitude = lat, Longitude = lon };
        }

        return (details, problems);
    }

    /// <summary>
    /// Changes the provision (a new one when <paramref name="provision"/> is null, in the register of
    /// the council worked for), or refuses every problem at once, with those already found in what
    /// was sent (<paramref name="found"/>: an unknown need code, say); the caller saves.
    /// </summary>
    public async Task<Provision> ApplyAsync(Provision? provision, ProvisionDetails details, CancellationToken cancellationToken, IReadOnlyList<RuleViolation>? found = null)
    {
        var (complete, problems) = await CompleteAsync(details, cancellationToken);
        problems.InsertRange(0, found ?? []);
        if (complete.Urn is { } urn && await db.Provisions.OwnedBy(user.ActiveAuthorityId).AnyAsync(p => p.Urn == urn && p.Id != (provision == null ? Guid.Empty : provision.Id), cancellationToken))
        {
            problems.Add(new RuleViolation("Urn", $"The URN {urn} is already in your council's register: change that entry instead"));
        }

        var authorityId = user.ActiveAuthorityId ?? throw new AccessDeniedException("Choose the council you are working for before adding to its register.");
        var broken = new List<RuleViolation>();
        var changed = provision;
        try
        {
            if (changed is null)
            {
                changed = Provision.Create(authorityId, complete);
            }
            else if (problems.Count == 0)
            {
                changed.Change(complete);
            }
            else
            {
                // Checked on a copy, so that the provision is left as it was when any problem is found.
                Provision.Create(authorityId, complete);
            }
        }
        catch (RuleViolationException refused)
        {
            broken.AddRange(refused.Violations);
        }

        RuleViolationException.ThrowIfAny([.. broken.Where(v => problems.All(p => p.Field != v.Field)), .. problems]);
        if (provision is null)
        {
            db.Provisions.Add(changed!);
        }

        return changed!;
    }

    /// <summary>The columns of a download, as the list shows them and more.</summary>
    public static readonly IReadOnlyList<ExportColumn<ProvisionRow>> Columns =
    [
        new("Name", r => r.Provision.Name),
        new("URN", r => r.Provision.Urn),
        new("Council", r => r.Council.Name),
        new("Council ONS code", r => r.Council.OnsCode),
        new("Kind", r => r.Provision.Kind.ToString()),
        new("Kind (in words)", r => r.Provision.Kind.Display()),
        new("Area code", r => r.Provision.AreaCode),
        new("Area", r => r.Provision.AreaName),
        new("Outside the council's area", r => r.OutsideArea ? "yes" : "no"),
        new("Latitude", r => r.Provision.Latitude),
        new("Longitude", r => r.Provision.Longitude),
        new("Age from", r => r.Provision.AgeFrom),
        new("Age to", r => r.Provision.AgeTo),
        new("Needs", r => string.Join(';', r.Provision.Needs.Select(n => n.Code()))),
        new("Commissioned places", r => r.Provision.CommissionedPlaces),
        new("Physical places", r => r.Provision.PhysicalPlaces),
        new("Places on the next 1 September", r => r.PlacesNextSeptember),
        new("Annual cost per place", r => r.CostPerPlace),
        new("Cost is the council's default band", r => r.DefaultBand ? "yes" : "no"),
        new("Opens", r => r.Provision.Opens),
        new("Closes", r => r.Provision.Closes),
        new("Planned changes", r => string.Join("; ", r.Provision.PlannedChanges.Select(c => $"{c.From:yyyy-MM-dd} {c.Places:+0;-0}{(c.Note is null ? string.Empty : $" ({c.Note})")}"))),
        new("Notes", r => r.Provision.Notes),
    ];
}
