using Concord.Core.Access;
using Concord.Core.Governance;

namespace Concord.Core.Programme;

public enum DecisionOutcome
{
    Approved = 1,
    ApprovedWithConditions = 2,
    Rejected = 3,
    Deferred = 4,
    Noted = 5,
}

public static class DecisionNames
{
    public static string Display(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => "Approved",
        DecisionOutcome.ApprovedWithConditions => "Approved with conditions",
        DecisionOutcome.Rejected => "Rejected",
        DecisionOutcome.Deferred => "Deferred",
        DecisionOutcome.Noted => "Noted",
        _ => outcome.ToString(),
    };

    public static bool Approves(this DecisionOutcome outcome) =>
        outcome is DecisionOutcome.Approved or DecisionOutcome.ApprovedWithConditions;
}

/// <summary>
/// One council's own decision on an option, taken through one of its own bodies. Seen by every
/// partner council; recorded only by the deciding council's programme leads and administrators.
/// The programme board's advice is never a decision.
/// </summary>
public sealed class Decision : Entity, IWrittenByAuthority
{
    public Guid PartnershipId { get; private set; }

    public Guid OptionId { get; private set; }

    public Guid AuthorityId { get; private set; }

    public Guid GovernanceBodyId { get; private set; }

    /// <summary>The body's name when the decision was taken, as the minutes have it.</summary>
    public string BodyName { get; private set; } = string.Empty;

    public BodyKind BodyKind { get; private set; }

    public DateOnly MeetingDate { get; private set; }

    /// <summary>The council's own reference, for example a Key Decision or minute number.</summary>
    public string? Reference { get; private set; }

    public bool IsKeyDecision { get; private set; }

    public DecisionOutcome Outcome { get; private set; }

    public string? Conditions { get; private set; }

    public string? MinutesExcerpt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    private Decision()
    {
    }

    /// <summary>
    /// Records <paramref name="authorityId"/>'s decision. Refused when that council does not take
    /// part in the option, or the body is not one of its own.
    /// </summary>
    public static Decision Record(Option option, Guid authorityId, GovernanceBody? body, DateOnly? meetingDate, string? reference,
        bool? isKeyDecision, DecisionOutcome? outcome, string? conditions, string? minutesExcerpt, Actor actor)
    {
        var checks = new Checks();
        checks.Require(option.ParticipantIds.Contains(authorityId), "AuthorityId", "Your council is not taking part in this option, so it has no decision to record");
        checks.Require(body is not null && body.AuthorityId == authorityId, "GovernanceBodyId", "Select one of your council's own decision-making bodies");
        var date = checks.Date("MeetingDate", meetingDate, "Enter the date of the meeting that decided", "Meeting date");
        var chosen = checks.Choice("Outcome", outcome, "Select the outcome");
        checks.Require(isKeyDecision is not null, "IsKeyDecision", "Select whether it was a Key Decision");
        var referenceText = checks.OptionalText("Reference", reference, 100, "Reference");
        var conditionText = checks.OptionalText("Conditions", conditions, 4000, "Conditions");
        checks.Require(chosen != DecisionOutcome.ApprovedWithConditions || conditionText is not null, "Conditions", "Enter the conditions of the approval");
        var minutes = checks.OptionalText("MinutesExcerpt", minutesExcerpt, 8000, "Minutes excerpt");
        checks.ThrowIfAny();

        return new Decision
        {
            PartnershipId = option.PartnershipId,
            OptionId = option.Id,
            AuthorityId = authorityId,
            GovernanceBodyId = body!.Id,
            BodyName = body.Name,
            BodyKind = body.Kind,
            MeetingDate = date,
            Reference = referenceText,
            IsKeyDecision = isKeyDecision!.Value,
            Outcome = chosen,
            Conditions = chosen == DecisionOutcome.ApprovedWithConditions ? conditionText : null,
            MinutesExcerpt = minutes,
            RecordedAt = actor.At,
            RecordedBy = actor.Name,
        };
    }

    /// <summary>Each council's standing decision: its latest, by meeting date then by when it was recorded.</summary>
    public static IReadOnlyDictionary<Guid, Decision> Latest(IEnumerable<Decision> decisions) =>
        decisions.GroupBy(d => d.AuthorityId)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.MeetingDate).ThenBy(d => d.RecordedAt).Last());
}

/// <summary>
/// One council's answer to "is this a Key Decision under our constitution?" for an option,
/// recorded by its programme leads before it decides.
/// </summary>
public sealed class KeyDecisionTest : Entity, IWrittenByAuthority
{
    public Guid PartnershipId { get; private set; }

    public Guid OptionId { get; private set; }

    public Guid AuthorityId { get; private set; }

    public bool IsKeyDecision { get; private set; }

    public string Reasoning { get; private set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    private KeyDecisionTest()
    {
    }

    public static KeyDecisionTest Record(Option option, Guid authorityId, bool? isKeyDecision, string? reasoning, Actor actor)
    {
        var test = new KeyDecisionTest { PartnershipId = option.PartnershipId, OptionId = option.Id, AuthorityId = authorityId };
        test.Change(option, isKeyDecision, reasoning, actor);
        return test;
    }

    public void Change(Option option, bool? isKeyDecision, string? reasoning, Actor actor)
    {
        var checks = new Checks();
        checks.Require(option.ParticipantIds.Contains(AuthorityId), "AuthorityId", "Your council is not taking part in this option");
        checks.Require(isKeyDecision is not null, "IsKeyDecision", "Select whether it is a Key Decision for your council");
        var text = checks.Text("Reasoning", reasoning, "Explain the test: spending or savings over the threshold, or significant effect on communities", 4000, "Reasoning");
        checks.ThrowIfAny();
        (IsKeyDecision, Reasoning, RecordedAt, RecordedBy) = (isKeyDecision!.Value, text, actor.At, actor.Name);
    }
}
