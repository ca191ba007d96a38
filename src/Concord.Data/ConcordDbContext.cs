using System.Reflection;
using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Auditing;
using Concord.Core.Finance;
using Concord.Core.Governance;
using Concord.Core.Partnerships;
using Concord.Core.Programme;
using Concord.Data.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Concord.Data;

/// <summary>
/// Concord's database. Two rules are enforced here once, for every page, endpoint and import:
/// <list type="bullet">
/// <item>reads are scoped by global query filters to what the acting user may see
/// (their authority's own records, and the records of partnerships it belongs to);</item>
/// <item>every save is guarded (no writing another council's records, no writing as a Viewer),
/// bumps the concurrency version of changed records, and appends audit entries in the same
/// transaction.</item>
/// </list>
/// Each database provider has its own subclass, holding its own migrations.
/// </summary>
public abstract class ConcordDbContext : IdentityUserContext<ConcordUser, Guid>
{
    private readonly IUserContext _user;
    private readonly TimeProvider _clock;

    protected ConcordDbContext(DbContextOptions options, IUserContext user, TimeProvider clock)
        : base(options)
    {
        _user = user;
        _clock = clock;
    }

    public IUserContext User => _user;

    public DbSet<Authority> Authorities => Set<Authority>();

    public DbSet<Partnership> Partnerships => Set<Partnership>();

    public DbSet<PartnershipMember> PartnershipMembers => Set<PartnershipMember>();

    public DbSet<AuthorityGrant> AuthorityGrants => Set<AuthorityGrant>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<GovernanceBody> GovernanceBodies => Set<GovernanceBody>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SharedProgramme> Programmes => Set<SharedProgramme>();

    public DbSet<Phase> Phases => Set<Phase>();

    public DbSet<Workstream> Workstreams => Set<Workstream>();

    public DbSet<Option> Options => Set<Option>();

    public DbSet<OptionTransition> OptionTransitions => Set<OptionTransition>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<KeyDecisionTest> KeyDecisionTests => Set<KeyDecisionTest>();

    public DbSet<BoardMember> BoardMembers => Set<BoardMember>();

    public DbSet<BoardMeeting> BoardMeetings => Set<BoardMeeting>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<BoardAction> BoardActions => Set<BoardAction>();

    public DbSet<Risk> Risks => Set<Risk>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<MilestoneApproval> MilestoneApprovals => Set<MilestoneApproval>();

    public DbSet<EngagementExercise> EngagementExercises => Set<EngagementExercise>();

    public DbSet<FeedbackItem> FeedbackItems => Set<FeedbackItem>();

    public DbSet<CommitteeReport> CommitteeReports => Set<CommitteeReport>();

    public DbSet<SharedPost> SharedPosts => Set<SharedPost>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<Kpi> Kpis => Set<Kpi>();

    public DbSet<KpiActual> KpiActuals => Set<KpiActual>();

    public DbSet<CostBenefitAnalysis> CostBenefitAnalyses => Set<CostBenefitAnalysis>();

    public DbSet<ApportionmentMeasure> ApportionmentMeasures => Set<ApportionmentMeasure>();

    public DbSet<HighNeedsBudget> HighNeedsBudgets => Set<HighNeedsBudget>();

    public DbSet<DsgAllocation> DsgAllocations => Set<DsgAllocation>();

    public DbSet<Core.PublicData.DatasetImport> DatasetImports => Set<Core.PublicData.DatasetImport>();

    public DbSet<Core.PublicData.PopulationEstimate> PopulationEstimates => Set<Core.PublicData.PopulationEstimate>();

    public DbSet<Core.PublicData.PublicArea> PublicAreas => Set<Core.PublicData.PublicArea>();

    public DbSet<Core.PublicData.PublishedStatistic> PublishedStatistics => Set<Core.PublicData.PublishedStatistic>();

    public DbSet<Core.PublicData.PublishedMeasure> PublishedMeasures => Set<Core.PublicData.PublishedMeasure>();

    public DbSet<Core.PublicData.Lsoa> Lsoas => Set<Core.PublicData.Lsoa>();

