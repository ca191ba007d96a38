using System.Text.Json;
using System.Text.Json.Serialization;
using Concord.Core.Finance;
using Concord.Core.Partnerships;
using Concord.Core.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Concord.Data;

/// <summary>How shared posts, agreements and money are stored.</summary>
internal static class FinanceModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<SharedPost>(post =>
        {
            post.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            post.HasOne<Authority>().WithMany().HasForeignKey(p => p.EmployingAuthorityId).OnDelete(DeleteBehavior.Restrict);
            post.HasOne<Agreement>().WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Restrict);
            post.Property(p => p.Title).HasMaxLength(200);
            post.Property(p => p.Holder).HasMaxLength(200);
            post.Property(p => p.Fte).HasPrecision(4, 3);
            Money(post.Property(p => p.Salary));
            Money(post.Property(p => p.OnCosts));
            Money(post.Property(p => p.OtherCosts));
            Json(post.Property(p => p.ServedAuthorityIds));
            Json(post.Property(p => p.ReviewDates));
            Json(post.Property(p => p.Funding));
            Json(post.Property(p => p.Rule));
            post.HasIndex(p => p.PartnershipId);
        });

        builder.Entity<Agreement>(agreement =>
        {
            agreement.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            agreement.HasOne<Option>().WithMany().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Restrict);
            agreement.Property(a => a.Title).HasMaxLength(300);
            agreement.Property(a => a.RiskSharing).HasMaxLength(8000);
            agreement.Property(a => a.Contingency).HasMaxLength(8000);
            agreement.Property(a => a.ExitArrangements).HasMaxLength(8000);
            Json(agreement.Property(a => a.Parties));
            Json(agreement.Property(a => a.Contributions));
            Json(agreement.Property(a => a.Rule));
            agreement.HasMany(a => a.Kpis).WithOne().HasForeignKey(k => k.AgreementId).OnDelete(DeleteBehavior.Cascade);
            agreement.HasIndex(a => a.PartnershipId);
            agreement.Ignore(a => a.Alerts);
        });

        builder.Entity<Kpi>(kpi =>
        {
            kpi.Property(k => k.Measure).HasMaxLength(300);
            kpi.Property(k => k.Unit).HasMaxLength(50);
            kpi.Property(k => k.Source).HasMaxLength(300);
            kpi.Property(k => k.Target).HasPrecision(18, 4);
            kpi.Ignore(k => k.InOrder);
            kpi.HasMany(k => k.Actuals).WithOne().HasForeignKey(a => a.KpiId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<KpiActual>(actual =>
        {
            actual.Property(a => a.Period).HasMaxLength(50);
            actual.Property(a => a.Note).HasMaxLength(1000);
            actual.Property(a => a.Value).HasPrecision(18, 4);
            actual.HasIndex(a => new { a.KpiId, a.PeriodEnd }).IsUnique();
        });

        builder.Entity<CostBenefitAnalysis>(analysis =>
        {
            analysis.ToTable("CostBenefitAnalyses");
            analysis.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            analysis.HasOne<Option>().WithMany().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Cascade);
            analysis.HasIndex(a => a.OptionId).IsUnique();
            analysis.Property(a => a.DiscountRate).HasPrecision(6, 4);
            analysis.Property(a => a.OptimismBias).HasPrecision(6, 4);
            analysis.Property(a => a.Notes).HasMaxLength(4000);
            analysis.Property(a => a.PreparedBy).HasMaxLength(256);
            Json(analysis.Property(a => a.Lines));
            Json(analysis.Property(a => a.DescribedBenefits));
        });

        builder.Entity<ApportionmentMeasure>(measure =>
        {
            measure.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            measure.HasOne<Authority>().WithMany().HasForeignKey(m => m.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            measure.HasIndex(m => new { m.PartnershipId, m.AuthorityId, m.Driver, m.Year }).IsUnique();
            measure.Property(m => m.Value).HasPrecision(18, 2);
            measure.Property(m => m.Source).HasMaxLength(300);
        });

        builder.Entity<HighNeedsBudget>(budget =>
        {
            budget.HasOne<Authority>().WithMany().HasForeignKey(b => b.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            budget.HasIndex(b => new { b.AuthorityId, b.FinancialYearStart }).IsUnique();
            budget.Ignore(b => b.Periods);
            Money(budget.Property(b => b.DsgTotal));
            Money(budget.Property(b => b.HighNeedsBlock));
            budget.Property(b => b.InYearNote).HasMaxLength(1000);
            budget.Property(b => b.Notes).HasMaxLength(4000);
            Json(budget.Property(b => b.Lines));
            Json(budget.Property(b => b.Reconciliation));
            Json(budget.Property(b => b.Recovery));
        });

        builder.Entity<DsgAllocation>(allocation =>
        {
            allocation.HasIndex(a => new { a.FinancialYearStart, a.DfeCode }).IsUnique();
            allocation.Property(a => a.LaName).HasMaxLength(100);
            allocation.ComplexProperty(a => a.BeforeRecoupment, Blocks);
            allocation.ComplexProperty(a => a.AfterDeductions, Blocks);
        });
    }

    private static void Blocks(ComplexPropertyBuilder<DsgBlocks> blocks)
    {
        Money(blocks.Property(b => b.Schools));
        Money(blocks.Property(b => b.CentralSchoolServices));
        Money(blocks.Property(b => b.HighNeeds));
        Money(blocks.Property(b => b.EarlyYears));
    }

    private static void Money(PropertyBuilder<decimal> property) => property.HasPrecision(18, 2);

    private static void Money(ComplexTypePropertyBuilder<decimal> property) => property.HasPrecision(18, 2);

    internal static void Json<T>(PropertyBuilder<T> property)
        where T : class =>
        property.HasConversion(JsonColumn<T>.Converter, JsonColumn<T>.Comparer);
}

/// <summary>
/// A value kept as JSON text in one column (a post's funding sources, an agreement's
/// contributions, a budget's lines), so it is read and written with its record and its whole
/// before-and-after shows in the audit trail.
/// </summary>
internal static class JsonColumn<T>
    where T : class
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly ValueConverter<T, string> Converter = new(v => Write(v), s => Read(s));

    public static readonly ValueComparer<T> Comparer = new(
        (a, b) => Write(a!) == Write(b!),
        v => Write(v).GetHashCode(StringComparison.Ordinal),
        v => Read(Write(v)));

    public static string Write(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read(string text) => JsonSerializer.Deserialize<T>(text, Options)!;
}
