using Concord.Core.Access;

namespace Concord.Core.Governance;

/// <summary>The kinds of body through which a council decides and scrutinises.</summary>
public enum BodyKind
{
    CorporateLeadershipTeam = 1,
    Cabinet = 2,
    CabinetMember = 3,
    ScrutinyCommittee = 4,
    SchoolsForum = 5,
    Other = 6,
}

public static class BodyKindNames
{
    public static string Display(this BodyKind kind) => kind switch
    {
        BodyKind.CorporateLeadershipTeam => "Corporate Leadership Team",
        BodyKind.Cabinet => "Cabinet",
        BodyKind.CabinetMember => "Cabinet Member",
        BodyKind.ScrutinyCommittee => "Scrutiny Committee",
        BodyKind.SchoolsForum => "Schools Forum",
        BodyKind.Other => "Other",
        _ => kind.ToString(),
    };
}

/// <summary>
/// One of a council's own decision-making or scrutiny bodies, with its calendar of meetings.
/// A council's own record: only its staff see it.
/// </summary>
public sealed class GovernanceBody : Entity, ISharedThroughApprovals
{
    public const int MaxNameLength = 200;
    public const int MaxRemitLength = 2000;

    public Guid AuthorityId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public BodyKind Kind { get; private set; }

    /// <summary>What the body looks at, for example "lead committee for children and families".</summary>
    public string? Remit { get; private set; }

    public List<Meeting> Meetings { get; private set; } = [];

    private GovernanceBody()
    {
    }

    public static GovernanceBody Create(Guid authorityId, string? name, BodyKind? kind, string? remit)
    {
        var body = new GovernanceBody { AuthorityId = authorityId };
        body.Change(name, kind, remit);
        return body;
    }

    public void Change(string? name, BodyKind? kind, string? remit)
    {
        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(name))
        {
            violations.Add(new("Name", "Enter the name of the body"));
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            violations.Add(new("Name", $"Name must be {MaxNameLength} characters or fewer"));
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            violations.Add(new("Kind", "Select the kind of body"));
        }

        if (remit?.Trim().Length > MaxRemitLength)
        {
            violations.Add(new("Remit", $"Remit must be {MaxRemitLength} characters or fewer"));
        }

        RuleViolationException.ThrowIfAny(violations);
        Name = name!.Trim();
        Kind = kind!.Value;
        Remit = string.IsNullOrWhiteSpace(remit) ? null : remit.Trim();
    }

    public Meeting ScheduleMeeting(DateOnly? date, string? notes)
    {
        var meeting = Meeting.Create(this, date, notes);
        Meetings.Add(meeting);
        return meeting;
    }
}

public enum MeetingStatus
{
    Scheduled = 1,
    Held = 2,
    Cancelled = 3,
}

/// <summary>A meeting of a governance body on a date.</summary>
public sealed class Meeting : Entity, ISharedThroughApprovals
{
    public const int MaxNotesLength = 2000;

    public Guid AuthorityId { get; private set; }

    public Guid GovernanceBodyId { get; private set; }

    public DateOnly Date { get; private set; }

    public MeetingStatus Status { get; private set; } = MeetingStatus.Scheduled;

    public string? Notes { get; private set; }

    private Meeting()
    {
    }

    internal static Meeting Create(GovernanceBody body, DateOnly? date, string? notes)
    {
        var meeting = new Meeting { AuthorityId = body.AuthorityId, GovernanceBodyId = body.Id };
        meeting.Change(date, MeetingStatus.Scheduled, notes);
        return meeting;
    }

    public void Change(DateOnly? date, MeetingStatus? status, string? notes)
    {
        var violations = new List<RuleViolation>();
        if (date is null)
        {
            violations.Add(new("Date", "Enter the date of the meeting"));
        }
        else if (date.Value.Year is < 2000 or > 2100)
        {
            violations.Add(new("Date", "The meeting date must be between 2000 and 2100"));
        }

        if (status is null || !Enum.IsDefined(status.Value))
        {
            violations.Add(new("Status", "Select the status of the meeting"));
        }

        if (notes?.Trim().Length > MaxNotesLength)
        {
            violations.Add(new("Notes", $"Notes must be {MaxNotesLength} characters or fewer"));
        }

        RuleViolationException.ThrowIfAny(violations);
        Date = date!.Value;
        Status = status!.Value;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
    }
}