    public DbSet<Core.PublicData.LsoaDeprivation> LsoaDeprivations => Set<Core.PublicData.LsoaDeprivation>();

    public DbSet<Core.PublicData.School> Schools => Set<Core.PublicData.School>();

    public DbSet<Core.PublicData.SchoolInspection> SchoolInspections => Set<Core.PublicData.SchoolInspection>();

    public DbSet<Core.Outcomes.Indicator> Indicators => Set<Core.Outcomes.Indicator>();

    public DbSet<Core.Outcomes.OutcomeTheme> OutcomeThemes => Set<Core.Outcomes.OutcomeTheme>();

    public DbSet<Core.Outcomes.OutcomeTarget> OutcomeTargets => Set<Core.Outcomes.OutcomeTarget>();

    public DbSet<Core.Outcomes.OutcomeValue> OutcomeValues => Set<Core.Outcomes.OutcomeValue>();

    public DbSet<Core.Outcomes.OptionIndicator> OptionIndicators => Set<Core.Outcomes.OptionIndicator>();

    public DbSet<Core.Sufficiency.Provision> Provisions => Set<Core.Sufficiency.Provision>();

    public DbSet<Core.Sufficiency.SufficiencySettings> SufficiencySettings => Set<Core.Sufficiency.SufficiencySettings>();

    public DbSet<Core.Sufficiency.EhcpBatch> EhcpBatches => Set<Core.Sufficiency.EhcpBatch>();

    public DbSet<Core.Sufficiency.EhcpRecord> EhcpRecords => Set<Core.Sufficiency.EhcpRecord>();

    public DbSet<Core.Sufficiency.Scenario> Scenarios => Set<Core.Sufficiency.Scenario>();

    public DbSet<Core.Sufficiency.PlacementPlan> PlacementPlans => Set<Core.Sufficiency.PlacementPlan>();

    // Read by the query filters. EF Core evaluates these per context instance, per query.
    private bool ScopeIsSystem => _user.IsSystem;

    private Guid? ScopeAuthorityId => _user.ActiveAuthorityId;

