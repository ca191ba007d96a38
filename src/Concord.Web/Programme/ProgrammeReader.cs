using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Governance;
using Concord.Core.Partnerships;
using Concord.Core.Programme;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Programme;

/// <summary>A programme with its partnership and the names of the councils in it.</summary>
public sealed record ProgrammeView(SharedProgramme Programme, Partnership Partnership, IReadOnlyDictionary<Guid, string> AuthorityNames)
{
    public Guid PartnershipId => Partnership.Id;

    public IReadOnlyCollection<Guid> Members => Partnership.Members.Select(m => m.AuthorityId).ToList();

    public string NameOf(Guid? authorityId) =>
        authorityId is { } id && AuthorityNames.TryGetValue(id, out var name) ? name : "Unknown council";

    public string NamesOf(IEnumerable<Guid> authorityIds) =>
        string.Join(" and ", authorityIds.Select(id => NameOf(id)).Order(StringComparer.Ordinal));
}

/// <summary>A milestone with its approvals as the councils' calendars have them now, and what is out of step.</summary>
public sealed record MilestoneView(Milestone Milestone, IReadOnlyList<ApprovalView> Approvals, IReadOnlyList<SyncFlag> Flags, string? OptionTitle);

public sealed record ApprovalView(MilestoneApproval Approval, string Authority, string Body, Meeting? Meeting);

/// <summary>
/// Reads the programme's records for pages and the API alike, through the signed-in person's
/// scoped database context: what one council may not see never reaches this code.
/// </summary>
public sealed class ProgrammeReader(ConcordDbContext db, IUserContext user, TimeProvider clock)
{
    public DateOnly Today => Formats.UkDate(clock.GetUtcNow());

    public Actor Actor => new(user.UserId, user.DisplayName, user.ActiveAuthorityId, clock.GetUtcNow());

