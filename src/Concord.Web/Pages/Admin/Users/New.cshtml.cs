using System.Net.Mail;
using Concord.Core;
using Concord.Core.Access;
using Concord.Data;
using Concord.Data.Identity;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Admin.Users;

/// <summary>
/// Adds a person to the administrator's authority. Someone who already has a Concord account (for
/// example a shared-post holder from a partner council) keeps it and gains roles here.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class NewModel(ConcordDbContext db, UserManager<ConcordUser> users, IUserContext user, TimeProvider clock) : ConcordPageModel
{
    public static readonly IReadOnlyList<SelectListItem> RoleChoices =
        Enum.GetValues<Role>().Select(r => new SelectListItem($"{r.Display()}: {r.Describe()}", r.ToString())).ToList();

    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public ConcordUser? Added { get; private set; }

    public string? Password { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Input.Email?.Trim() ?? string.Empty;
        if (email.Length == 0)
        {
            ModelState.AddModelError("Input.Email", "Enter their email address");
        }
        else if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.Email", "Enter an email address in the correct format, like name@example.gov.uk");
        }

        // Errors are added in the order of the fields on the page, as the error summary lists them.
        var existing = ModelState.IsValid ? await users.FindByEmailAsync(email) : null;
        if (existing is null && string.IsNullOrWhiteSpace(Input.DisplayName))
        {
            ModelState.AddModelError("Input.DisplayName", "Enter their name");
        }
        else if (Input.DisplayName?.Trim().Length > ConcordUser.MaxDisplayNameLength)
        {
            ModelState.AddModelError("Input.DisplayName", $"Name must be {ConcordUser.MaxDisplayNameLength} characters or fewer");
        }

        var roles = Input.Roles.Select(r => Enum.TryParse<Role>(r, out var role) && Enum.IsDefined(role) ? role : (Role?)null).ToList();
        if (roles.Count == 0 || roles.Any(r => r is null))
        {
            ModelState.AddModelError("Input.Roles", "Select at least one role");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var authorityId = user.ActiveAuthorityId!.Value;
        if (existing is not null && await db.AuthorityGrants.AnyAsync(g => g.UserId == existing.Id, cancellationToken))
        {
            ModelState.AddModelError("Input.Email", "This person already has roles here. Change them on their page");
            return Invalid();
        }

        // Creating the account and granting its roles succeed or fail together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = existing;
        if (person is null)
        {
            person = new ConcordUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = Input.DisplayName!.Trim(),
                CreatedAt = clock.GetUtcNow(),
            };
            Password = TemporaryPassword.Create();
            var created = await users.CreateAsync(person, Password);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError("Input.Email", error.Description);
                }

                return Invalid();
            }
        }

        try
        {
            foreach (var role in roles.Distinct())
            {
                db.AuthorityGrants.Add(AuthorityGrant.Give(person.Id, authorityId, role, [], user.ActorName, clock.GetUtcNow()));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (RuleViolationException violations)
        {
            return Invalid(violations);
        }

        await transaction.CommitAsync(cancellationToken);
        Added = person;
        return Page();
    }

    public sealed class PersonInput
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
