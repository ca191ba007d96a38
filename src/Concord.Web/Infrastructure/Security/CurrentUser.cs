using System.Security.Claims;
using Concord.Core.Access;

namespace Concord.Web.Infrastructure.Security;

/// <summary>A principal read as an <see cref="IUserContext"/>: its id, its grants and the authority it works for.</summary>
public sealed class PrincipalUser(ClaimsPrincipal? principal) : IUserContext
{
    private bool Authenticated => principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId =>
        Authenticated && Guid.TryParse(principal!.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string ActorName => Authenticated ? principal!.FindFirstValue(ClaimTypes.Name) ?? "unknown" : "anonymous";

    public string DisplayName => Authenticated ? principal!.FindFirstValue(ConcordClaims.DisplayName) ?? ActorName : ActorName;

    public IReadOnlyCollection<AuthorityRole> Grants
    {
        get
        {
            if (!Authenticated)
            {
                return [];
            }

            var grants = new List<AuthorityRole>();
            foreach (var claim in principal!.FindAll(ConcordClaims.Grant))
            {
                var parts = claim.Value.Split(':');
                if (parts.Length == 2 && Guid.TryParse(parts[0], out var authorityId) && Enum.TryParse<Role>(parts[1], out var role))
                {
                    grants.Add(new AuthorityRole(authorityId, role));
                }
            }

            return grants;
        }
    }

    public Guid? ActiveAuthorityId =>
        Authenticated && Guid.TryParse(principal!.FindFirstValue(ConcordClaims.WorkingFor), out var id) ? id : null;

    public bool IsSystem => false;
}

/// <summary>The signed-in person of the current request, as the database context sees them.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : IUserContext
{
    private PrincipalUser Person => new(accessor.HttpContext?.User);

    public Guid? UserId => Person.UserId;

    public string ActorName => Person.ActorName;

    public string DisplayName => Person.DisplayName;

    public IReadOnlyCollection<AuthorityRole> Grants => Person.Grants;

    public Guid? ActiveAuthorityId => Person.ActiveAuthorityId;

    public bool IsSystem => false;
}