    private Guid? ScopeUserId => _user.UserId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ConcordUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(ConcordUser.MaxDisplayNameLength);
        });

        builder.Entity<Authority>(authority =>
        {
            authority.Property(a => a.Name).HasMaxLength(100);
            authority.Property(a => a.OnsCode).HasMaxLength(9);
            authority.Property(a => a.Area).HasMaxLength(100);
            authority.HasIndex(a => a.OnsCode).IsUnique();
            authority.HasIndex(a => a.DfeCode).IsUnique();
        });

        builder.Entity<Partnership>(partnership =>
        {
            partnership.Property(p => p.Name).HasMaxLength(Partnership.MaxNameLength);
            partnership.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
            partnership.Navigation(p => p.Members).AutoInclude();
        });

        builder.Entity<PartnershipMember>(member =>
        {
            member.HasOne(m => m.Authority).WithMany().HasForeignKey(m => m.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            member.HasIndex(m => new { m.PartnershipId, m.AuthorityId }).IsUnique();
            member.Navigation(m => m.Authority).AutoInclude();
        });

        builder.Entity<AuthorityGrant>(grant =>
        {
            grant.HasOne<ConcordUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
            grant.HasOne<Authority>().WithMany().HasForeignKey(g => g.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            grant.HasIndex(g => new { g.UserId, g.AuthorityId, g.Role }).IsUnique();
            grant.Property(g => g.GrantedBy).HasMaxLength(256);
        });

        builder.Entity<PersonalAccessToken>(token =>
        {
            token.HasOne<ConcordUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            token.Property(t => t.Name).HasMaxLength(PersonalAccessToken.MaxNameLength);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.Property(t => t.Hint).HasMaxLength(32);
            token.HasIndex(t => t.TokenHash).IsUnique();
        });

        builder.Entity<GovernanceBody>(body =>
        {
            body.HasOne<Authority>().WithMany().HasForeignKey(b => b.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            body.Property(b => b.Name).HasMaxLength(GovernanceBody.MaxNameLength);
            body.Property(b => b.Remit).HasMaxLength(GovernanceBody.MaxRemitLength);
            body.HasMany(b => b.Meetings).WithOne().HasForeignKey(m => m.GovernanceBodyId).OnDelete(DeleteBehavior.Cascade);
            body.HasIndex(b => new { b.AuthorityId, b.Name }).IsUnique();
        });

        builder.Entity<Meeting>(meeting =>
        {
            meeting.HasOne<Authority>().WithMany().HasForeignKey(m => m.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            meeting.Property(m => m.Notes).HasMaxLength(Meeting.MaxNotesLength);
            meeting.HasIndex(m => new { m.AuthorityId, m.Date });
        });

        builder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("AuditEntries");
            audit.Property(a => a.Actor).HasMaxLength(256);
            audit.Property(a => a.Entity).HasMaxLength(100);
            audit.Property(a => a.EntityKey).HasMaxLength(200);
            audit.HasIndex(a => a.When);
            audit.HasIndex(a => new { a.AuthorityId, a.When });
            audit.HasIndex(a => new { a.Entity, a.EntityKey });
            // Administrators read their own authority's trail, and changes made outside any
            // authority (reference data, sign-in attempts before a user has chosen one).
            audit.HasQueryFilter(a => ScopeIsSystem || a.AuthorityId == null || a.AuthorityId == ScopeAuthorityId);
        });

        ProgrammeModel.Configure(builder);
        FinanceModel.Configure(builder);
        PublicDataModel.Configure(builder);
        OutcomesModel.Configure(builder);
        SufficiencyModel.Configure(builder);

        builder.Entity<Partnership>().HasQueryFilter(p =>
            ScopeIsSystem || p.Members.Any(m => m.AuthorityId == ScopeAuthorityId));

        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            var clr = entityType.ClrType;
            if (typeof(Entity).IsAssignableFrom(clr))
            {
                builder.Entity(clr).Property(nameof(Entity.Version)).IsConcurrencyToken();
                builder.Entity(clr).Property(nameof(Entity.Id)).ValueGeneratedNever();
            }

            if (typeof(ISharedWithPartners).IsAssignableFrom(clr))
            {
                Apply(nameof(ScopeToAuthorityAndPartners), clr, builder);
            }
            else if (typeof(IAuthorityOwned).IsAssignableFrom(clr))
            {
                Apply(nameof(ScopeToAuthority), clr, builder);
            }
            else if (typeof(IPartnershipOwned).IsAssignableFrom(clr))
            {
                Apply(nameof(ScopeToPartnership), clr, builder);
            }
            else if (typeof(IUserOwned).IsAssignableFrom(clr))
            {
                Apply(nameof(ScopeToUser), clr, builder);
            }
        }

        ShareCalendarThroughApprovals(builder);
    }

    /// <summary>
    /// The one exception to a council's calendar being its own (<see cref="ISharedThroughApprovals"/>):
    /// a meeting, and its body, that a partnership milestone's approval relies on is readable by the
    /// staff of the partnership's other members.
    /// </summary>
    private void ShareCalendarThroughApprovals(ModelBuilder builder)
    {
        builder.Entity<Meeting>().HasQueryFilter(m => ScopeIsSystem || m.AuthorityId == ScopeAuthorityId ||
            MilestoneApprovals.Any(a => a.MeetingId == m.Id &&
                PartnershipMembers.Any(pm => pm.PartnershipId == a.PartnershipId && pm.AuthorityId == ScopeAuthorityId)));
        builder.Entity<GovernanceBody>().HasQueryFilter(b => ScopeIsSystem || b.AuthorityId == ScopeAuthorityId ||
            MilestoneApprovals.Any(a => a.GovernanceBodyId == b.Id &&
                PartnershipMembers.Any(pm => pm.PartnershipId == a.PartnershipId && pm.AuthorityId == ScopeAuthorityId)));
    }

    private void Apply(string method, Type clr, ModelBuilder builder) =>
        typeof(ConcordDbContext).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(clr).Invoke(this, [builder]);

    private void ScopeToAuthority<T>(ModelBuilder builder)
        where T : class, IAuthorityOwned =>
        builder.Entity<T>().HasQueryFilter(e => ScopeIsSystem || e.AuthorityId == ScopeAuthorityId);

    /// <summary>
    /// <see cref="ISharedWithPartners"/>: a council's own record that the staff of any council it
    /// shares a partnership with read (its provision register and sufficiency assumptions).
    /// </summary>
    private void ScopeToAuthorityAndPartners<T>(ModelBuilder builder)
        where T : class, ISharedWithPartners =>
        builder.Entity<T>().HasQueryFilter(e => ScopeIsSystem || e.AuthorityId == ScopeAuthorityId ||
            PartnershipMembers.Any(owner => owner.AuthorityId == e.AuthorityId &&
                PartnershipMembers.Any(reader => reader.PartnershipId == owner.PartnershipId && reader.AuthorityId == ScopeAuthorityId)));

    private void ScopeToPartnership<T>(ModelBuilder builder)
        where T : class, IPartnershipOwned =>
        builder.Entity<T>().HasQueryFilter(e => ScopeIsSystem ||
            PartnershipMembers.Any(m => m.PartnershipId == e.PartnershipId && m.AuthorityId == ScopeAuthorityId));

    private void ScopeToUser<T>(ModelBuilder builder)
        where T : class, IUserOwned =>
        builder.Entity<T>().HasQueryFilter(e => ScopeIsSystem || e.UserId == ScopeUserId);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Marks a record as changed even when only its children changed (for example a partnership's
    /// members), so that its version is checked and bumped like any other edit.
    /// </summary>
    public void Touch(Entity entity) => Entry(entity).Property(e => e.Version).IsModified = true;

    /// <summary>
    /// Tells the database which version of a record the person edited, so that saving refuses
    /// the change if someone else saved it in the meantime.
    /// </summary>
    public void ExpectVersion(Entity entity, Guid version) =>
        Entry(entity).Property(e => e.Version).OriginalValue = version;

    private void PrepareSave()
    {
        ChangeTracker.DetectChanges();
        var now = _clock.GetUtcNow();
        var entries = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        var memberOf = PartnershipsOfActor(entries);
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State != EntityState.Added)
                {
                    throw new InvalidOperationException("The audit trail is append-only: an audit entry cannot be changed or deleted.");
                }

                continue;
            }

            WriteGuard.Check(entry, _user, memberOf);

            if (entry is { State: EntityState.Modified, Entity: Entity versioned })
            {
                versioned.Version = Guid.NewGuid();
            }
        }

        var audit = entries
            .Where(e => e.Entity is not AuditEntry)
            .Select(e => AuditTrail.Describe(e, _user, now))
            .OfType<AuditEntry>()
            .ToList();
        AuditEntries.AddRange(audit);
    }

    /// <summary>The partnerships, among those the changes touch, that the acting authority belongs to.</summary>
    private HashSet<Guid> PartnershipsOfActor(List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> entries)
    {
        if (_user.IsSystem || _user.ActiveAuthorityId is not { } active)
        {
            return [];
        }

        var touched = entries.Select(e => e.Entity).OfType<IPartnershipOwned>().Select(e => e.PartnershipId).Distinct().ToList();
        return touched.Count == 0
            ? []
            : PartnershipMembers.Where(m => touched.Contains(m.PartnershipId) && m.AuthorityId == active).Select(m => m.PartnershipId).ToHashSet();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public static class OwnershipQueries
{
    /// <summary>
    /// Only the records one council owns. The query filters already hide other councils' private
    /// records; this also leaves out partners' records shared by a rule (such as a committee a joint
    /// milestone relies on), for pages about the council's own affairs and for every change.
    /// </summary>
    public static IQueryable<T> OwnedBy<T>(this IQueryable<T> records, Guid? authorityId)
        where T : Core.Access.IAuthorityOwned =>
        records.Where(r => r.AuthorityId == authorityId);
}
