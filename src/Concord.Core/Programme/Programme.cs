using Concord.Core.Access;

namespace Concord.Core.Programme;

/// <summary>A record that belongs to one programme.</summary>
public interface IProgrammeRecord
{
    Guid ProgrammeId { get; }
}

/// <summary>
/// A partnership's shared services programme: its phases, workstreams and options, its board,
/// risks, joint milestones and engagement. One per partnership.
/// </summary>
public sealed class SharedProgramme : Entity, IPartnershipOwned
{
    public const int DefaultApprovalToleranceDays = 28;

    public Guid PartnershipId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Aim { get; private set; }

    /// <summary>How many days apart the councils' approvals of one milestone may be before Concord flags them.</summary>
    public int ApprovalToleranceDays { get; private set; } = DefaultApprovalToleranceDays;

    public List<Phase> Phases { get; private set; } = [];

    public List<Workstream> Workstreams { get; private set; } = [];

    private SharedProgramme()
    {
    }

    public static SharedProgramme Create(Guid partnershipId, string? name, string? aim, int? approvalToleranceDays)
    {
        var programme = new SharedProgramme { PartnershipId = partnershipId };
        programme.Change(name, aim, approvalToleranceDays);
        return programme;
    }

    public void Change(string? name, string? aim, int? approvalToleranceDays)
    {
        var checks = new Checks();
        var newName = checks.Text("Name", name, "Enter the programme's name", 200, "Name");
        var newAim = checks.OptionalText("Aim", aim, 4000, "Aim");
        var tolerance = checks.Number("ApprovalToleranceDays", approvalToleranceDays ?? DefaultApprovalToleranceDays, 0, 365, "the days allowed between the councils' approvals");
        checks.ThrowIfAny();
        (Name, Aim, ApprovalToleranceDays) = (newName, newAim, tolerance);
    }

    public Phase AddPhase(string? name, string? description, DateOnly? starts, DateOnly? ends)
    {
        var phase = Phase.Create(this, Phases.Count == 0 ? 1 : Phases.Max(p => p.Number) + 1, name, description, starts, ends);
        Phases.Add(phase);
        return phase;
    }

    public Workstream AddWorkstream(string? name, string? serviceArea, string? description)
    {
        var workstream = Workstream.Create(this, name, serviceArea, description);
        if (Workstreams.Any(w => string.Equals(w.Name, workstream.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RuleViolationException([new("Name", $"The programme already has a workstream called {workstream.Name}")]);
        }

        Workstreams.Add(workstream);
        return workstream;
    }
}

/// <summary>A phase of the programme, for example "Phase 1".</summary>
public sealed class Phase : Entity, IPartnershipOwned, IProgrammeRecord
{
    public Guid PartnershipId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public DateOnly? Starts { get; private set; }

    public DateOnly? Ends { get; private set; }

    private Phase()
    {
    }

    internal static Phase Create(SharedProgramme programme, int number, string? name, string? description, DateOnly? starts, DateOnly? ends)
    {
        var phase = new Phase { PartnershipId = programme.PartnershipId, ProgrammeId = programme.Id, Number = number };
        phase.Change(name, description, starts, ends);
        return phase;
    }

    public void Change(string? name, string? description, DateOnly? starts, DateOnly? ends)
    {
        var checks = new Checks();
        var newName = checks.Text("Name", name, "Enter the phase's name", 100, "Name");
        var newDescription = checks.OptionalText("Description", description, 2000, "Description");
        checks.OptionalDate("Starts", starts, "Start date");
        checks.OptionalDate("Ends", ends, "End date");
        checks.Require(starts is null || ends is null || ends >= starts, "Ends", "End date must be the same as or after the start date");
        checks.ThrowIfAny();
        (Name, Description, Starts, Ends) = (newName, newDescription, starts, ends);
    }
}

/// <summary>
/// A cross-authority workstream: Heads of Service and others from each council who formulate
/// options in one service area, with a lead per authority.
/// </summary>
public sealed class Workstream : Entity, IPartnershipOwned, IProgrammeRecord
{
    public Guid PartnershipId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string ServiceArea { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public List<WorkstreamMember> Members { get; private set; } = [];

    private Workstream()
    {
    }

    internal static Workstream Create(SharedProgramme programme, string? name, string? serviceArea, string? description)
    {
        var workstream = new Workstream { PartnershipId = programme.PartnershipId, ProgrammeId = programme.Id };
        workstream.Change(name, serviceArea, description);
        return workstream;
    }

    public void Change(string? name, string? serviceArea, string? description)
    {
        var checks = new Checks();
        var newName = checks.Text("Name", name, "Enter the workstream's name", 200, "Name");
        var area = checks.Text("ServiceArea", serviceArea, "Enter the service area", 200, "Service area");
        var newDescription = checks.OptionalText("Description", description, 2000, "Description");
        checks.ThrowIfAny();
        (Name, ServiceArea, Description) = (newName, area, newDescription);
    }

    /// <summary>
    /// Adds a member from one of the partnership's councils. A lead replaces that council's
    /// previous lead: each authority has one lead per workstream.
    /// </summary>
    public WorkstreamMember AddMember(string? name, string? jobTitle, Guid? authorityId, bool isLead, IReadOnlyCollection<Guid> partnershipMembers)
    {
        var checks = new Checks();
        var memberName = checks.Text("Name", name, "Enter the member's name", 200, "Name");
        var title = checks.Text("JobTitle", jobTitle, "Enter their job title, for example Head of Early Years", 200, "Job title");
        checks.Require(authorityId is { } a && partnershipMembers.Contains(a), "AuthorityId", "Select the member's council from the partnership's members");
        checks.ThrowIfAny();
        if (isLead)
        {
            foreach (var lead in Members.Where(m => m.AuthorityId == authorityId && m.IsLead))
            {
                lead.IsLead = false;
            }
        }

        var member = new WorkstreamMember
        {
            PartnershipId = PartnershipId,
            WorkstreamId = Id,
            Name = memberName,
            JobTitle = title,
            AuthorityId = authorityId!.Value,
            IsLead = isLead,
        };
        Members.Add(member);
        return member;
    }

    public WorkstreamMember? LeadFor(Guid authorityId) => Members.FirstOrDefault(m => m.AuthorityId == authorityId && m.IsLead);
}

public sealed class WorkstreamMember : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; init; }

    public Guid WorkstreamId { get; init; }

    public string Name { get; init; } = string.Empty;

    public string JobTitle { get; init; } = string.Empty;

    public Guid AuthorityId { get; init; }

    public bool IsLead { get; set; }
}
