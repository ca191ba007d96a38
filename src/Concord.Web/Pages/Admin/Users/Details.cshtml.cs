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
/// One person, as the administrator's authority sees them: their roles here (to give or take
/// away), and their account (to unlock, or to reset its password). A person with no role here is
/// not found.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DetailsModel(ConcordDbContext db, UserManager<ConcordUser> users, IUserContext user, TimeProvider clock) : ConcordPageModel
{
    public ConcordUser Person { get; private set; } = default!;

    public IReadOnlyList<AuthorityGrant> Grants { get; private set; } = [];

    public bool IsLocked { get; private set; }

    public string? NewPassword { get; private set; }

    [BindProperty]
    public string? Role { get; set; }

    public IReadOnlyList<SelectListItem> RoleChoices =>
        [new SelectListItem("Choose a role", string.Empty), .. Enum.GetValues<Role>().Where(r => Grants.All(g => g.Role != r)).Select(r => new SelectListItem(r.Display(), r.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddRoleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var role = Enum.TryParse<Role>(Role, out var parsed) ? parsed : (Role?)null;
            var grant = AuthorityGrant.Give(Person.Id, user.ActiveAuthorityId!.Value, role, Grants, user.ActorName, clock.GetUtcNow());
            db.AuthorityGrants.Add(grant);
            await db.SaveChangesAsync(cancellationToken);
            Notify($"{Person.DisplayName} is now {grant.Role.Display()} here.");
            return RedirectToPage(new { id });
        }
        catch (RuleViolationException violations)
        {
            return Invalid(violations, prefix: string.Empty);
        }
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync(Guid id, Guid grantId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var grant = Grants.SingleOrDefault(g => g.Id == grantId);
        if (grant is null)
        {
            return NotFound();
        }

        try
        {
            AuthorityGrant.CheckRemoval(await db.AuthorityGrants.ToListAsync(cancellationToken), grant);
        }
        catch (RuleViolationException violations)
        {
            return Invalid(violations, prefix: string.Empty);
        }

        db.AuthorityGrants.Remove(grant);
        await db.SaveChangesAsync(cancellationToken);
        Notify($"{Person.DisplayName} is no longer {grant.Role.Display()} here.");
        return Grants.Count > 1 ? RedirectToPage(new { id }) : Redirect("/admin/users");
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(Person, null);
        await users.ResetAccessFailedCountAsync(Person);
        Notify($"{Person.DisplayName}'s account is unlocked.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var password = TemporaryPassword.Create();
        var token = await users.GeneratePasswordResetTokenAsync(Person);
        var result = await users.ResetPasswordAsync(Person, token, password);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, string.Join(" ", result.Errors.Select(e => e.Description)));
            return Invalid();
        }

        NewPassword = password;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        // Grants are scoped to the administrator's authority: no role here, no page.
        Grants = await db.AuthorityGrants.Where(g => g.UserId == id).OrderBy(g => g.Role).ToListAsync(cancellationToken);
        var person = Grants.Count == 0 ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (person is null)
        {
            return false;
        }

        Person = person;
        IsLocked = person.LockoutEnd is { } end && end > clock.GetUtcNow();
        return true;
    }
}
