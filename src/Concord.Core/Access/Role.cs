namespace Concord.Core.Access;

/// <summary>
/// What a person may do for one authority. Roles are held per authority: a shared-post holder
/// holds roles in each council they serve.
/// </summary>
public enum Role
{
    /// <summary>Reads, never writes (for example a scrutiny councillor).</summary>
    Viewer = 1,

    /// <summary>Records and updates the council's and the partnership's working records.</summary>
    Officer = 2,

    /// <summary>Officer rights plus the council's budgets and money.</summary>
    Finance = 3,

    /// <summary>Officer rights plus leading the programme: stage gates and decisions.</summary>
    ProgrammeLead = 4,

    /// <summary>Manages the people and grants of their own authority, and reads its audit trail.</summary>
    Administrator = 5,
}

public static class RoleNames
{
    public static string Display(this Role role) => role switch
    {
        Role.Viewer => "Viewer",
        Role.Officer => "Officer",
        Role.Finance => "Finance",
        Role.ProgrammeLead => "Programme lead",
        Role.Administrator => "Administrator",
        _ => role.ToString(),
    };

    public static string Describe(this Role role) => role switch
    {
        Role.Viewer => "Reads records but never changes them, for example a scrutiny councillor.",
        Role.Officer => "Records and updates the council's and the partnership's working records.",
        Role.Finance => "Everything an officer can do, plus the council's budgets and recharges.",
        Role.ProgrammeLead => "Everything an officer can do, plus stage gates and the council's decisions.",
        Role.Administrator => "Manages people and their roles for this council, and reads its audit trail.",
        _ => string.Empty,
    };

    /// <summary>Reads a role from its name or display name, ignoring case ("Programme lead", "ProgrammeLead").</summary>
    public static bool TryParse(string? text, out Role role)
    {
        role = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse(compact, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(compact, out _);
    }
}
