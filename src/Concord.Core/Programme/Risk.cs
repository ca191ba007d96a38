using Concord.Core.Access;

namespace Concord.Core.Programme;

/// <summary>Whom a risk affects.</summary>
public enum RiskScope
{
    OneCouncil = 1,
    EveryCouncil = 2,
    Partnership = 3,
}

public enum RiskStatus
{
    Open = 1,
    Closed = 2,
}

public enum RiskRating
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>Likelihood and impact, each from 1 to 5; the score is their product.</summary>
public readonly record struct RiskScore(int Likelihood, int Impact)
{
    public int Value => Likelihood * Impact;

    /// <summary>Low up to 4, medium up to 10, high from 12: the councils' usual 5 by 5 matrix.</summary>
    public RiskRating Rating => Value switch
    {
        <= 4 => RiskRating.Low,
        <= 10 => RiskRating.Medium,
        _ => RiskRating.High,
    };

    public override string ToString() => $"{Value} ({Likelihood} × {Impact})";
}

/// <summary>What a risk is and how it is scored: the row of the councils' risk log.</summary>
public sealed record RiskDetails(
    string? Title,
    string? Implication,
    string? Cause,
    string? Mitigation,
    string? Owner,
    RiskScope? Scope,
    Guid? AffectedAuthorityId,
    int? InherentLikelihood,
    int? InherentImpact,
    int? CurrentLikelihood,
    int? CurrentImpact,
    int? TargetLikelihood,
    int? TargetImpact,
    DateOnly? ReviewDate,
    RiskStatus? Status);

public static class RiskNames
{
    public static string Display(this RiskScope scope) => scope switch
    {
        RiskScope.OneCouncil => "One council",
        RiskScope.EveryCouncil => "Every participating council",
        RiskScope.Partnership => "The partnership",
        _ => scope.ToString(),
    };
}

/// <summary>
/// A row of the risk log: risk, implication, cause, planned action, owner, whom it affects, and
/// its inherent, current and target scores. Each change of the current score is kept in its
/// history. An option's risk can be escalated to the programme.
/// </summary>
public sealed class Risk : Entity, IPartnershipOwned, IProgrammeRecord
{
    public Guid PartnershipId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    /// <summary>The option the risk belongs to, or none for a programme risk.</summary>
    public Guid? OptionId { get; private set; }

