namespace Concord.Core.Access;

/// <summary>A role held in one authority.</summary>
public readonly record struct AuthorityRole(Guid AuthorityId, Role Role);

/// <summary>
/// Who is acting, and for which authority. The database context reads this to scope every query
/// and to guard every write, so that no page or endpoint has to remember to.
/// </summary>
public interface IUserContext
{
    /// <summary>The signed-in person, or null for nobody (or the system).</summary>
    Guid? UserId { get; }

    /// <summary>How the actor is named in the audit trail: their sign-in name.</summary>
    string ActorName { get; }

    /// <summary>The person's name as colleagues know it, shown on the records they make (decisions, moves, responses).</summary>
    string DisplayName { get; }

    /// <summary>Every role the person holds, in every authority.</summary>
    IReadOnlyCollection<AuthorityRole> Grants { get; }

    /// <summary>
    /// The authority the person is working for now ("working for: Stockport"). Their reads and
    /// writes are scoped to it: its own records, and the records of partnerships it belongs to.
    /// </summary>
    Guid? ActiveAuthorityId { get; }

    /// <summary>True only for start-up, seeding and imports: sees and writes everything.</summary>
    bool IsSystem { get; }
}

public static class UserContextExtensions
{
    /// <summary>The roles held in the authority being worked for.</summary>
    public static IEnumerable<Role> ActiveRoles(this IUserContext user) =>
        user.ActiveAuthorityId is { } active
            ? user.Grants.Where(g => g.AuthorityId == active).Select(g => g.Role)
            : [];

    public static bool Can(this IUserContext user, Capability capability) =>
        user.IsSystem || AccessRules.Allows(user.ActiveRoles(), capability);

    /// <summary>The authorities the person holds any role in.</summary>
    public static IReadOnlyList<Guid> AuthorityIds(this IUserContext user) =>
        user.Grants.Select(g => g.AuthorityId).Distinct().ToList();
}

/// <summary>The system itself: migrations, reference data, demo data and imports.</summary>
public sealed class SystemUserContext : IUserContext
{
    public static readonly SystemUserContext Instance = new();

    private SystemUserContext()
    {
    }

    public Guid? UserId => null;

    public string ActorName => "Concord (system)";

    public string DisplayName => ActorName;

    public IReadOnlyCollection<AuthorityRole> Grants => [];

    public Guid? ActiveAuthorityId => null;

    public bool IsSystem => true;
}
