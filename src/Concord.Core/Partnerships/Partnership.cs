namespace Concord.Core.Partnerships;

/// <summary>
/// Two or more authorities running services together while each stays its own master.
/// Its records are visible to the staff of every member authority.
/// </summary>
public sealed class Partnership : Entity
{
    public const int MaxNameLength = 200;
    public const int MinimumMembers = 2;

    public string Name { get; private set; } = string.Empty;

    public DateOnly StartDate { get; private set; }

    public List<PartnershipMember> Members { get; private set; } = [];

    private Partnership()
    {
    }

    /// <summary>
    /// Creates a partnership, refusing a missing name or fewer than two distinct members. When a
    /// person acts for an authority, that authority must be a member: nobody creates a partnership
    /// for other councils.
    /// </summary>
    public static Partnership Create(string? name, DateOnly? startDate, IReadOnlyCollection<Guid> memberAuthorityIds, Guid? actingAuthorityId)
    {
        var partnership = new Partnership();
        partnership.Change(name, startDate, memberAuthorityIds, actingAuthorityId);
        return partnership;
    }

    /// <summary>
    /// Changes the name, start date and members; the same rules as creation apply, so the acting
    /// authority cannot remove itself (it would lose sight of the partnership).
    /// </summary>
    public void Change(string? name, DateOnly? startDate, IReadOnlyCollection<Guid> memberAuthorityIds, Guid? actingAuthorityId)
    {
        var violations = Check(name, startDate, memberAuthorityIds);
        if (actingAuthorityId is { } acting && !memberAuthorityIds.Contains(acting))
        {
            violations.Add(new("Members", "Include the authority you are working for: a partnership is changed only by its members"));
        }

        RuleViolationException.ThrowIfAny(violations);

        Name = name!.Trim();
        StartDate = startDate!.Value;
        var wanted = memberAuthorityIds.Distinct().ToHashSet();
        Members.RemoveAll(m => !wanted.Contains(m.AuthorityId));
        foreach (var id in wanted.Where(id => Members.All(m => m.AuthorityId != id)))
        {
            Members.Add(new PartnershipMember { PartnershipId = Id, AuthorityId = id });
        }
    }

    public bool HasMember(Guid authorityId) => Members.Any(m => m.AuthorityId == authorityId);

    private static List<RuleViolation> Check(string? name, DateOnly? startDate, IReadOnlyCollection<Guid> members)
    {
        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(name))
        {
            violations.Add(new("Name", "Enter the partnership's name"));
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            violations.Add(new("Name", $"Partnership name must be {MaxNameLength} characters or fewer"));
        }

        if (startDate is null)
        {
            violations.Add(new("StartDate", "Enter the date the partnership started"));
        }
        else if (startDate.Value.Year < 1974)
        {
            violations.Add(new("StartDate", "The start date must be on or after 1 April 1974, when metropolitan boroughs began"));
        }

        if (members.Distinct().Count() < MinimumMembers)
        {
            violations.Add(new("Members", "Choose at least two member authorities"));
        }

        return violations;
    }
}

/// <summary>An authority's membership of a partnership.</summary>
public sealed class PartnershipMember : Entity
{
    public Guid PartnershipId { get; init; }

    public Guid AuthorityId { get; init; }

    public Authority? Authority { get; init; }
}
