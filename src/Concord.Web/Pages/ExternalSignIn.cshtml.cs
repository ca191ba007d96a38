using System.Security.Claims;
using Concord.Data.Identity;
using Concord.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages;

/// <summary>
/// Sign-in through the council's identity provider (OpenID Connect, for example Microsoft Entra ID).
/// Concord does not create people from the identity provider: an administrator adds them first,
/// and their first external sign-in is linked to the account with the same email address.
/// </summary>
[AllowAnonymous]
public sealed class ExternalSignInModel(SignInManager<ConcordUser> signIn, UserManager<ConcordUser> users, IAuthenticationSchemeProvider schemes, ILogger<ExternalSignInModel> logger)
    : ConcordPageModel
{
    public string Problem { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (await schemes.GetSchemeAsync(ConcordServices.OidcScheme) is null)
        {
            return NotFound();
        }

        var redirect = Url.Page("/ExternalSignIn", "Callback", new { returnUrl = SignInModel.SafeReturnUrl(returnUrl) });
        var properties = signIn.ConfigureExternalAuthenticationProperties(ConcordServices.OidcScheme, redirect);
        return Challenge(properties, ConcordServices.OidcScheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Problem = "Your organisation's sign-in did not complete. Try again.";
            return Invalid(StatusCodes.Status400BadRequest);
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturnUrl(returnUrl));
        }

        if (result.IsLockedOut)
        {
            Problem = "Your Concord account is locked. Ask an administrator at your council to unlock it.";
            return Invalid(StatusCodes.Status403Forbidden);
        }

        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("preferred_username");
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (user is null)
        {
            logger.LogWarning("External sign-in by {Provider} for an address with no Concord account", info.LoginProvider);
            Problem = "You do not have a Concord account yet. Ask an administrator at your council to add you, using the email address you signed in with.";
            return Invalid(StatusCodes.Status403Forbidden);
        }

        var linked = await users.AddLoginAsync(user, info);
        if (!linked.Succeeded)
        {
            Problem = "Your organisation's account could not be linked to your Concord account. Ask an administrator at your council.";
            return Invalid(StatusCodes.Status409Conflict);
        }

        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return LocalRedirect(SignInModel.SafeReturnUrl(returnUrl));
    }
}
