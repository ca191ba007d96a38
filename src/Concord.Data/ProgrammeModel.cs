using Concord.Core.Governance;
using Concord.Core.Partnerships;
using Concord.Core.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Concord.Data;

/// <summary>How the shared services programme is stored.</summary>
internal static class ProgrammeModel
{
    private static readonly string[] ReportSectionColumns =
    [
        nameof(CommitteeReport.Purpose), nameof(CommitteeReport.Background), nameof(CommitteeReport.Information), nameof(CommitteeReport.Financial),
        nameof(CommitteeReport.Legal), nameof(CommitteeReport.HumanResources), nameof(CommitteeReport.Equalities), nameof(CommitteeReport.Recommendations),
    ];

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<SharedProgramme>(programme =>
        {
            programme.ToTable("Programmes");
            programme.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            programme.HasIndex(p => p.PartnershipId).IsUnique();
            programme.Property(p => p.Name).HasMaxLength(200);
            programme.Property(p => p.Aim).HasMaxLength(4000);
            programme.HasMany(p => p.Phases).WithOne().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            programme.HasMany(p => p.Workstreams).WithOne().HasForeignKey(w => w.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Phase>(phase =>
        {
            phase.Property(p => p.Name).HasMaxLength(100);
            phase.Property(p => p.Description).HasMaxLength(2000);
            phase.HasIndex(p => new { p.ProgrammeId, p.Number }).IsUnique();
        });

        builder.Entity<Workstream>(workstream =>
        {
            workstream.Property(w => w.Name).HasMaxLength(200);
            workstream.Property(w => w.ServiceArea).HasMaxLength(200);
            workstream.Property(w => w.Description).HasMaxLength(2000);
            workstream.HasMany(w => w.Members).WithOne().HasForeignKey(m => m.WorkstreamId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WorkstreamMember>(member =>
        {
            member.Property(m => m.Name).HasMaxLength(200);
            member.Property(m => m.JobTitle).HasMaxLength(200);
            member.HasOne<Authority>().WithMany().HasForeignKey(m => m.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Option>(option =>
        {
            option.HasOne<SharedProgramme>().WithMany().HasForeignKey(o => o.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            option.HasOne<Phase>().WithMany().HasForeignKey(o => o.PhaseId).OnDelete(DeleteBehavior.Restrict);
            option.HasOne<Workstream>().WithMany().HasForeignKey(o => o.WorkstreamId).OnDelete(DeleteBehavior.Restrict);
            option.Property(o => o.Title).HasMaxLength(Option.MaxTitleLength);
            option.Property(o => o.Summary).HasMaxLength(4000);
            option.Property(o => o.ServiceArea).HasMaxLength(200);
            option.Property(o => o.OtherBenefits).HasMaxLength(2000);
            option.Property(o => o.Benefits).HasConversion(EnumList<ExpectedBenefit>.Converter, EnumList<ExpectedBenefit>.Comparer).HasMaxLength(500);
            option.HasMany(o => o.Participants).WithOne().HasForeignKey(p => p.OptionId).OnDelete(DeleteBehavior.Cascade);
            option.HasMany(o => o.Transitions).WithOne().HasForeignKey(t => t.OptionId).OnDelete(DeleteBehavior.Cascade);
            option.Navigation(o => o.Participants).AutoInclude();
            option.HasIndex(o => new { o.PartnershipId, o.Stage });
        });

        builder.Entity<OptionParticipant>(participant =>
        {
            participant.HasOne<Authority>().WithMany().HasForeignKey(p => p.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            participant.HasIndex(p => new { p.OptionId, p.AuthorityId }).IsUnique();
        });

        builder.Entity<OptionTransition>(transition =>
        {
            transition.Property(t => t.Reason).HasMaxLength(2000);
            transition.Property(t => t.By).HasMaxLength(256);
        });

        builder.Entity<Decision>(decision =>
        {
            decision.HasOne<Option>().WithMany().HasForeignKey(d => d.OptionId).OnDelete(DeleteBehavior.Restrict);
            decision.HasOne<Authority>().WithMany().HasForeignKey(d => d.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            decision.Property(d => d.BodyName).HasMaxLength(GovernanceBody.MaxNameLength);
            decision.Property(d => d.Reference).HasMaxLength(100);
            decision.Property(d => d.Conditions).HasMaxLength(4000);
            decision.Property(d => d.MinutesExcerpt).HasMaxLength(8000);
            decision.Property(d => d.RecordedBy).HasMaxLength(256);
            decision.HasIndex(d => new { d.OptionId, d.AuthorityId });
        });

        builder.Entity<KeyDecisionTest>(test =>
        {
            test.HasOne<Option>().WithMany().HasForeignKey(t => t.OptionId).OnDelete(DeleteBehavior.Restrict);
            test.HasOne<Authority>().WithMany().HasForeignKey(t => t.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            test.Property(t => t.Reasoning).HasMaxLength(4000);
            test.Property(t => t.RecordedBy).HasMaxLength(256);
            test.HasIndex(t => new { t.OptionId, t.AuthorityId }).IsUnique();
        });

        builder.Entity<BoardMember>(member =>
        {
            member.HasOne<SharedProgramme>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            member.HasOne<Authority>().WithMany().HasForeignKey(m => m.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            member.Property(m => m.Name).HasMaxLength(200);
            member.Property(m => m.JobTitle).HasMaxLength(200);
        });

        builder.Entity<BoardMeeting>(meeting =>
        {
            meeting.HasOne<SharedProgramme>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            meeting.Property(m => m.Location).HasMaxLength(200);
            meeting.Property(m => m.Notes).HasMaxLength(4000);
            meeting.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(i => i.BoardMeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasMany(m => m.Actions).WithOne().HasForeignKey(a => a.BoardMeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AgendaItem>(item =>
        {
            item.HasOne<Option>().WithMany().HasForeignKey(i => i.OptionId).OnDelete(DeleteBehavior.Restrict);
            item.Property(i => i.Title).HasMaxLength(300);
            item.Property(i => i.Advice).HasMaxLength(8000);
        });

        builder.Entity<BoardAction>(action =>
        {
            action.Property(a => a.Description).HasMaxLength(2000);
            action.Property(a => a.Owner).HasMaxLength(200);
            action.HasIndex(a => new { a.Status, a.DueDate });
        });

        builder.Entity<Risk>(risk =>
        {
            risk.HasOne<SharedProgramme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            risk.HasOne<Option>().WithMany().HasForeignKey(r => r.OptionId).OnDelete(DeleteBehavior.Restrict);
            risk.Property(r => r.Reference).HasMaxLength(20);
            risk.Property(r => r.Title).HasMaxLength(1000);
            risk.Property(r => r.Implication).HasMaxLength(2000);
            risk.Property(r => r.Cause).HasMaxLength(2000);
            risk.Property(r => r.Mitigation).HasMaxLength(4000);
            risk.Property(r => r.Owner).HasMaxLength(200);
            risk.Property(r => r.EscalationReason).HasMaxLength(2000);
            risk.HasMany(r => r.History).WithOne().HasForeignKey(h => h.RiskId).OnDelete(DeleteBehavior.Cascade);
            risk.HasIndex(r => new { r.ProgrammeId, r.Reference }).IsUnique();
        });

        builder.Entity<RiskAssessment>(assessment =>
        {
            assessment.Property(a => a.By).HasMaxLength(256);
            assessment.Property(a => a.Note).HasMaxLength(1000);
        });

        builder.Entity<Milestone>(milestone =>
        {
            milestone.HasOne<SharedProgramme>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            milestone.HasOne<Option>().WithMany().HasForeignKey(m => m.OptionId).OnDelete(DeleteBehavior.Restrict);
            milestone.Property(m => m.Description).HasMaxLength(1000);
            milestone.Property(m => m.Output).HasMaxLength(1000);
            milestone.Property(m => m.Owner).HasMaxLength(200);
            milestone.HasMany(m => m.Approvals).WithOne().HasForeignKey(a => a.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MilestoneApproval>(approval =>
        {
            approval.HasOne<Authority>().WithMany().HasForeignKey(a => a.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            approval.HasOne<GovernanceBody>().WithMany().HasForeignKey(a => a.GovernanceBodyId).OnDelete(DeleteBehavior.Restrict);
            approval.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
            approval.HasIndex(a => new { a.MilestoneId, a.AuthorityId }).IsUnique();
        });

        builder.Entity<EngagementExercise>(exercise =>
        {
            exercise.HasOne<SharedProgramme>().WithMany().HasForeignKey(e => e.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            exercise.HasOne<Option>().WithMany().HasForeignKey(e => e.OptionId).OnDelete(DeleteBehavior.Restrict);
            exercise.Property(e => e.Title).HasMaxLength(300);
            exercise.Property(e => e.Description).HasMaxLength(4000);
            exercise.Property(e => e.Groups).HasConversion(EnumList<StakeholderGroup>.Converter, EnumList<StakeholderGroup>.Comparer).HasMaxLength(500);
            exercise.HasMany(e => e.Feedback).WithOne().HasForeignKey(f => f.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<FeedbackItem>(item =>
        {
            item.Property(f => f.Theme).HasMaxLength(200);
            item.Property(f => f.YouSaid).HasMaxLength(4000);
            item.Property(f => f.WeDid).HasMaxLength(4000);
            item.Property(f => f.ChangeToOption).HasMaxLength(2000);
            item.Property(f => f.RespondedBy).HasMaxLength(256);
        });

        builder.Entity<CommitteeReport>(report =>
        {
            report.HasOne<Authority>().WithMany().HasForeignKey(r => r.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            report.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
            report.HasOne<Option>().WithMany().HasForeignKey(r => r.OptionId).OnDelete(DeleteBehavior.Restrict);
            report.Property(r => r.CommitteeName).HasMaxLength(GovernanceBody.MaxNameLength);
            report.Property(r => r.Title).HasMaxLength(300);
            foreach (var section in ReportSectionColumns)
            {
                report.Property(section).HasMaxLength(CommitteeReport.MaxSectionLength);
            }

            report.Property(r => r.OfficerName).HasMaxLength(200);
            report.Property(r => r.OfficerJobTitle).HasMaxLength(200);
            report.Property(r => r.OfficerEmail).HasMaxLength(256);
            report.Property(r => r.OfficerPhone).HasMaxLength(50);
            report.Property(r => r.UpdatedBy).HasMaxLength(256);
        });
    }
}

/// <summary>A list of enum values stored as their names, comma-separated ("Schools,PviSettings").</summary>
internal static class EnumList<T>
    where T : struct, Enum
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<T>, string> Converter = new(
        list => string.Join(',', list.Select(v => v.ToString())),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<T>).ToList());

    public static readonly ValueComparer<List<T>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, v) => HashCode.Combine(hash, v)),
        list => list.ToList());
}
