using Concord.Data.Identity;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages;

[Authorize(Policy = Policies.SignedIn)]
public sealed class SignOutModel(SignInManager<ConcordUser> signIn) : ConcordPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Response.Cookies.Delete(ConcordClaims.WorkingForCookie);
        return Redirect("/sign-in?signedOut=true");
    }
}
