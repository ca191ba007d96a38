using Concord.Core;
using Concord.Core.Access;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Account;

/// <summary>Creates a personal access token and shows its secret once, never again.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NewTokenModel(ConcordDbContext db, IUserContext user, TimeProvider clock) : ConcordPageModel
{
    public static readonly IReadOnlyList<SelectListItem> Durations =
    [
        new("30 days", "30"),
        new("90 days", "90"),
        new("1 year", "365"),
    ];

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public string? Secret { get; private set; }

    public PersonalAccessToken? Created { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!int.TryParse(Input.DaysValid, out var days))
        {
            ModelState.AddModelError("Input.DaysValid", "Select how long the token lasts");
        }

        try
        {
            var (token, secret) = PersonalAccessToken.Create(user.UserId!.Value, Input.Name, days, clock.GetUtcNow());
            if (!ModelState.IsValid)
            {
                return Invalid();
            }

            db.PersonalAccessTokens.Add(token);
            await db.SaveChangesAsync(cancellationToken);
            Created = token;
            Secret = secret;

            // The secret is in this response only: the page must not be cached or replayed.
            return Page();
        }
        catch (RuleViolationException violations)
        {
            return Invalid(violations);
        }
    }

    public sealed class TokenInput
    {
        public string? Name { get; set; }

        public string? DaysValid { get; set; } = "90";
    }
}
