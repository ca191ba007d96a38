using Concord.Core.Outcomes;
using Concord.Core.Partnerships;
using Concord.Core.Programme;
using Microsoft.EntityFrameworkCore;

namespace Concord.Data;

/// <summary>How the outcomes framework is stored: the indicator library, themes, each council's targets and entered values, and options' links.</summary>
internal static class OutcomesModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<OutcomeTheme>(theme =>
        {
            theme.HasOne<Partnership>().WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            theme.Property(t => t.Name).HasMaxLength(OutcomeTheme.MaxNameLength);
            theme.Property(t => t.Description).HasMaxLength(1000);
            theme.HasIndex(t => new { t.PartnershipId, t.Name }).IsUnique();
        });

        builder.Entity<Indicator>(indicator =>
        {
            indicator.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            indicator.HasOne<OutcomeTheme>().WithMany().HasForeignKey(i => i.ThemeId).OnDelete(DeleteBehavior.Restrict);
            indicator.Property(i => i.Name).HasMaxLength(Indicator.MaxNameLength);
            indicator.Property(i => i.Definition).HasMaxLength(4000);
            indicator.Property(i => i.Unit).HasMaxLength(50);
            indicator.Property(i => i.Source).HasMaxLength(300);
            indicator.Property(i => i.AmberTolerance).HasPrecision(18, 4);
            indicator.Property(i => i.MappedDataset).HasMaxLength(StatisticMapping.MaxDatasetLength);
            indicator.Property(i => i.MappedTable).HasMaxLength(StatisticMapping.MaxTableLength);
            indicator.Property(i => i.MappedMeasure).HasMaxLength(StatisticMapping.MaxMeasureLength);
            indicator.Property(i => i.MappedBreakdown).HasMaxLength(StatisticMapping.MaxBreakdownLength);
            indicator.Ignore(i => i.Mapping);
            indicator.Ignore(i => i.IsImported);
            indicator.HasIndex(i => new { i.PartnershipId, i.Name }).IsUnique();
        });

        builder.Entity<OutcomeTarget>(target =>
        {
            target.HasOne<Partnership>().WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            target.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            target.HasOne<Authority>().WithMany().HasForeignKey(t => t.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            target.Property(t => t.BaselinePeriod).HasMaxLength(50);
            target.Property(t => t.BaselineValue).HasPrecision(18, 4);
            target.Property(t => t.Target).HasPrecision(18, 4);
            target.Property(t => t.TargetPeriod).HasMaxLength(50);
            target.HasIndex(t => new { t.IndicatorId, t.AuthorityId }).IsUnique();
        });

        builder.Entity<OutcomeValue>(value =>
        {
            value.HasOne<Partnership>().WithMany().HasForeignKey(v => v.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            value.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            value.HasOne<Authority>().WithMany().HasForeignKey(v => v.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            value.Property(v => v.Period).HasMaxLength(50);
            value.Property(v => v.Value).HasPrecision(18, 4);
            value.Property(v => v.Note).HasMaxLength(1000);
            value.Property(v => v.RecordedBy).HasMaxLength(256);
            value.HasIndex(v => new { v.IndicatorId, v.AuthorityId, v.PeriodEnd }).IsUnique();
        });

        builder.Entity<OptionIndicator>(link =>
        {
            link.HasOne<Option>().WithMany().HasForeignKey(l => l.OptionId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne<Indicator>().WithMany().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            link.HasIndex(l => new { l.OptionId, l.IndicatorId }).IsUnique();
            link.HasIndex(l => l.IndicatorId);
        });
    }
}
