using Concord.Core.Access;

namespace Concord.Core.Programme;

/// <summary>Where an option is in its appraisal.</summary>
public enum Stage
{
    Formulation = 1,
    DueDiligence = 2,
    Implementation = 3,
    Implemented = 4,
    Paused = 5,
    Withdrawn = 6,
}

/// <summary>The benefits of sharing as the councils list them.</summary>
public enum ExpectedBenefit
{
    LinkedProfessionalDevelopment = 1,
    PeerSupportAcrossSchools = 2,
    ContractsBoughtAtScale = 3,
    WiderPoolOfColleagues = 4,
    UnifiedAccountability = 5,
    SustainableFundingOfPosts = 6,
    CommonIssuesHandledOnce = 7,
    CommonRepresentationAtGm = 8,
    WiderPracticeSharing = 9,
    BetterBalancedSeniorRoles = 10,
}

/// <summary>Equality Impact Assessment: screened, then done or justified as not needed.</summary>
public enum EqiaStatus
{
    NotScreened = 1,
    FullAssessmentNeeded = 2,
    FullAssessmentDone = 3,
    NotNeeded = 4,
}

public enum AgreementNeed
{
    NotDecided = 1,
    Needed = 2,
    NotNeeded = 3,
}

public static class ProgrammeNames
{
    public static string Display(this Stage stage) => stage switch
    {
        Stage.Formulation => "Stage 1: formulation",
        Stage.DueDiligence => "Stage 2: due diligence",
        Stage.Implementation => "Stage 3: implementation",
        Stage.Implemented => "Implemented",
        Stage.Paused => "Paused",
        Stage.Withdrawn => "Withdrawn",
        _ => stage.ToString(),
    };

    public static string Display(this ExpectedBenefit benefit) => benefit switch
    {
        ExpectedBenefit.LinkedProfessionalDevelopment => "Linked professional development of advisers",
        ExpectedBenefit.PeerSupportAcrossSchools => "Peer support and collaboration across schools, brokered on good information",
        ExpectedBenefit.ContractsBoughtAtScale => "Subject and leadership contracts bought at scale",
        ExpectedBenefit.WiderPoolOfColleagues => "A wider pool of trusted colleagues for bespoke intervention",
        ExpectedBenefit.UnifiedAccountability => "Unified accountability",
        ExpectedBenefit.SustainableFundingOfPosts => "More sustainable funding of posts",
        ExpectedBenefit.CommonIssuesHandledOnce => "Common issues handled once instead of twice",
        ExpectedBenefit.CommonRepresentationAtGm => "Common representation at Greater Manchester level",
        ExpectedBenefit.WiderPracticeSharing => "Wider practice-sharing forums",
        ExpectedBenefit.BetterBalancedSeniorRoles => "Better-balanced senior roles",
        _ => benefit.ToString(),
    };

    public static string Display(this EqiaStatus status) => status switch
    {
        EqiaStatus.NotScreened => "Not screened yet",
        EqiaStatus.FullAssessmentNeeded => "Screened: a full assessment is needed",
        EqiaStatus.FullAssessmentDone => "Full assessment done",
        EqiaStatus.NotNeeded => "Screened: not needed",
        _ => status.ToString(),
    };

    public static string Display(this AgreementNeed need) => need switch
    {
        AgreementNeed.NotDecided => "Not decided yet",
        AgreementNeed.Needed => "Needed",
        AgreementNeed.NotNeeded => "Not needed",
        _ => need.ToString(),
    };
}

/// <summary>Who made a change, for which council, and when: recorded on every stage transition.</summary>
public sealed record Actor(Guid? UserId, string Name, Guid? AuthorityId, DateTimeOffset At);

/// <summary>
/// A shared services option moving through the stage gates. Each council decides for itself; the
/// gate rule (<see cref="StageGates"/>) says when it may move on, and every move is recorded.
/// </summary>
public sealed class Option : Entity, IPartnershipOwned, IProgrammeRecord
{
    public const int MaxTitleLength = 200;

