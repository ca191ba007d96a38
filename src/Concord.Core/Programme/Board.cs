using Concord.Core.Access;

namespace Concord.Core.Programme;

public enum BoardRole
{
    Chair = 1,
    LeadMember = 2,
    DirectorOfChildrensServices = 3,
    Finance = 4,
    Legal = 5,
    HumanResources = 6,
    SchoolsRepresentative = 7,
}

public enum ActionStatus
{
    Open = 1,
    Done = 2,
    Cancelled = 3,
}

public static class BoardNames
{
    public static string Display(this BoardRole role) => role switch
    {
        BoardRole.Chair => "Chair",
        BoardRole.LeadMember => "Lead member",
        BoardRole.DirectorOfChildrensServices => "Director of Children's Services",
        BoardRole.Finance => "Finance",
        BoardRole.Legal => "Legal",
        BoardRole.HumanResources => "HR",
        BoardRole.SchoolsRepresentative => "Schools representative",
        _ => role.ToString(),
    };
}

/// <summary>A member of the programme board, which advises and decides nothing.</summary>
public sealed class BoardMember : Entity, IPartnershipOwned, IProgrammeRecord
{
    public Guid PartnershipId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? JobTitle { get; private set; }

    public Guid AuthorityId { get; private set; }

    public BoardRole Role { get; private set; }

    public bool Active { get; private set; } = true;

    private BoardMember()
    {
    }

    public static BoardMember Create(SharedProgramme programme, string? name, string? jobTitle, Guid? authorityId, BoardRole? role, IReadOnlyCollection<Guid> partnershipMembers)
    {
        var member = new BoardMember { PartnershipId = programme.PartnershipId, ProgrammeId = programme.Id };
        member.Change(name, jobTitle, authorityId, role, true, partnershipMembers);
        return member;
    }

    public void Change(string? name, string? jobTitle, Guid? authorityId, BoardRole? role, bool active, IReadOnlyCollection<Guid> partnershipMembers)
    {
        var checks = new Checks();
        var newName = checks.Text("Name", name, "Enter the member's name", 200, "Name");
        var title = checks.OptionalText("JobTitle", jobTitle, 200, "Job title");
        checks.Require(authorityId is { } a && partnershipMembers.Contains(a), "AuthorityId", "Select the member's council from the partnership's members");
        var chosen = checks.Choice("Role", role, "Select the member's role on the board");
        checks.ThrowIfAny();
        (Name, JobTitle, AuthorityId, Role, Active) = (newName, title, authorityId!.Value, chosen, active);
    }
}

/// <summary>A meeting of the programme board: its agenda (items linked to options, with the advice given) and its actions.</summary>
public sealed class BoardMeeting : Entity, IPartnershipOwned, IProgrammeRecord
{
    public Guid PartnershipId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public DateOnly Date { get; private set; }

    public string? Location { get; private set; }

    public string? Notes { get; private set; }

    public List<AgendaItem> AgendaItems { get; private set; } = [];

    public List<BoardAction> Actions { get; private set; } = [];

    private BoardMeeting()
    {
    }

    public static BoardMeeting Create(SharedProgramme programme, DateOnly? date, string? location, string? notes)
    {
        var meeting = new BoardMeeting { PartnershipId = programme.PartnershipId, ProgrammeId = programme.Id };
        meeting.Change(date, location, notes);
        return meeting;
    }

    public void Change(DateOnly? date, string? location, string? notes)
    {
        var checks = new Checks();
        var when = checks.Date("Date", date, "Enter the date of the board meeting", "Date");
        var place = checks.OptionalText("Location", location, 200, "Location");
        var text = checks.OptionalText("Notes", notes, 4000, "Notes");
        checks.ThrowIfAny();
        (Date, Location, Notes) = (when, place, text);
    }

