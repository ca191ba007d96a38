using Concord.Core.PublicData;
using Microsoft.EntityFrameworkCore;

namespace Concord.Data;

/// <summary>How imported public data and its provenance are stored: compact rows, lists as JSON, indexed the way pages read them.</summary>
internal static class PublicDataModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<PopulationEstimate>(estimate =>
        {
            estimate.HasIndex(e => new { e.Year, e.AreaCode }).IsUnique();
            estimate.Property(e => e.Dataset).HasMaxLength(50);
            estimate.Property(e => e.AreaCode).HasMaxLength(9);
            estimate.Property(e => e.AreaName).HasMaxLength(100);
            estimate.Property(e => e.Geography).HasMaxLength(50);
            FinanceModel.Json(estimate.Property(e => e.ByAge));
        });
        builder.Entity<DatasetImport>(import =>
        {
            import.HasIndex(i => i.Dataset).IsUnique();
            import.Property(i => i.Dataset).HasMaxLength(100);
            import.Property(i => i.Title).HasMaxLength(300);
            import.Property(i => i.Publisher).HasMaxLength(300);
            import.Property(i => i.Licence).HasMaxLength(200);
            import.Property(i => i.File).HasMaxLength(1000);
            import.Property(i => i.Sha256).HasMaxLength(64);
        });
        builder.Entity<PublicArea>(area =>
        {
            area.HasIndex(a => a.Code).IsUnique();
            area.HasIndex(a => a.DfeNumber);
            area.Property(a => a.Code).HasMaxLength(9);
            area.Property(a => a.Name).HasMaxLength(100);
            area.Property(a => a.RegionCode).HasMaxLength(9);
        });
        builder.Entity<PublishedStatistic>(statistic =>
        {
            statistic.HasIndex(s => new { s.Dataset, s.Table, s.AreaCode, s.Period, s.Breakdown }).IsUnique();
            statistic.HasIndex(s => new { s.AreaCode, s.Dataset });
            statistic.Property(s => s.Dataset).HasMaxLength(50);
            statistic.Property(s => s.Table).HasMaxLength(50);
            statistic.Property(s => s.AreaCode).HasMaxLength(9);
            statistic.Property(s => s.Period).HasMaxLength(20);
            statistic.Property(s => s.Breakdown).HasMaxLength(200);
            FinanceModel.Json(statistic.Property(s => s.Values));
            FinanceModel.Json(statistic.Property(s => s.Texts));
        });
        builder.Entity<PublishedMeasure>(measure =>
        {
            measure.HasIndex(m => new { m.Dataset, m.Code }).IsUnique();
            measure.Property(m => m.Dataset).HasMaxLength(50);
            measure.Property(m => m.Code).HasMaxLength(100);
            measure.Property(m => m.Name).HasMaxLength(500);
            measure.Property(m => m.Topic).HasMaxLength(200);
            measure.Property(m => m.Unit).HasMaxLength(200);
            measure.Property(m => m.Description).HasMaxLength(4000);
            measure.Property(m => m.Source).HasMaxLength(500);
            measure.Property(m => m.Link).HasMaxLength(2000);
        });
        builder.Entity<Lsoa>(lsoa =>
        {
            lsoa.HasIndex(l => l.Code).IsUnique();
            lsoa.HasIndex(l => l.AuthorityCode);
            lsoa.Property(l => l.Code).HasMaxLength(9);
            lsoa.Property(l => l.Name).HasMaxLength(100);
            lsoa.Property(l => l.WardCode).HasMaxLength(9);
            lsoa.Property(l => l.WardName).HasMaxLength(100);
            lsoa.Property(l => l.AuthorityCode).HasMaxLength(9);
            lsoa.Property(l => l.AuthorityName).HasMaxLength(100);
        });
        builder.Entity<LsoaDeprivation>(deprivation =>
        {
            deprivation.HasIndex(d => d.LsoaCode).IsUnique();
            deprivation.HasIndex(d => d.AuthorityCode);
            deprivation.Property(d => d.LsoaCode).HasMaxLength(9);
            deprivation.Property(d => d.AuthorityCode).HasMaxLength(9);
            FinanceModel.Json(deprivation.Property(d => d.DomainDeciles));
        });
        builder.Entity<School>(school =>
        {
            school.HasIndex(s => s.Urn).IsUnique();
            school.HasIndex(s => s.LaNumber);
            school.Property(s => s.LaName).HasMaxLength(100);
            school.Property(s => s.Name).HasMaxLength(200);
            school.Property(s => s.Type).HasMaxLength(100);
            school.Property(s => s.TypeGroup).HasMaxLength(100);
            school.Property(s => s.Phase).HasMaxLength(50);
            school.Property(s => s.PercentageFsm).HasPrecision(5, 1);
            school.Property(s => s.LsoaCode).HasMaxLength(9);
            school.Property(s => s.Town).HasMaxLength(100);
            school.Property(s => s.Postcode).HasMaxLength(10);
            school.Property(s => s.Website).HasMaxLength(300);
            school.Property(s => s.ResponsibleBody).HasMaxLength(200);
            school.Property(s => s.ResponsibleBodyType).HasMaxLength(50);
            school.Ignore(s => s.StateFunded);
        });
        builder.Entity<SchoolInspection>(inspection =>
        {
            inspection.HasIndex(i => i.Urn).IsUnique();
            inspection.HasIndex(i => i.LaNumber);
            inspection.Property(i => i.Name).HasMaxLength(200);
            inspection.Property(i => i.Rating).HasMaxLength(50);
            inspection.Ignore(i => i.Grade);
            FinanceModel.Json(inspection.Property(i => i.History));
        });
    }
}
