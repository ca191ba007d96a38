using System.Security.Claims;
using Concord.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure.Security;

/// <summary>
/// On every request, replaces whatever grants a principal carries with the person's grants as the
/// database holds them now (so that a revoked role stops working at once), and settles which
/// authority they are working for: the X-Concord-Authority header, else their chosen cookie,
/// else the first of their authorities by name. A header naming an authority they hold no role
/// in leaves them working for none, so the request is refused rather than quietly redirected.
/// </summary>
public sealed class GrantsClaimsTransformation(ConcordDatabase database, IHttpContextAccessor accessor) : IClaimsTransformation
{
    private static readonly object CacheKey = new();

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } ||
            !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal;
        }

        var http = accessor.HttpContext;
        if (http?.Items[CacheKey] is (Guid cachedUser, List<Claim> cachedClaims) && cachedUser == userId)
        {
            return WithClaims(principal, cachedClaims);
        }

        await using var db = database.OpenAsSystem();
        var grants = await db.AuthorityGrants
            .Where(g => g.UserId == userId)
            .Join(db.Authorities, g => g.AuthorityId, a => a.Id, (g, a) => new { g.AuthorityId, g.Role, a.Name, a.OnsCode })
            .ToListAsync();
        var authorities = grants
            .GroupBy(g => g.AuthorityId)
            .Select(g => new { Id = g.Key, g.First().Name, g.First().OnsCode })
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();

        Guid? workingFor = null;
        var requested = http?.Request.Headers[ConcordClaims.WorkingForHeader].ToString();
        if (!string.IsNullOrWhiteSpace(requested))
        {
            workingFor = authorities.FirstOrDefault(a =>
                a.Id.ToString().Equals(requested.Trim(), StringComparison.OrdinalIgnoreCase) ||
                a.OnsCode.Equals(requested.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;
        }
        else
        {
            var chosen = http?.Request.Cookies[ConcordClaims.WorkingForCookie];
            workingFor = authorities.FirstOrDefault(a => a.Id.ToString() == chosen)?.Id ?? authorities.FirstOrDefault()?.Id;
        }

        var claims = grants.Select(g => new Claim(ConcordClaims.Grant, $"{g.AuthorityId}:{g.Role}")).ToList();
        var displayName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync();
        if (!string.IsNullOrWhiteSpace(displayName))
        {
            claims.Add(new Claim(ConcordClaims.DisplayName, displayName));
        }

        if (workingFor is { } id)
        {
            claims.Add(new Claim(ConcordClaims.WorkingFor, id.ToString()));
        }

        if (http is not null)
        {
            http.Items[CacheKey] = (userId, claims);
        }

        return WithClaims(principal, claims);
    }

    private static ClaimsPrincipal WithClaims(ClaimsPrincipal principal, List<Claim> claims)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        var fresh = new ClaimsIdentity(
            identity.Claims.Where(c => c.Type is not (ConcordClaims.Grant or ConcordClaims.WorkingFor or ConcordClaims.DisplayName)),
            identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType);
        fresh.AddClaims(claims);
        return new ClaimsPrincipal(fresh);
    }
}
