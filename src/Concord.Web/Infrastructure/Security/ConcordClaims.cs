namespace Concord.Web.Infrastructure.Security;

/// <summary>Claim types Concord adds to the signed-in principal on every request, fresh from the database.</summary>
public static class ConcordClaims
{
    /// <summary>"{authorityId}:{Role}" for each role the person holds.</summary>
    public const string Grant = "concord:grant";

    /// <summary>The id of the authority the person is working for on this request.</summary>
    public const string WorkingFor = "concord:working-for";

    /// <summary>The person's display name, fresh from the database on each request.</summary>
    public const string DisplayName = "concord:display-name";

    /// <summary>How the person authenticated: "cookie" or "token".</summary>
    public const string Method = "concord:auth-method";

    /// <summary>Cookie that remembers which authority a person chose to work for.</summary>
    public const string WorkingForCookie = "concord-working-for";

    /// <summary>Header with which API callers choose the authority (its id or ONS code).</summary>
    public const string WorkingForHeader = "X-Concord-Authority";
}
