using Microsoft.AspNetCore.Identity;

namespace Concord.Data.Identity;

/// <summary>
/// A person who signs in to Concord. A person is not owned by one council: what they may see and
/// do comes from their grants (roles held per authority).
/// </summary>
public sealed class ConcordUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 200;

    public ConcordUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