    /// <summary>Adds an item to the agenda, optionally about one of the programme's options.</summary>
    public AgendaItem AddItem(string? title, Guid? optionId, IReadOnlyCollection<Guid> programmeOptions)
    {
        var checks = new Checks();
        var text = checks.Text("Title", title, "Enter the agenda item's title", 300, "Title");
        checks.Require(optionId is null || programmeOptions.Contains(optionId.Value), "OptionId", "Select one of the programme's options");
        checks.ThrowIfAny();
        var item = new AgendaItem
        {
            PartnershipId = PartnershipId,
            BoardMeetingId = Id,
            Number = AgendaItems.Count == 0 ? 1 : AgendaItems.Max(i => i.Number) + 1,
            Title = text,
            OptionId = optionId,
        };
        AgendaItems.Add(item);
        return item;
    }

    /// <summary>Records the board's advice on an item, once the board has met. Advice is never a decision.</summary>
    public void RecordAdvice(AgendaItem item, string? advice, DateOnly today)
    {
        var checks = new Checks();
        checks.Require(AgendaItems.Contains(item), "ItemId", "The item is not on this meeting's agenda");
        checks.Require(Date <= today, "Advice", $"Advice can be recorded once the board has met on {Formats.Date(Date)}");
        var text = checks.OptionalText("Advice", advice, 8000, "Advice");
        checks.ThrowIfAny();
        item.Advice = text;
    }

    public BoardAction AddAction(string? description, string? owner, Guid? ownerAuthorityId, DateOnly? dueDate, IReadOnlyCollection<Guid> partnershipMembers)
    {
        var action = new BoardAction { PartnershipId = PartnershipId, BoardMeetingId = Id };
        action.Change(description, owner, ownerAuthorityId, dueDate, ActionStatus.Open, null, partnershipMembers);
        Actions.Add(action);
        return action;
    }
}

public sealed class AgendaItem : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; init; }

    public Guid BoardMeetingId { get; init; }

    public int Number { get; init; }

    public string Title { get; init; } = string.Empty;

    public Guid? OptionId { get; init; }

    /// <summary>The board's advice: advice only, never a decision.</summary>
    public string? Advice { get; set; }
}

/// <summary>An action from a board meeting, with an owner and a due date; flagged when overdue.</summary>
public sealed class BoardAction : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; init; }

    public Guid BoardMeetingId { get; init; }

    public string Description { get; private set; } = string.Empty;

    public string Owner { get; private set; } = string.Empty;

    public Guid? OwnerAuthorityId { get; private set; }

    public DateOnly DueDate { get; private set; }

    public ActionStatus Status { get; private set; } = ActionStatus.Open;

    public DateOnly? CompletedOn { get; private set; }

    public bool IsOverdue(DateOnly today) => Status == ActionStatus.Open && DueDate < today;

    public void Change(string? description, string? owner, Guid? ownerAuthorityId, DateOnly? dueDate, ActionStatus? status, DateOnly? completedOn, IReadOnlyCollection<Guid> partnershipMembers)
    {
        var checks = new Checks();
        var text = checks.Text("Description", description, "Enter the action", 2000, "Action");
        var who = checks.Text("Owner", owner, "Enter who owns the action", 200, "Owner");
        checks.Require(ownerAuthorityId is null || partnershipMembers.Contains(ownerAuthorityId.Value), "OwnerAuthorityId", "Select the owner's council from the partnership's members");
        var due = checks.Date("DueDate", dueDate, "Enter the date the action is due", "Due date");
        var chosen = checks.Choice("Status", status, "Select the action's status");
        checks.OptionalDate("CompletedOn", completedOn, "Date completed");
        checks.Require(chosen != ActionStatus.Done || completedOn is not null, "CompletedOn", "Enter the date the action was done");
        checks.ThrowIfAny();
        (Description, Owner, OwnerAuthorityId, DueDate, Status, CompletedOn) = (text, who, ownerAuthorityId, due, chosen, chosen == ActionStatus.Done ? completedOn : null);
    }
}