    public async Task<ProgrammeView?> ForPartnershipAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var programme = await Programmes().SingleOrDefaultAsync(p => p.PartnershipId == partnershipId, cancellationToken);
        return programme is null ? null : await ViewAsync(programme, cancellationToken);
    }

    public async Task<ProgrammeView?> ForProgrammeAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await Programmes().SingleOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        return programme is null ? null : await ViewAsync(programme, cancellationToken);
    }

    private IQueryable<SharedProgramme> Programmes() =>
        db.Programmes.Include(p => p.Phases).Include(p => p.Workstreams).ThenInclude(w => w.Members).AsSplitQuery();

    private async Task<ProgrammeView?> ViewAsync(SharedProgramme programme, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == programme.PartnershipId, cancellationToken);
        return partnership is null
            ? null
            : new ProgrammeView(programme, partnership, partnership.Members.ToDictionary(m => m.AuthorityId, m => m.Authority!.Name));
    }

    /// <summary>Everything the gate rule weighs, read from the board, the risk log, engagement and each council's records.</summary>
    public async Task<OptionEvidence> EvidenceAsync(Option option, ProgrammeView view, CancellationToken cancellationToken)
    {
        var advice = await db.AgendaItems.Where(i => i.OptionId == option.Id && i.Advice != null)
            .Join(db.BoardMeetings, i => i.BoardMeetingId, m => m.Id, (i, m) => new { m.Date, i.Advice })
            .ToListAsync(cancellationToken);
        var risks = await db.Risks.CountAsync(r => r.OptionId == option.Id, cancellationToken);
        var exercises = await db.EngagementExercises.Include(e => e.Feedback).Where(e => e.OptionId == option.Id).ToListAsync(cancellationToken);
        var tests = await db.KeyDecisionTests.Where(t => t.OptionId == option.Id).Select(t => t.AuthorityId).ToListAsync(cancellationToken);
        var decisions = await db.Decisions.Where(d => d.OptionId == option.Id).ToListAsync(cancellationToken);
        var analysis = await db.CostBenefitAnalyses.Where(a => a.OptionId == option.Id)
            .Select(a => new CostBenefitEvidence(a.PreparedAt, a.PreparedBy)).SingleOrDefaultAsync(cancellationToken);
        var agreement = (await db.Agreements.Where(a => a.OptionId == option.Id).Select(a => new AgreementEvidence(a.Title, a.Status)).ToListAsync(cancellationToken))
            .OrderByDescending(a => a.Status).ThenBy(a => a.Title, StringComparer.Ordinal).FirstOrDefault();
        return new OptionEvidence(
            advice.Select(a => new BoardAdvice(a.Date, a.Advice!)).ToList(),
            risks,
            exercises.Select(e => e.Summarise()).ToList(),
            tests,
            decisions,
            view.AuthorityNames,
            analysis,
            agreement);
    }

    public async Task<GateReport> GateAsync(Option option, ProgrammeView view, CancellationToken cancellationToken) =>
        StageGates.Evaluate(option, await EvidenceAsync(option, view, cancellationToken));

    public Task<Option?> OptionAsync(Guid id, CancellationToken cancellationToken) =>
        db.Options.Include(o => o.Transitions).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Option>> OptionsAsync(ProgrammeView view, CancellationToken cancellationToken) =>
        (await db.Options.Where(o => o.ProgrammeId == view.Programme.Id).ToListAsync(cancellationToken))
            .OrderBy(o => o.Stage).ThenBy(o => o.Title, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Everything a committee report shows from live data: the open risks in its scope (the
    /// option's, or the programme's own log), highest first, and its milestones still to come or
    /// reached in the year before the meeting.
    /// </summary>
    public async Task<ReportContent> ReportContentAsync(CommitteeReport report, ProgrammeView view, CancellationToken cancellationToken)
    {
        var risks = await db.Risks.Where(r => r.ProgrammeId == view.Programme.Id && r.Status == RiskStatus.Open).ToListAsync(cancellationToken);
        var inScope = risks.Where(r => report.OptionId is { } option ? r.OptionId == option : r.OnProgrammeLog)
            .OrderByDescending(r => r.Current.Value).ThenBy(r => r.Reference, StringComparer.Ordinal).ToList();
        var since = report.MeetingDate.AddYears(-1);
        var milestones = (await MilestonesAsync(view, report.OptionId, cancellationToken))
            .Where(m => m.Milestone.Status != MilestoneStatus.Cancelled && (m.Milestone.ActualDate is null || m.Milestone.ActualDate >= since))
            .ToList();
        var options = await db.Options.Where(o => o.ProgrammeId == view.Programme.Id).ToDictionaryAsync(o => o.Id, o => o.Title, cancellationToken);
        return new ReportContent(report, view.NameOf(report.AuthorityId), report.OptionId is { } id ? options.GetValueOrDefault(id) : null, inScope, milestones, options);
    }

    /// <summary>The first draft of a report's text, written from the programme's records.</summary>
    public async Task<ReportSections> DraftSectionsAsync(ProgrammeView view, string committee, Guid? optionId, CancellationToken cancellationToken)
    {
        var options = await OptionsAsync(view, cancellationToken);
        var decisions = await db.Decisions.Where(d => d.PartnershipId == view.PartnershipId).ToListAsync(cancellationToken);
        var analysis = optionId is null ? null : await db.CostBenefitAnalyses.SingleOrDefaultAsync(a => a.OptionId == optionId, cancellationToken);
        return ReportDrafting.Defaults(new ReportContext(view.NameOf(user.ActiveAuthorityId), committee, view.Partnership.Name, view.Programme,
            options.FirstOrDefault(o => o.Id == optionId), options, view.AuthorityNames, decisions, analysis));
    }

    /// <summary>The programme's milestones, each with its approvals as the councils' calendars stand and its flags.</summary>
    public async Task<IReadOnlyList<MilestoneView>> MilestonesAsync(ProgrammeView view, Guid? optionId, CancellationToken cancellationToken)
    {
        var query = db.Milestones.Include(m => m.Approvals).Where(m => m.ProgrammeId == view.Programme.Id);
        if (optionId is not null)
        {
            query = query.Where(m => m.OptionId == optionId);
        }

        var milestones = await query.ToListAsync(cancellationToken);
        var bodyIds = milestones.SelectMany(m => m.Approvals).Select(a => a.GovernanceBodyId).Distinct().ToList();
        var meetingIds = milestones.SelectMany(m => m.Approvals).Select(a => a.MeetingId).OfType<Guid>().Distinct().ToList();
        var bodies = await db.GovernanceBodies.Where(b => bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        var meetings = await db.Meetings.Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var optionTitles = await db.Options.Where(o => o.ProgrammeId == view.Programme.Id).ToDictionaryAsync(o => o.Id, o => o.Title, cancellationToken);

        return milestones
            .OrderBy(m => m.ExpectedDate).ThenBy(m => m.Description, StringComparer.Ordinal)
            .Select(m =>
            {
                var approvals = m.Approvals
                    .Select(a => new ApprovalView(a, view.NameOf(a.AuthorityId), bodies.TryGetValue(a.GovernanceBodyId, out var b) ? b.Name : "a body",
                        a.MeetingId is { } id ? meetings.GetValueOrDefault(id) : null))
                    .OrderBy(a => a.Authority, StringComparer.Ordinal)
                    .ToList();
                var scheduled = approvals.Select(a => new ScheduledApproval(a.Authority, a.Body, a.Meeting?.Date, a.Meeting?.Status == MeetingStatus.Cancelled)).ToList();
                return new MilestoneView(m, approvals, CalendarSync.Check(m, scheduled, view.Programme.ApprovalToleranceDays),
                    m.OptionId is { } o ? optionTitles.GetValueOrDefault(o) : null);
            })
            .ToList();
    }
}
