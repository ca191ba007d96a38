namespace Concord.Core.Access;

/// <summary>A role held by a person in one authority, granted by that authority's administrator.</summary>
public sealed class AuthorityGrant : Entity, IAuthorityOwned
{
    public Guid UserId { get; init; }

    public Guid AuthorityId { get; init; }

    public Role Role { get; init; }

    public DateTimeOffset GrantedAt { get; init; }

    public string GrantedBy { get; init; } = string.Empty;

    /// <summary>
    /// Gives a person a role in an authority, refusing an unknown role or one they already hold
    /// there. <paramref name="existing"/> is the person's grants in that authority.
    /// </summary>
    public static AuthorityGrant Give(Guid userId, Guid authorityId, Role? role, IEnumerable<AuthorityGrant> existing, string grantedBy, DateTimeOffset now)
    {
        if (role is not { } chosen || !Enum.IsDefined(chosen))
        {
            throw new RuleViolationException([new("Role", "Select a role")]);
        }

        if (existing.Any(g => g.UserId == userId && g.AuthorityId == authorityId && g.Role == chosen))
        {
            throw new RuleViolationException([new("Role", $"They are already {chosen.Display()} here")]);
        }

        return new AuthorityGrant { UserId = userId, AuthorityId = authorityId, Role = chosen, GrantedAt = now, GrantedBy = grantedBy };
    }

    /// <summary>
    /// Refuses to take away an authority's last Administrator role: nobody would be left to manage
    /// its people. <paramref name="authorityGrants"/> is every grant in the authority.
    /// </summary>
    public static void CheckRemoval(IEnumerable<AuthorityGrant> authorityGrants, AuthorityGrant removing)
    {
        if (removing.Role == Role.Administrator &&
            !authorityGrants.Any(g => g.Role == Role.Administrator && g.AuthorityId == removing.AuthorityId && g.Id != removing.Id))
        {
            throw new RuleViolationException([new("Role", "This is the authority's last administrator. Make someone else an administrator first")]);
        }
    }
}
