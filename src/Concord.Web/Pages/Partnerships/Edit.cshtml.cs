using Concord.Core.Access;
using Concord.Core.Partnerships;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Partnerships;

/// <summary>Add a partnership (/partnerships/new) or change one (/partnerships/{id}/edit). Programme leads only.</summary>
[Authorize(Policy = Policies.ProgrammeLead)]
public sealed class EditModel(ConcordDbContext db, IUserContext user) : ConcordPageModel
{
    [BindProperty]
    public PartnershipInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> AuthorityChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (id is null)
        {
            Input.Members = user.ActiveAuthorityId is { } active ? [active] : [];
            return Page();
        }

        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        Id = id;
        Input = PartnershipInput.From(partnership);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Id = id;
        var startDate = Input.StartDate.Read(ModelState, "Input.StartDate", "Start date");
        var known = AuthorityChoices.Select(c => Guid.Parse(c.Value)).ToHashSet();
        var members = Input.Members.Where(known.Contains).ToList();

        Partnership? partnership = null;
        if (id is not null)
        {
            partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (partnership is null)
            {
                return NotFound();
            }
        }

        return await SaveAsync(
            db,
            change: () =>
            {
                if (partnership is null)
                {
                    partnership = Partnership.Create(Input.Name, startDate, members, user.ActiveAuthorityId);
                    db.Partnerships.Add(partnership);
                }
                else
                {
                    partnership.Change(Input.Name, startDate, members, user.ActiveAuthorityId);
                    db.ExpectVersion(partnership, Input.Version);
                    db.Touch(partnership);
                }

                return Task.FromResult(partnership);
            },
            saved: saved =>
            {
                Notify(id is null ? $"{saved.Name} is added." : $"{saved.Name} is saved.");
                return Redirect($"/partnerships/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
                Input = latest is null ? Input : PartnershipInput.From(latest);
                return latest is not null;
            },
            "partnership",
            cancellationToken);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        AuthorityChoices = (await db.Authorities.OrderBy(a => a.Name).ToListAsync(cancellationToken))
            .Select(a => new SelectListItem($"{a.Name} ({a.OnsCode})", a.Id.ToString()))
            .ToList();

    public sealed class PartnershipInput
    {
        public string? Name { get; set; }

        public DateInput StartDate { get; set; } = new();

        public List<Guid> Members { get; set; } = [];

        public Guid Version { get; set; }

        public static PartnershipInput From(Partnership p) => new()
        {
            Name = p.Name,
            StartDate = DateInput.From(p.StartDate),
            Members = p.Members.Select(m => m.AuthorityId).ToList(),
            Version = p.Version,
        };
    }
}
