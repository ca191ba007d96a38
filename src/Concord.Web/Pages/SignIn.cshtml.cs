using System.ComponentModel.DataAnnotations;
using Concord.Data.Identity;
using Concord.Web.Infrastructure;
using Concord.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<ConcordUser> signIn, IAuthenticationSchemeProvider schemes, IWebHostEnvironment environment, IConfiguration configuration)
    : ConcordPageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    public string? ExternalProvider { get; private set; }

    /// <summary>Demo accounts are listed in Development only, where they exist.</summary>
    public IReadOnlyList<DemoAccount> DemoAccounts { get; private set; } = [];

    public async Task OnGetAsync() => await DescribeAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await DescribeAsync();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError("Input.Email", "Your account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator at your council to unlock it");
            return Invalid(StatusCodes.Status403Forbidden);
        }

        // The same answer whether the email is unknown or the password wrong: nothing leaks.
        ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
        return Invalid(StatusCodes.Status401Unauthorized);
    }

    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private async Task DescribeAsync()
    {
        ExternalProvider = (await schemes.GetSchemeAsync(ConcordServices.OidcScheme))?.DisplayName;
        if (environment.IsDevelopment() && !string.Equals(configuration["Demo:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            DemoAccounts = DemoData.Accounts;
        }
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }
}
