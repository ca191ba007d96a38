using Concord.Core.Partnerships;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.Sufficiency;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure.Demo;

/// <summary>
/// The councils' SEND provision registers and sufficiency assumptions. Each register is built from
/// the real settings on the imported GIAS register in the council's area, as "Add from GIAS" makes
/// them (places from pupils on roll, default designations to check). Stockport's also has entries
/// labelled illustrative in their notes, from the councils' sufficiency reports: resourced
/// provision at two mainstream schools with "+24 primary" and "+18 secondary" places planned from
/// September 2026; a new 133-place secondary special free school for complex learning disability and
/// autism opening on 1 September 2027; and two independent special schools outside the area, within
/// 40 km. Both councils start from Concord's default assumptions. Registers are added only once GIAS
/// is imported (public data is imported before the demo).
/// </summary>
internal sealed class SufficiencyDemo(ConcordDbContext db, Authority stockport, Authority tameside, TimeProvider clock)
{
    public const string Illustrative = "Illustrative: an example for the demo, not a record of the council's.";

    /// <summary>Stockport town centre, where the new special free school is placed if no LSOA centre points are imported.</summary>
    private static readonly GeoPoint StockportCentre = new(53.4083, -2.1494);

    /// <summary>The default assumptions for each council that has none.</summary>
    public async Task<int> SeedAssumptionsAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var council in new[] { stockport, tameside })
        {
            if (!await db.SufficiencySettings.AnyAsync(s => s.AuthorityId == council.Id, cancellationToken))
            {
                db.SufficiencySettings.Add(SufficiencySettings.Default(council.Id));
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>The registers, for each council that has none; nothing while GIAS is not imported. Returns the provisions added.</summary>
    public async Task<int> SeedRegistersAsync(CancellationToken cancellationToken)
    {
        if (!await db.Schools.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var gias = new GiasCandidates(db, new ProvisionRegister(db, db.User, clock));
        var added = 0;
        foreach (var council in new[] { stockport, tameside })
        {
            if (await db.Provisions.AnyAsync(p => p.AuthorityId == council.Id, cancellationToken))
            {
                continue;
            }

            var choice = await gias.ForAsync(ProvisionRegister.Council(council), cancellationToken);
            var provisions = choice.InArea.Select(c => Provision.Create(council.Id, c.Details)).ToList();
            if (council.Id == stockport.Id)
            {
                provisions.AddRange(await StockportIllustrativeAsync(choice, cancellationToken));
            }

            db.Provisions.AddRange(provisions);
            added += provisions.Count;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<IEnumerable<Provision>> StockportIllustrativeAsync(GiasChoice choice, CancellationToken cancellationToken)
    {
        var provisions = new List<Provision>();
        var area = await db.PublicAreas.AsNoTracking().Where(a => a.Code == stockport.OnsCode).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? stockport.Name;

        // Resourced provision at two real mainstream schools, with the places planned from September 2026.
        foreach (var (urn, from, to, physical, places, note) in new[]
        {
            (133326, 4, 11, 36, 24, "primary resourced places from September 2026"),
            (106135, 11, 16, 30, 18, "secondary resourced places from September 2026"),
        })
        {
            if (await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, cancellationToken) is not { Latitude: { } lat, Longitude: { } lon } school)
            {
                continue;
            }

            provisions.Add(Provision.Create(stockport.Id, new ProvisionDetails(
                urn, $"{school.Name} resourced provision", ProvisionKind.ResourcedProvision, stockport.OnsCode, area, lat, lon, from, to, 12, physical,
                [NeedType.Asd, NeedType.Slcn], null, null, null, [new PlannedChange(new DateOnly(2026, 9, 1), places, note)],
                $"{Illustrative} Resourced places for autism and communication needs in a mainstream school: 12 places, with +{places} {note}.")));
        }

        // A new secondary special free school for complex learning disability and autism.
        var centre = choice.Centre ?? StockportCentre;
        provisions.Add(Provision.Create(stockport.Id, new ProvisionDetails(
            null, "New secondary special free school (complex learning disability and autism)", ProvisionKind.SpecialSchool, stockport.OnsCode, area,
            Math.Round(centre.Latitude, 4), Math.Round(centre.Longitude, 4), 11, 19, 133, 133, [NeedType.Asd, NeedType.Sld], null, new DateOnly(2027, 9, 1), null, [],
            $"{Illustrative} A new 133-place secondary special free school (105 pre-16, 20 post-16) for complex learning disability and autism, opening on 1 September 2027. Placed at the centre of Stockport until its site is known.")));

        // Two independent special schools outside the area, within 40 km, whose places are bought.
        provisions.AddRange(choice.Nearby.Take(2).Select(c => Provision.Create(stockport.Id, c.Details with
        {
            CommissionedPlaces = Math.Min(4, c.Details.CommissionedPlaces!.Value),
            Notes = $"{Illustrative} Places Stockport buys at an independent special school outside its area. {c.Details.Notes}",
        })));
        return provisions;
    }

    /// <summary>
    /// Synthetic children with EHC plans for each council that has no load, calibrated to its real
    /// total (LAIT, EHC plans at January) as "Generate synthetic records" makes them. Returns the children added.
    /// </summary>
    public async Task<int> SeedChildrenAsync(EvidenceSnapshotSource evidence, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var council in new[] { stockport, tameside })
        {
            if (await db.EhcpBatches.AnyAsync(b => b.AuthorityId == council.Id, cancellationToken)
                || SufficiencyHistory.Plans(await evidence(cancellationToken), council.OnsCode) is not { Count: > 0 } plans)
            {
                continue;
            }

            var lsoas = await (from lsoa in db.Lsoas.AsNoTracking()
                               join deprivation in db.LsoaDeprivations.AsNoTracking() on lsoa.Code equals deprivation.LsoaCode
                               where lsoa.AuthorityCode == council.OnsCode && lsoa.Latitude != null && lsoa.Longitude != null
                               select new { lsoa.Code, lsoa.Latitude, lsoa.Longitude, deprivation.Children }).ToListAsync(cancellationToken);
            if (lsoas.Count == 0)
            {
                continue;
            }

            var settings = await db.SufficiencySettings.AsNoTracking().FirstOrDefaultAsync(x => x.AuthorityId == council.Id, cancellationToken) ?? SufficiencySettings.Default(council.Id);
            var authority = new GeneratorAuthority(council.Id, council.OnsCode, council.Name, plans[^1].Plans, settings,
                lsoas.OrderBy(l => l.Code, StringComparer.Ordinal).Select(l => new GeneratorLsoa(l.Code, new GeoPoint(l.Latitude!.Value, l.Longitude!.Value), l.Children)).ToList());
            var provisions = await db.Provisions.AsNoTracking().Where(p => p.AuthorityId == council.Id).ToListAsync(cancellationToken);
            var asAt = Core.Formats.UkDate(clock.GetUtcNow());
            var records = EhcpGenerator.Generate(authority, provisions, asAt, seed: 1);
            var batch = EhcpBatch.Create(council.Id, synthetic: true, "Generated by Concord (seed 1) for the demo", records.Count, plans[^1].Plans,
                $"DfE Local Authority Interactive Tool, EHC plans at January {plans[^1].Year}", asAt, clock.GetUtcNow(), db.User.DisplayName);
            await EhcpUpload.ReplaceAsync(db, council.Id, batch, records, cancellationToken);
            added += records.Count;
        }

        return added;
    }

    /// <summary>
    /// A scenario for the partnership, from the councils' sufficiency reports (illustrative): the
    /// new special free school a year earlier, +72 secondary resourced places, and growth held at
    /// 2 EHC plans per 1,000 a year.
    /// </summary>
    public async Task<bool> SeedScenarioAsync(Partnership partnership, CancellationToken cancellationToken)
    {
        var provisions = await db.Provisions.Where(p => p.AuthorityId == stockport.Id || p.AuthorityId == tameside.Id).ToListAsync(cancellationToken);
        var school = provisions.FirstOrDefault(p => p.Opens is not null && p.Kind == ProvisionKind.SpecialSchool);
        var resourced = provisions.FirstOrDefault(p => p.Kind == ProvisionKind.ResourcedProvision && p.AgeFrom >= 11);
        if (school is null || resourced is null || await db.Scenarios.AnyAsync(s => s.PartnershipId == partnership.Id, cancellationToken))
        {
            return false;
        }

        db.Scenarios.Add(Scenario.Create(partnership.Id, "Free school a year early, more resourced places",
            $"{Illustrative} What if the new secondary special free school opened in September 2026, 72 more secondary resourced places followed in September 2027, and EHC plans grew by 2 per 1,000 aged 0 to 25 a year?",
            PlanMode.Sharing,
            [
                new ScenarioChange(ScenarioChangeKind.CloseProvision, school.Id, From: new DateOnly(2036, 9, 1), Note: "Replaced by the same school opening a year early"),
                new ScenarioChange(ScenarioChangeKind.OpenProvision, From: new DateOnly(2026, 9, 1), Provision: new NewProvision(school.Name + " (a year early)", school.Kind, school.AuthorityId,
                    school.AreaCode, school.Latitude, school.Longitude, school.AgeFrom, school.AgeTo, school.Needs, school.CommissionedPlaces, null)),
                new ScenarioChange(ScenarioChangeKind.AddPlaces, resourced.Id, Places: 72, From: new DateOnly(2027, 9, 1)),
                new ScenarioChange(ScenarioChangeKind.ChangeGrowth, Growth: 2m),
            ],
            provisions, [stockport.Id, tameside.Id]));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>The public data the demo's children are calibrated to.</summary>
internal delegate Task<Core.PublicData.EvidenceSnapshot> EvidenceSnapshotSource(CancellationToken cancellationToken);
