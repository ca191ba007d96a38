using Concord.Data.Identity;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(UserManager<ConcordUser> users, SignInManager<ConcordUser> signIn) : ConcordPageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.Current))
        {
            ModelState.AddModelError("Input.Current", "Enter your current password");
        }

        if (string.IsNullOrEmpty(Input.New))
        {
            ModelState.AddModelError("Input.New", "Enter a new password");
        }
        else if (Input.New != Input.Confirm)
        {
            ModelState.AddModelError("Input.Confirm", "The new passwords do not match");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        var result = await users.ChangePasswordAsync(user, Input.Current!, Input.New!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? "Input.Current" : "Input.New";
                var message = error.Code == "PasswordMismatch" ? "Your current password is not correct" : error.Description;
                ModelState.AddModelError(field, message);
            }

            return Invalid();
        }

        await signIn.RefreshSignInAsync(user);
        Notify("Your password is changed.");
        return Redirect("/account");
    }

    public sealed class PasswordInput
    {
        public string? Current { get; set; }

        public string? New { get; set; }

        public string? Confirm { get; set; }
    }
}