    public Guid PartnershipId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Summary { get; private set; } = string.Empty;

    public string ServiceArea { get; private set; } = string.Empty;

    public Guid? PhaseId { get; private set; }

    public Guid? WorkstreamId { get; private set; }

    public bool IsProofOfConcept { get; private set; }

    public List<OptionParticipant> Participants { get; private set; } = [];

    public List<ExpectedBenefit> Benefits { get; private set; } = [];

    public string? OtherBenefits { get; private set; }

    public Stage Stage { get; private set; } = Stage.Formulation;

    /// <summary>The stage a paused option returns to.</summary>
    public Stage? PausedFrom { get; private set; }

    public EqiaStatus Eqia { get; private set; } = EqiaStatus.NotScreened;

    public string? EqiaNotes { get; private set; }

    public string? HrConsiderations { get; private set; }

    public string? LegalConsiderations { get; private set; }

    public string? FinancialConsiderations { get; private set; }

    public AgreementNeed AgreementNeed { get; private set; } = AgreementNeed.NotDecided;

    public string? MonitoringMethod { get; private set; }

    public string? Indicators { get; private set; }

    public string? DeliveryForum { get; private set; }

    public string? AccountableOfficer { get; private set; }

    public DateOnly? FirstScrutinyReportOn { get; private set; }

    public string? FirstScrutinyCommittee { get; private set; }

    public List<OptionTransition> Transitions { get; private set; } = [];

    private Option()
    {
    }

    public IReadOnlyList<Guid> ParticipantIds => Participants.Select(p => p.AuthorityId).ToList();

    public static Option Create(SharedProgramme programme, OptionDetails details, IReadOnlyCollection<Guid> partnershipMembers, IReadOnlyCollection<Guid> phases, IReadOnlyCollection<Guid> workstreams)
    {
        var option = new Option { PartnershipId = programme.PartnershipId, ProgrammeId = programme.Id };
        option.Change(details, partnershipMembers, phases, workstreams);
        return option;
    }

    /// <summary>
    /// Changes what the option is. Participants must be at least two of the partnership's members;
    /// the phase and workstream must be the programme's own.
    /// </summary>
    public void Change(OptionDetails details, IReadOnlyCollection<Guid> partnershipMembers, IReadOnlyCollection<Guid> phases, IReadOnlyCollection<Guid> workstreams)
    {
        var checks = new Checks();
        var title = checks.Text("Title", details.Title, "Enter the option's title", MaxTitleLength, "Title");
        var summary = checks.Text("Summary", details.Summary, "Enter a summary of the option", 4000, "Summary");
        var area = checks.Text("ServiceArea", details.ServiceArea, "Enter the service area", 200, "Service area");
        checks.Require(details.PhaseId is null || phases.Contains(details.PhaseId.Value), "PhaseId", "Select one of the programme's phases");
        checks.Require(details.WorkstreamId is null || workstreams.Contains(details.WorkstreamId.Value), "WorkstreamId", "Select one of the programme's workstreams");
        var participants = details.Participants.Distinct().ToList();
        if (participants.Any(p => !partnershipMembers.Contains(p)))
        {
            checks.Fail("Participants", "Participating authorities must be members of the partnership");
        }
        else if (participants.Count < 2)
        {
            checks.Fail("Participants", "Select at least two participating authorities");
        }

        var benefits = details.Benefits.Distinct().ToList();
        checks.Require(benefits.All(Enum.IsDefined), "Benefits", "Select benefits from the list");
        var other = checks.OptionalText("OtherBenefits", details.OtherBenefits, 2000, "Other benefits");
        checks.ThrowIfAny();

        (Title, Summary, ServiceArea, PhaseId, WorkstreamId, IsProofOfConcept, OtherBenefits) =
            (title, summary, area, details.PhaseId, details.WorkstreamId, details.IsProofOfConcept, other);
        Benefits = benefits;
        Participants.RemoveAll(p => !participants.Contains(p.AuthorityId));
        foreach (var id in participants.Where(id => Participants.All(p => p.AuthorityId != id)))
        {
            Participants.Add(new OptionParticipant { PartnershipId = PartnershipId, OptionId = Id, AuthorityId = id });
        }
    }

