using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Sufficiency;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Sufficiency;

/// <summary>How many children with a primary need are in an age band, and how many of them need a specialist place.</summary>
public sealed record NeedAgeCount(NeedType Need, AgeBand Band, int Children, int NeedingSpecialistPlace);

/// <summary>How many children are in a kind of setting, in the council's own area, outside it, or where it is not known.</summary>
public sealed record SettingCount(SettingType Setting, int InBorough, int OutOfBorough, int NotKnown)
{
    public int Total => InBorough + OutOfBorough + NotKnown;
}

/// <summary>A child's record as the table shows it: their age this school year and the provision they attend, if in a register.</summary>
public sealed record ChildRow(EhcpRecord Record, int Age, string? ProvisionName);

/// <summary>
/// The council's current load of children with EHC plans, summarised: the load (synthetic or
/// uploaded), counts by need and age band with specialist places needed, where they are educated, and
/// a page of records.
/// </summary>
public sealed record ChildrenView(
    RegisterCouncil Council,
    EhcpBatch? Batch,
    int Records,
    int SchoolYear,
    IReadOnlyList<NeedAgeCount> Counts,
    IReadOnlyList<SettingCount> Settings,
    int InBoughtPlaces,
    IReadOnlyList<ChildRow> Page,
    int PageNumber,
    int Pages,
    bool AnySynthetic)
{
    public const int PageSize = 50;

    public int Children(NeedType need) => Counts.Where(c => c.Need == need).Sum(c => c.Children);

    public int Children(AgeBand band) => Counts.Where(c => c.Band == band).Sum(c => c.Children);

    public int Children(NeedType need, AgeBand band) => Counts.SingleOrDefault(c => c.Need == need && c.Band == band)?.Children ?? 0;

    public int Specialist(NeedType need) => Counts.Where(c => c.Need == need).Sum(c => c.NeedingSpecialistPlace);

    public int Specialist(AgeBand band) => Counts.Where(c => c.Band == band).Sum(c => c.NeedingSpecialistPlace);

    public int SpecialistTotal => Counts.Sum(c => c.NeedingSpecialistPlace);
}

/// <summary>
/// Reads the children with EHC plans of the council worked for, and only that council: a child's
/// record is never seen by another council's staff (the query filter hides it; this reader asks only
/// for the council's own). The school year is the one under way (from 1 September).
/// </summary>
public sealed class ChildrenRegister(ConcordDbContext db, ProvisionRegister register)
{
    /// <summary>The school year under way, by the year it started: 2026 from 1 September 2026 to 31 August 2027.</summary>
    public int SchoolYear => register.Today.Month >= 9 ? register.Today.Year : register.Today.Year - 1;

    public async Task<ChildrenView?> ViewAsync(int page, CancellationToken cancellationToken)
    {
        if (await register.OwnCouncilAsync(cancellationToken) is not { } council)
        {
            return null;
        }

        var batch = await db.EhcpBatches.AsNoTracking().OwnedBy(council.Id).OrderByDescending(b => b.LoadedAt).FirstOrDefaultAsync(cancellationToken);
        var records = db.EhcpRecords.AsNoTracking().OwnedBy(council.Id);
        var all = await records.Select(r => new { r.DateOfBirth, r.PrimaryNeed, r.Setting, r.SettingAreaCode, r.NeedsSpecialistPlace, r.ProvisionId, r.Synthetic })
            .ToListAsync(cancellationToken);
        var year = SchoolYear;
        var counts = all.GroupBy(r => (r.PrimaryNeed, Band: AgeBands.Of(Math.Max(0, AgeBands.AcademicAge(r.DateOfBirth, year)))))
            .Select(g => new NeedAgeCount(g.Key.PrimaryNeed, g.Key.Band, g.Count(), g.Count(r => r.NeedsSpecialistPlace)))
            .ToList();
        var settings = all.GroupBy(r => r.Setting).OrderBy(g => g.Key)
            .Select(g => new SettingCount(g.Key, g.Count(r => r.SettingAreaCode == council.OnsCode), g.Count(r => r.SettingAreaCode is not null && r.SettingAreaCode != council.OnsCode),
                g.Count(r => r.SettingAreaCode is null)))
            .ToList();

        var provisionIds = all.Where(r => r.ProvisionId is not null).Select(r => r.ProvisionId!.Value).Distinct().ToList();
        var provisions = await db.Provisions.AsNoTracking().Where(p => provisionIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Kind }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var bought = all.Count(r => r.ProvisionId is { } id && provisions.TryGetValue(id, out var p) && p.Kind.IsBought());

        var pages = Math.Max(1, (int)Math.Ceiling(all.Count / (double)ChildrenView.PageSize));
        var number = Math.Clamp(page, 1, pages);
        var rows = (await records.OrderBy(r => r.Reference).Skip((number - 1) * ChildrenView.PageSize).Take(ChildrenView.PageSize).ToListAsync(cancellationToken))
            .Select(r => new ChildRow(r, r.AgeIn(year), r.ProvisionId is { } id && provisions.TryGetValue(id, out var p) ? p.Name : null))
            .ToList();
        return new ChildrenView(council, batch, all.Count, year, counts, settings, bought, rows, number, pages, all.Any(r => r.Synthetic) || batch?.Synthetic == true);
    }
}
