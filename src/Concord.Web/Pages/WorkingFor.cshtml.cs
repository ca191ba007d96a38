using Concord.Core.Access;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages;

/// <summary>
/// For people who serve more than one council: choose the authority to work for. What they see
/// and change follows that choice.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class WorkingForModel(ConcordDatabase database, IUserContext user) : ConcordPageModel
{
    [BindProperty]
    public Guid? AuthorityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<SelectListItem> Choices { get; private set; } = [];

    public async Task OnGetAsync()
    {
        AuthorityId = user.ActiveAuthorityId;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (AuthorityId is not { } chosen || Choices.All(c => c.Value != chosen.ToString()))
        {
            ModelState.AddModelError(nameof(AuthorityId), "Select an authority you hold a role in");
            return Invalid();
        }

        Response.Cookies.Append(ConcordClaims.WorkingForCookie, chosen.ToString(), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
        });
        Notify($"You are now working for {Choices.First(c => c.Value == chosen.ToString()).Text}.");
        return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
    }

    private async Task LoadAsync()
    {
        var ids = user.AuthorityIds();
        await using var db = database.OpenAsSystem();
        Choices = (await db.Authorities.Where(a => ids.Contains(a.Id)).ToListAsync())
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString()))
            .ToList();
    }
}
