using Concord.Core.Access;
using Concord.Core.Governance;
using Concord.Data;
using Concord.Web.Api;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Governance;

/// <summary>Add a body (/governance/bodies/new) or change one (/governance/bodies/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditBodyModel(ConcordDbContext db, IUserContext user) : ConcordPageModel
{
    public static readonly IReadOnlyList<SelectListItem> Kinds =
        Enum.GetValues<BodyKind>().Select(k => new SelectListItem(k.Display(), k.ToString())).ToList();

    [BindProperty]
    public BodyInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            return Page();
        }

        var body = await db.GovernanceBodies.OwnedBy(db.User.ActiveAuthorityId).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (body is null)
        {
            return NotFound();
        }

        Input = BodyInput.From(body);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var kind = Enum.TryParse<BodyKind>(Input.Kind, out var parsed) ? parsed : (BodyKind?)null;
        GovernanceBody? body = null;
        if (id is not null)
        {
            body = await db.GovernanceBodies.OwnedBy(db.User.ActiveAuthorityId).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
            if (body is null)
            {
                return NotFound();
            }
        }

        return await SaveAsync(
            db,
            change: async () =>
            {
                if (body is null)
                {
                    body = GovernanceBody.Create(user.ActiveAuthorityId!.Value, Input.Name, kind, Input.Remit);
                    db.GovernanceBodies.Add(body);
                }
                else
                {
                    body.Change(Input.Name, kind, Input.Remit);
                    db.ExpectVersion(body, Input.Version);
                    db.Touch(body);
                }

                await GovernanceApi.EnsureUniqueName(db, body, cancellationToken);
                return body;
            },
            saved: saved =>
            {
                Notify(id is null ? $"{saved.Name} is added." : $"{saved.Name} is saved.");
                return Redirect($"/governance/bodies/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await db.GovernanceBodies.OwnedBy(db.User.ActiveAuthorityId).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
                Input = latest is null ? Input : BodyInput.From(latest);
                return latest is not null;
            },
            "body",
            cancellationToken);
    }

    public sealed class BodyInput
    {
        public string? Name { get; set; }

        public string? Kind { get; set; }

        public string? Remit { get; set; }

        public Guid Version { get; set; }

        public static BodyInput From(GovernanceBody body) =>
            new() { Name = body.Name, Kind = body.Kind.ToString(), Remit = body.Remit, Version = body.Version };
    }
}
