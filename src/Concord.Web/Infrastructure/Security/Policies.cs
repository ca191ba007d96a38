using Concord.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Concord.Web.Infrastructure.Security;

/// <summary>
/// Named authorisation policies. Every page and endpoint names one (a test enforces it); anything
/// that forgets falls back to <see cref="Read"/>, so the default is to deny strangers.
/// </summary>
public static class Policies
{
    /// <summary>Signed in, whatever their roles: their own account, choosing an authority.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Holds any role in the authority they are working for.</summary>
    public const string Read = "Read";

    /// <summary>May change working records (not a Viewer).</summary>
    public const string Edit = "Edit";

    /// <summary>Finance role in the authority they are working for.</summary>
    public const string Finance = "Finance";

    /// <summary>Programme lead (or Administrator) in the authority they are working for.</summary>
    public const string ProgrammeLead = "ProgrammeLead";

    /// <summary>Administrator of the authority they are working for.</summary>
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyDictionary<string, Capability> Capabilities = new Dictionary<string, Capability>
    {
        [Read] = Capability.Read,
        [Edit] = Capability.Edit,
        [Finance] = Capability.ManageFinance,
        [ProgrammeLead] = Capability.LeadProgramme,
        [Administrator] = Capability.Administer,
    };

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        foreach (var (name, capability) in Capabilities)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().AddRequirements(new CapabilityRequirement(capability)));
        }

        options.FallbackPolicy = options.GetPolicy(Read);
    }
}

/// <summary>Requires a capability in the authority the person is working for.</summary>
public sealed record CapabilityRequirement(Capability Capability) : IAuthorizationRequirement;

public sealed class CapabilityHandler : AuthorizationHandler<CapabilityRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && new PrincipalUser(context.User).Can(requirement.Capability))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