    public void RecordEqia(EqiaStatus? status, string? notes)
    {
        var checks = new Checks();
        var chosen = checks.Choice("Eqia", status, "Select where the Equality Impact Assessment is");
        var text = checks.OptionalText("EqiaNotes", notes, 4000, "Notes");
        checks.Require(chosen != EqiaStatus.NotNeeded || text is not null, "EqiaNotes", "Explain why a full Equality Impact Assessment is not needed");
        checks.ThrowIfAny();
        (Eqia, EqiaNotes) = (chosen, text);
    }

    public void RecordConsiderations(string? hr, string? legal, string? financial)
    {
        var checks = new Checks();
        var hrText = checks.OptionalText("HrConsiderations", hr, 8000, "HR considerations");
        var legalText = checks.OptionalText("LegalConsiderations", legal, 8000, "Legal considerations");
        var financialText = checks.OptionalText("FinancialConsiderations", financial, 8000, "Financial considerations");
        checks.ThrowIfAny();
        (HrConsiderations, LegalConsiderations, FinancialConsiderations) = (hrText, legalText, financialText);
    }

    /// <summary>Whether the option needs a shared services agreement; the agreement itself, and its status, live in Finance.</summary>
    public void RecordAgreementNeed(AgreementNeed? need)
    {
        var checks = new Checks();
        var chosen = checks.Choice("AgreementNeed", need, "Select whether a shared services agreement is needed");
        checks.ThrowIfAny();
        AgreementNeed = chosen;
    }

    public void RecordMonitoring(string? method, string? indicators)
    {
        var checks = new Checks();
        var methodText = checks.Text("MonitoringMethod", method, "Enter how improvement will be monitored", 4000, "Monitoring method");
        var indicatorText = checks.Text("Indicators", indicators, "Enter the indicators that will show whether it works", 4000, "Indicators");
        checks.ThrowIfAny();
        (MonitoringMethod, Indicators) = (methodText, indicatorText);
    }

    public void RecordDelivery(string? forum, string? accountableOfficer, DateOnly? firstScrutinyReportOn, string? firstScrutinyCommittee)
    {
        var checks = new Checks();
        var forumText = checks.OptionalText("DeliveryForum", forum, 2000, "Delivery forum");
        var officer = checks.OptionalText("AccountableOfficer", accountableOfficer, 200, "Accountable officer");
        checks.OptionalDate("FirstScrutinyReportOn", firstScrutinyReportOn, "Date of the first scrutiny report");
        var committee = checks.OptionalText("FirstScrutinyCommittee", firstScrutinyCommittee, 200, "Committee");
        checks.Require(firstScrutinyReportOn is null || committee is not null, "FirstScrutinyCommittee", "Enter the committee that will receive the first scrutiny report");
        checks.ThrowIfAny();
        (DeliveryForum, AccountableOfficer, FirstScrutinyReportOn, FirstScrutinyCommittee) = (forumText, officer, firstScrutinyReportOn, committee);
    }

    /// <summary>
    /// Moves the option to its next stage if the gate allows, else refuses with everything that is
    /// missing. <paramref name="gate"/> must be <see cref="StageGates.Evaluate"/> of this option now.
    /// </summary>
    public void Advance(GateReport gate, Actor actor)
    {
        if (gate.Stage != Stage)
        {
            throw new InvalidOperationException("The gate report is for another stage.");
        }

        if (!gate.CanAdvance)
        {
            throw new GateNotMetException(Stage, gate.Missing);
        }

        Move(gate.Next!.Value, TransitionKind.Advanced, null, actor);
    }

