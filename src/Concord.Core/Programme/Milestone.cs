using Concord.Core.Access;
using Concord.Core.Governance;

namespace Concord.Core.Programme;

public enum MilestoneStatus
{
    NotStarted = 1,
    InProgress = 2,
    Complete = 3,
    Cancelled = 4,
}

public static class MilestoneNames
{
    public static string Display(this MilestoneStatus status) => status switch
    {
        MilestoneStatus.NotStarted => "Not started",
        MilestoneStatus.InProgress => "In progress",
        MilestoneStatus.Complete => "Complete",
        MilestoneStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}

/// <summary>What a milestone is: the row of the joint milestone plan.</summary>
public sealed record MilestoneDetails(
    string? Description,
    string? Output,
    string? Owner,
    Guid? OptionId,
    DateOnly? ExpectedDate,
    DateOnly? BaselineDate,
    DateOnly? ActualDate,
    MilestoneStatus? Status);

/// <summary>
/// A milestone of the joint plan. The approvals it needs name each council's body and, once
/// scheduled, the meeting; Concord checks them against the milestone's date and each other.
/// </summary>
public sealed class Milestone : Entity, IPartnershipOwned, IProgrammeRecord
{
    public Guid PartnershipId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid? OptionId { get; private set; }

    public string Description { get; private set; } = string.Empty;

    /// <summary>The output at the milestone, for example "Job descriptions agreed".</summary>
    public string? Output { get; private set; }

    public string Owner { get; private set; } = string.Empty;

    public DateOnly ExpectedDate { get; private set; }

    /// <summary>The date first planned, against which slippage is measured.</summary>
    public DateOnly BaselineDate { get; private set; }

    public DateOnly? ActualDate { get; private set; }

    public MilestoneStatus Status { get; private set; } = MilestoneStatus.NotStarted;

    public List<MilestoneApproval> Approvals { get; private set; } = [];

    private Milestone()
    {
    }

    /// <summary>Days later (positive) or earlier than the baseline: the actual date once done, else the expected one.</summary>
    public int SlippageDays => (ActualDate ?? ExpectedDate).DayNumber - BaselineDate.DayNumber;

    public bool IsOpen => Status is MilestoneStatus.NotStarted or MilestoneStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && ExpectedDate < today;

    public static Milestone Create(SharedProgramme programme, MilestoneDetails details, IReadOnlyCollection<Guid> programmeOptions)
    {
        var milestone = new Milestone { PartnershipId = programme.PartnershipId, ProgrammeId = programme.Id };
        milestone.Change(details with { BaselineDate = details.BaselineDate ?? details.ExpectedDate }, programmeOptions);
        return milestone;
    }

    public void Change(MilestoneDetails details, IReadOnlyCollection<Guid> programmeOptions)
    {
        var checks = new Checks();
        var description = checks.Text("Description", details.Description, "Enter the milestone", 1000, "Milestone");
        var output = checks.OptionalText("Output", details.Output, 1000, "Output");
        var owner = checks.Text("Owner", details.Owner, "Enter who owns the milestone", 200, "Owner");
        checks.Require(details.OptionId is null || programmeOptions.Contains(details.OptionId.Value), "OptionId", "Select one of the programme's options");
        var expected = checks.Date("ExpectedDate", details.ExpectedDate, "Enter the date the milestone is expected", "Expected date");
        var baseline = checks.Date("BaselineDate", details.BaselineDate, "Enter the baseline date", "Baseline date");
        checks.OptionalDate("ActualDate", details.ActualDate, "Actual date");
        var status = checks.Choice("Status", details.Status, "Select the milestone's status");
        checks.Require(status != MilestoneStatus.Complete || details.ActualDate is not null, "ActualDate", "Enter the date the milestone was reached");
        checks.Require(details.ActualDate is null || status == MilestoneStatus.Complete, "ActualDate", "Only a complete milestone has an actual date");
        checks.ThrowIfAny();
        (Description, Output, Owner, OptionId, ExpectedDate, BaselineDate, ActualDate, Status) =
            (description, output, owner, details.OptionId, expected, baseline, details.ActualDate, status);
    }