    public string Reference { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string Implication { get; private set; } = string.Empty;

    public string? Cause { get; private set; }

    public string Mitigation { get; private set; } = string.Empty;

    public string Owner { get; private set; } = string.Empty;

    public RiskScope Scope { get; private set; }

    public Guid? AffectedAuthorityId { get; private set; }

    public int InherentLikelihood { get; private set; }

    public int InherentImpact { get; private set; }

    public int CurrentLikelihood { get; private set; }

    public int CurrentImpact { get; private set; }

    public int TargetLikelihood { get; private set; }

    public int TargetImpact { get; private set; }

    public DateOnly ReviewDate { get; private set; }

    public RiskStatus Status { get; private set; } = RiskStatus.Open;

    public DateTimeOffset? EscalatedAt { get; private set; }

    public string? EscalationReason { get; private set; }

    public List<RiskAssessment> History { get; private set; } = [];

    private Risk()
    {
    }

    public RiskScore Inherent => new(InherentLikelihood, InherentImpact);

    public RiskScore Current => new(CurrentLikelihood, CurrentImpact);

    public RiskScore Target => new(TargetLikelihood, TargetImpact);

    /// <summary>On the programme's own log: a programme risk, or an option's risk escalated to it.</summary>
    public bool OnProgrammeLog => OptionId is null || EscalatedAt is not null;

    public bool IsReviewOverdue(DateOnly today) => Status == RiskStatus.Open && ReviewDate < today;

    /// <summary>The number in the reference ("R12" is 12), which orders the log.</summary>
    public int Number => ReferenceNumber(Reference) ?? 0;

    /// <summary>The next risk's number in a programme: one more than the highest of its references so far.</summary>
    public static int NextNumber(IEnumerable<string> references) =>
        references.Select(ReferenceNumber).Max() is { } highest ? highest + 1 : 1;

    private static int? ReferenceNumber(string reference) =>
        reference.StartsWith('R') && int.TryParse(reference.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    public static Risk Create(SharedProgramme programme, int number, Guid? optionId, RiskDetails details, IReadOnlyCollection<Guid> partnershipMembers, Actor actor)
    {
        var risk = new Risk { PartnershipId = programme.PartnershipId, ProgrammeId = programme.Id, OptionId = optionId, Reference = $"R{number}" };
        risk.Change(details, partnershipMembers, actor, "Risk identified");
        return risk;
    }

    /// <summary>Changes the risk; a change of its current score is added to its history.</summary>
    public void Change(RiskDetails details, IReadOnlyCollection<Guid> partnershipMembers, Actor actor, string? note = null)
    {
        var checks = new Checks();
        var title = checks.Text("Title", details.Title, "Enter the risk", 1000, "Risk");
        var implication = checks.Text("Implication", details.Implication, "Enter the implication if it happens", 2000, "Implication");
        var cause = checks.OptionalText("Cause", details.Cause, 2000, "Cause");
        var mitigation = checks.Text("Mitigation", details.Mitigation, "Enter the planned action to explore and mitigate it", 4000, "Planned action");
        var owner = checks.Text("Owner", details.Owner, "Enter the risk owner", 200, "Owner");
        var scope = checks.Choice("Scope", details.Scope, "Select whom the risk affects");
        if (scope == RiskScope.OneCouncil)
        {
            checks.Require(details.AffectedAuthorityId is { } a && partnershipMembers.Contains(a), "AffectedAuthorityId", "Select the council the risk affects");
        }

        var inherent = Score(checks, "Inherent", details.InherentLikelihood, details.InherentImpact);
        var current = Score(checks, "Current", details.CurrentLikelihood, details.CurrentImpact);
        var target = Score(checks, "Target", details.TargetLikelihood, details.TargetImpact);
        var review = checks.Date("ReviewDate", details.ReviewDate, "Enter the date of the next review", "Review date");
        var status = checks.Choice<RiskStatus>("Status", details.Status ?? RiskStatus.Open, "Select the risk's status");
        var noteText = checks.OptionalText("Note", note, 1000, "Note");
        checks.ThrowIfAny();

        var scoreChanged = History.Count == 0 || current != Current;
        (Title, Implication, Cause, Mitigation, Owner, Scope) = (title, implication, cause, mitigation, owner, scope);
        AffectedAuthorityId = scope == RiskScope.OneCouncil ? details.AffectedAuthorityId : null;
        (InherentLikelihood, InherentImpact) = (inherent.Likelihood, inherent.Impact);
        (CurrentLikelihood, CurrentImpact) = (current.Likelihood, current.Impact);
        (TargetLikelihood, TargetImpact) = (target.Likelihood, target.Impact);
        (ReviewDate, Status) = (review, status);
        if (scoreChanged)
        {
            History.Add(new RiskAssessment
            {
                PartnershipId = PartnershipId,
                RiskId = Id,
                AssessedAt = actor.At,
                Likelihood = current.Likelihood,
                Impact = current.Impact,
                By = actor.Name,
                Note = noteText,
            });
        }
    }

    /// <summary>Raises an option's risk to the programme's own log, for a reason; it stays linked to its option.</summary>
    public void Escalate(string? reason, Actor actor)
    {
        var checks = new Checks();
        checks.Require(OptionId is not null, "OptionId", "Only an option's risk can be escalated to the programme");
        checks.Require(EscalatedAt is null, "EscalatedAt", "The risk is already escalated to the programme");
        var text = checks.Text("Reason", reason, "Enter why the risk needs the programme's attention", 2000, "Reason");
        checks.ThrowIfAny();
        (EscalatedAt, EscalationReason) = (actor.At, text);
    }

    private static RiskScore Score(Checks checks, string prefix, int? likelihood, int? impact)
    {
        var label = prefix.ToLowerInvariant();
        return new RiskScore(
            checks.Number($"{prefix}Likelihood", likelihood, 1, 5, $"the {label} likelihood"),
            checks.Number($"{prefix}Impact", impact, 1, 5, $"the {label} impact"));
    }
}

/// <summary>One assessment of a risk's current score, kept as its history.</summary>
public sealed class RiskAssessment : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; init; }

    public Guid RiskId { get; init; }

    public DateTimeOffset AssessedAt { get; init; }

    public int Likelihood { get; init; }

    public int Impact { get; init; }

    public string By { get; init; } = string.Empty;

    public string? Note { get; init; }

    public RiskScore Score => new(Likelihood, Impact);
}

/// <summary>The 5 by 5 heat map: how many open risks sit at each likelihood and impact now.</summary>
public static class RiskMatrix
{
    /// <summary>Counts indexed [likelihood - 1, impact - 1].</summary>
    public static int[,] Count(IEnumerable<Risk> risks)
    {
        var counts = new int[5, 5];
        foreach (var risk in risks.Where(r => r.Status == RiskStatus.Open))
        {
            counts[risk.CurrentLikelihood - 1, risk.CurrentImpact - 1]++;
        }

        return counts;
    }
}
