using Concord.Core.Access;

namespace Concord.Core.Programme;

public enum StakeholderGroup
{
    TradeUnions = 1,
    Schools = 2,
    PviSettings = 3,
    ParentCarerForum = 4,
    SchoolsForum = 5,
    ChildrenAndYoungPeople = 6,
    Staff = 7,
    WiderStakeholders = 8,
}

public enum ExerciseStatus
{
    Planned = 1,
    Open = 2,
    Complete = 3,
}

public static class EngagementNames
{
    public static string Display(this StakeholderGroup group) => group switch
    {
        StakeholderGroup.TradeUnions => "Trade unions",
        StakeholderGroup.Schools => "Schools",
        StakeholderGroup.PviSettings => "PVI settings",
        StakeholderGroup.ParentCarerForum => "Parent Carer Forum",
        StakeholderGroup.SchoolsForum => "Schools Forum",
        StakeholderGroup.ChildrenAndYoungPeople => "Children and young people",
        StakeholderGroup.Staff => "Staff",
        StakeholderGroup.WiderStakeholders => "Wider stakeholders",
        _ => group.ToString(),
    };
}

/// <summary>
/// A consultation or engagement exercise (a listening exercise, a trade union briefing) with the
/// stakeholder groups it reached, the feedback they gave, and the councils' responses.
/// </summary>
public sealed class EngagementExercise : Entity, IPartnershipOwned, IProgrammeRecord
{
    public Guid PartnershipId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid? OptionId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public DateOnly? Starts { get; private set; }

    public DateOnly? Ends { get; private set; }

    public ExerciseStatus Status { get; private set; } = ExerciseStatus.Planned;

    public List<StakeholderGroup> Groups { get; private set; } = [];

    public List<FeedbackItem> Feedback { get; private set; } = [];

    private EngagementExercise()
    {
    }

    public static EngagementExercise Create(SharedProgramme programme, string? title, string? description, Guid? optionId, DateOnly? starts, DateOnly? ends,
        ExerciseStatus? status, IReadOnlyCollection<StakeholderGroup> groups, IReadOnlyCollection<Guid> programmeOptions)
    {
        var exercise = new EngagementExercise { PartnershipId = programme.PartnershipId, ProgrammeId = programme.Id };
        exercise.Change(title, description, optionId, starts, ends, status, groups, programmeOptions);
        return exercise;
    }

    public void Change(string? title, string? description, Guid? optionId, DateOnly? starts, DateOnly? ends,
        ExerciseStatus? status, IReadOnlyCollection<StakeholderGroup> groups, IReadOnlyCollection<Guid> programmeOptions)
    {
        var checks = new Checks();
        var newTitle = checks.Text("Title", title, "Enter the exercise's title, for example Early years listening exercise", 300, "Title");
        var text = checks.OptionalText("Description", description, 4000, "Description");
        checks.Require(optionId is null || programmeOptions.Contains(optionId.Value), "OptionId", "Select one of the programme's options");
        checks.OptionalDate("Starts", starts, "Start date");
        checks.OptionalDate("Ends", ends, "End date");
        checks.Require(starts is null || ends is null || ends >= starts, "Ends", "End date must be the same as or after the start date");
        var chosen = checks.Choice("Status", status, "Select the exercise's status");
        var chosenGroups = groups.Distinct().ToList();
        checks.Require(chosenGroups.Count > 0 && chosenGroups.All(Enum.IsDefined), "Groups", "Select at least one stakeholder group");
        checks.Require(Feedback.All(f => chosenGroups.Contains(f.Group)), "Groups", "Keep every group that has given feedback");
        checks.ThrowIfAny();
        (Title, Description, OptionId, Starts, Ends, Status) = (newTitle, text, optionId, starts, ends, chosen);
        Groups = chosenGroups;
    }

    /// <summary>Records what a group said ("you said"), under a theme.</summary>
    public FeedbackItem AddFeedback(StakeholderGroup? group, string? theme, string? youSaid, DateOnly? receivedOn)
    {
        var checks = new Checks();
        var chosen = checks.Choice("Group", group, "Select the group that gave the feedback");
        checks.Require(group is null || Groups.Contains(chosen), "Group", "Select one of the groups this exercise reached");
        var themeText = checks.Text("Theme", theme, "Enter the feedback's theme, for example Workload", 200, "Theme");
        var said = checks.Text("YouSaid", youSaid, "Enter what they said", 4000, "What they said");
        checks.OptionalDate("ReceivedOn", receivedOn, "Date received");
        checks.ThrowIfAny();
        var item = new FeedbackItem
        {
            PartnershipId = PartnershipId,
            ExerciseId = Id,
            Group = chosen,
            Theme = themeText,
            YouSaid = said,
            ReceivedOn = receivedOn,
        };
        Feedback.Add(item);
        return item;
    }

    public EngagementSummary Summarise() =>
        new(Title, Status == ExerciseStatus.Complete, Feedback.Count, Feedback.Count(f => f.WeDid is not null));
}

/// <summary>One piece of feedback and the councils' response: "you said, we did", with the change to the option it caused.</summary>
public sealed class FeedbackItem : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; init; }

    public Guid ExerciseId { get; init; }

    public StakeholderGroup Group { get; init; }

    public string Theme { get; init; } = string.Empty;

    public string YouSaid { get; init; } = string.Empty;

    public DateOnly? ReceivedOn { get; init; }

    public string? WeDid { get; private set; }

    /// <summary>How the option changed because of it, if it did.</summary>
    public string? ChangeToOption { get; private set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    public string? RespondedBy { get; private set; }

    public void Respond(string? weDid, string? changeToOption, Actor actor)
    {
        var checks = new Checks();
        var response = checks.Text("WeDid", weDid, "Enter the response: what the councils did", 4000, "Response");
        var change = checks.OptionalText("ChangeToOption", changeToOption, 2000, "Change to the option");
        checks.ThrowIfAny();
        (WeDid, ChangeToOption, RespondedAt, RespondedBy) = (response, change, actor.At, actor.Name);
    }
}