    /// <summary>Back to the previous stage, for a reason.</summary>
    public void MoveBack(string? reason, Actor actor)
    {
        var previous = Stage switch
        {
            Stage.DueDiligence => Stage.Formulation,
            Stage.Implementation => Stage.DueDiligence,
            Stage.Implemented => Stage.Implementation,
            _ => (Stage?)null,
        };
        if (previous is null)
        {
            throw new RuleViolationException([new("Stage", $"An option at {Stage.Display()} cannot move back")]);
        }

        Move(previous.Value, TransitionKind.MovedBack, RequireReason(reason, "moving it back"), actor);
    }

    public void Pause(string? reason, Actor actor)
    {
        if (Stage is not (Stage.Formulation or Stage.DueDiligence or Stage.Implementation))
        {
            throw new RuleViolationException([new("Stage", $"An option at {Stage.Display()} cannot be paused")]);
        }

        var text = RequireReason(reason, "pausing it");
        PausedFrom = Stage;
        Move(Stage.Paused, TransitionKind.Paused, text, actor);
    }

    public void Resume(string? reason, Actor actor)
    {
        if (Stage != Stage.Paused || PausedFrom is null)
        {
            throw new RuleViolationException([new("Stage", "Only a paused option can be resumed")]);
        }

        var back = PausedFrom.Value;
        PausedFrom = null;
        Move(back, TransitionKind.Resumed, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), actor);
    }

    public void Withdraw(string? reason, Actor actor)
    {
        if (Stage == Stage.Withdrawn)
        {
            throw new RuleViolationException([new("Stage", "The option is already withdrawn")]);
        }

        var text = RequireReason(reason, "withdrawing it");
        PausedFrom = null;
        Move(Stage.Withdrawn, TransitionKind.Withdrawn, text, actor);
    }

    private static string RequireReason(string? reason, string doing)
    {
        var checks = new Checks();
        var text = checks.Text("Reason", reason, $"Enter the reason for {doing}", 2000, "Reason");
        checks.ThrowIfAny();
        return text;
    }

    private void Move(Stage to, TransitionKind kind, string? reason, Actor actor)
    {
        Transitions.Add(new OptionTransition
        {
            PartnershipId = PartnershipId,
            OptionId = Id,
            From = Stage,
            To = to,
            Kind = kind,
            Reason = reason,
            At = actor.At,
            UserId = actor.UserId,
            By = actor.Name,
            ActingAuthorityId = actor.AuthorityId,
        });
        Stage = to;
    }
}

/// <summary>What an option is: the fields a workstream fills in when it formulates it.</summary>
public sealed record OptionDetails(
    string? Title,
    string? Summary,
    string? ServiceArea,
    Guid? PhaseId,
    Guid? WorkstreamId,
    bool IsProofOfConcept,
    IReadOnlyCollection<Guid> Participants,
    IReadOnlyCollection<ExpectedBenefit> Benefits,
    string? OtherBenefits);

public sealed class OptionParticipant : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; init; }

    public Guid OptionId { get; init; }

    public Guid AuthorityId { get; init; }
}

public enum TransitionKind
{
    Advanced = 1,
    MovedBack = 2,
    Paused = 3,
    Resumed = 4,
    Withdrawn = 5,
}

/// <summary>One move of an option between stages: who, when, why. Never changed afterwards.</summary>
public sealed class OptionTransition : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; init; }

    public Guid OptionId { get; init; }

    public Stage From { get; init; }

    public Stage To { get; init; }

    public TransitionKind Kind { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset At { get; init; }

    public Guid? UserId { get; init; }

    public string By { get; init; } = string.Empty;

    public Guid? ActingAuthorityId { get; init; }
}

/// <summary>Refused: the option does not meet its stage gate. Lists everything that is missing.</summary>
public sealed class GateNotMetException(Stage stage, IReadOnlyList<string> missing)
    : Exception($"The option cannot leave {stage.Display()} yet: {string.Join("; ", missing)}.")
{
    public Stage Stage { get; } = stage;

    public IReadOnlyList<string> Missing { get; } = missing;
}