    /// <summary>
    /// Says that this milestone needs <paramref name="body"/>'s approval, at <paramref name="meeting"/>
    /// once scheduled. One approval per council: naming another body replaces the council's previous one.
    /// </summary>
    public MilestoneApproval RequireApproval(Guid authorityId, GovernanceBody? body, Meeting? meeting, IReadOnlyCollection<Guid> partnershipMembers)
    {
        var checks = new Checks();
        checks.Require(partnershipMembers.Contains(authorityId), "AuthorityId", "Only a member of the partnership can approve its milestones");
        checks.Require(body is not null && body.AuthorityId == authorityId, "GovernanceBodyId", "Select one of your council's own bodies");
        checks.Require(meeting is null || (body is not null && meeting.GovernanceBodyId == body.Id), "MeetingId", "Select a meeting of that body");
        checks.ThrowIfAny();

        var approval = Approvals.FirstOrDefault(a => a.AuthorityId == authorityId);
        if (approval is null)
        {
            approval = new MilestoneApproval { PartnershipId = PartnershipId, MilestoneId = Id, AuthorityId = authorityId };
            Approvals.Add(approval);
        }

        approval.GovernanceBodyId = body!.Id;
        approval.MeetingId = meeting?.Id;
        return approval;
    }

    /// <summary>The council no longer needs to approve this milestone; returns the approval removed, if there was one.</summary>
    public MilestoneApproval? RemoveApproval(Guid authorityId)
    {
        var approval = Approvals.FirstOrDefault(a => a.AuthorityId == authorityId);
        if (approval is not null)
        {
            Approvals.Remove(approval);
        }

        return approval;
    }
}

/// <summary>
/// One council's approval that a milestone needs: its body and, once scheduled, the meeting.
/// Written only by that council; its body and meeting become visible to the partnership.
/// </summary>
public sealed class MilestoneApproval : Entity, IWrittenByAuthority
{
    public Guid PartnershipId { get; init; }

    public Guid MilestoneId { get; init; }

    public Guid AuthorityId { get; init; }

    public Guid GovernanceBodyId { get; set; }

    public Guid? MeetingId { get; set; }
}

/// <summary>A council's approval as the calendar has it now.</summary>
public sealed record ScheduledApproval(string Authority, string Body, DateOnly? MeetingDate, bool MeetingCancelled);

public enum SyncProblem
{
    NotScheduled = 1,
    MeetingCancelled = 2,
    MeetsAfterMilestone = 3,
    ApprovalsApart = 4,
}

public sealed record SyncFlag(SyncProblem Problem, string Message);

/// <summary>
/// Keeps the two (or more) councils' approvals in step with each other and with the joint plan:
/// the check that stops one council deciding weeks after the other, or after the date the plan
/// relies on.
/// </summary>
public static class CalendarSync
{
    public static IReadOnlyList<SyncFlag> Check(Milestone milestone, IReadOnlyList<ScheduledApproval> approvals, int toleranceDays)
    {
        if (!milestone.IsOpen)
        {
            return [];
        }

        var flags = new List<SyncFlag>();
        foreach (var approval in approvals.OrderBy(a => a.Authority, StringComparer.Ordinal))
        {
            if (approval.MeetingDate is not { } date)
            {
                flags.Add(new(SyncProblem.NotScheduled, $"{approval.Authority} has not scheduled its approval by {approval.Body}"));
            }
            else if (approval.MeetingCancelled)
            {
                flags.Add(new(SyncProblem.MeetingCancelled, $"{approval.Authority}'s {approval.Body} meeting on {Formats.Date(date)} is cancelled"));
            }
            else if (date > milestone.ExpectedDate)
            {
                flags.Add(new(SyncProblem.MeetsAfterMilestone,
                    $"{approval.Authority}'s {approval.Body} meets on {Formats.Date(date)}, after the milestone's date of {Formats.Date(milestone.ExpectedDate)}"));
            }
        }

        var scheduled = approvals.Where(a => a is { MeetingDate: not null, MeetingCancelled: false }).OrderBy(a => a.MeetingDate).ToList();
        if (scheduled.Count >= 2)
        {
            var (first, last) = (scheduled[0], scheduled[^1]);
            var apart = last.MeetingDate!.Value.DayNumber - first.MeetingDate!.Value.DayNumber;
            if (apart > toleranceDays)
            {
                flags.Add(new(SyncProblem.ApprovalsApart,
                    $"The councils' approvals are {apart} days apart ({first.Authority} on {Formats.Date(first.MeetingDate.Value)}, " +
                    $"{last.Authority} on {Formats.Date(last.MeetingDate.Value)}); the programme allows {toleranceDays}"));
            }
        }

        return flags;
    }
}
