using Concord.Core.Partnerships;
using Concord.Core.Sufficiency;
using Microsoft.EntityFrameworkCore;

namespace Concord.Data;

/// <summary>How SEND sufficiency is stored: provision registers, assumptions, children with EHC plans (in loads), scenarios and placement plans.</summary>
internal static class SufficiencyModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Provision>(provision =>
        {
            provision.HasOne<Authority>().WithMany().HasForeignKey(p => p.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            provision.Property(p => p.Name).HasMaxLength(Provision.MaxNameLength);
            provision.Property(p => p.AreaCode).HasMaxLength(9);
            provision.Property(p => p.AreaName).HasMaxLength(100);
            provision.Property(p => p.AnnualCostPerPlace).HasPrecision(18, 2);
            provision.Property(p => p.Notes).HasMaxLength(2000);
            FinanceModel.Json(provision.Property(p => p.Needs));
            FinanceModel.Json(provision.Property(p => p.PlannedChanges));
            provision.Ignore(p => p.Location);
            provision.Ignore(p => p.Details);
            provision.HasIndex(p => new { p.AuthorityId, p.Name });
            provision.HasIndex(p => p.Urn);
        });

        builder.Entity<SufficiencySettings>(settings =>
        {
            settings.ToTable("SufficiencySettings");
            settings.HasOne<Authority>().WithMany().HasForeignKey(s => s.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            settings.HasIndex(s => s.AuthorityId).IsUnique();
            settings.Property(s => s.TravelCostPerKm).HasPrecision(18, 2);
            FinanceModel.Json(settings.Property(s => s.CostBands));
            FinanceModel.Json(settings.Property(s => s.NeedMix));
            FinanceModel.Json(settings.Property(s => s.AgeMix));
            FinanceModel.Json(settings.Property(s => s.SpecialistShare));
        });

        builder.Entity<EhcpBatch>(batch =>
        {
            batch.HasOne<Authority>().WithMany().HasForeignKey(b => b.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            batch.Property(b => b.Source).HasMaxLength(300);
            batch.Property(b => b.CalibrationSource).HasMaxLength(300);
            batch.Property(b => b.LoadedBy).HasMaxLength(256);
            batch.HasIndex(b => new { b.AuthorityId, b.LoadedAt });
        });

        builder.Entity<EhcpRecord>(record =>
        {
            record.HasOne<Authority>().WithMany().HasForeignKey(r => r.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            record.HasOne<EhcpBatch>().WithMany().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Restrict);
            record.Property(r => r.Reference).HasMaxLength(EhcpRecord.MaxReferenceLength);
            record.Property(r => r.SettingName).HasMaxLength(Provision.MaxNameLength);
            record.Property(r => r.SettingAreaCode).HasMaxLength(9);
            record.Property(r => r.HomeLsoa).HasMaxLength(9);
            record.Ignore(r => r.Home);
            record.HasIndex(r => new { r.AuthorityId, r.Reference }).IsUnique();
            record.HasIndex(r => new { r.AuthorityId, r.PrimaryNeed });
        });

        builder.Entity<Scenario>(scenario =>
        {
            scenario.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            scenario.Property(s => s.Name).HasMaxLength(Scenario.MaxNameLength);
            scenario.Property(s => s.Description).HasMaxLength(2000);
            FinanceModel.Json(scenario.Property(s => s.Changes));
            scenario.HasIndex(s => new { s.PartnershipId, s.Name }).IsUnique();
        });

        builder.Entity<PlacementPlan>(plan =>
        {
            plan.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            plan.HasOne<Scenario>().WithMany().HasForeignKey(p => p.ScenarioId).OnDelete(DeleteBehavior.SetNull);
            plan.Property(p => p.ScenarioName).HasMaxLength(Scenario.MaxNameLength);
            plan.Property(p => p.TravelCostPerKm).HasPrecision(18, 2);
            plan.Property(p => p.RunBy).HasMaxLength(256);
            FinanceModel.Json(plan.Property(p => p.Children));
            FinanceModel.Json(plan.Property(p => p.Alone));
            FinanceModel.Json(plan.Property(p => p.Sharing));
            FinanceModel.Json(plan.Property(p => p.Differences));
            FinanceModel.Json(plan.Property(p => p.CombinedDifference));
            plan.HasIndex(p => new { p.PartnershipId, p.RunAt });
        });
    }
}
