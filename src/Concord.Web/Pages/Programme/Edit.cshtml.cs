using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Programme;

/// <summary>Sets up a partnership's programme (/programme/{id}/setup) or changes it (/programme/{id}/edit).</summary>
[Authorize(Policy = Policies.ProgrammeLead)]
public sealed class EditModel(ConcordDbContext db) : ConcordPageModel
{
    [BindProperty]
    public ProgrammeInput Input { get; set; } = new();

    public string PartnershipName { get; private set; } = string.Empty;

    public bool SettingUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var (partnership, programme) = await FindAsync(partnershipId, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        Input = programme is null
            ? new ProgrammeInput { Name = $"{partnership.Name} programme", ApprovalToleranceDays = SharedProgramme.DefaultApprovalToleranceDays.ToString(Concord.Core.Formats.UkCulture) }
            : ProgrammeInput.From(programme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var (partnership, programme) = await FindAsync(partnershipId, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        int? tolerance = int.TryParse(Input.ApprovalToleranceDays, out var days) ? days : null;
        if (tolerance is null && !string.IsNullOrWhiteSpace(Input.ApprovalToleranceDays))
        {
            ModelState.AddModelError("Input.ApprovalToleranceDays", "Days between approvals must be a whole number, like 28");
        }

        return await SaveAsync(
            db,
            change: () =>
            {
                if (programme is null)
                {
                    programme = SharedProgramme.Create(partnershipId, Input.Name, Input.Aim, tolerance);
                    db.Programmes.Add(programme);
                }
                else
                {
                    programme.Change(Input.Name, Input.Aim, tolerance);
                    db.ExpectVersion(programme, Input.Version);
                    db.Touch(programme);
                }

                return Task.FromResult(programme);
            },
            saved: saved =>
            {
                Notify($"{saved.Name} is saved.");
                return Redirect($"/programme/{partnershipId}");
            },
            showLatest: async () =>
            {
                var latest = await db.Programmes.SingleOrDefaultAsync(p => p.PartnershipId == partnershipId, cancellationToken);
                Input = latest is null ? Input : ProgrammeInput.From(latest);
                return latest is not null;
            },
            "programme",
            cancellationToken);
    }

    private async Task<(Core.Partnerships.Partnership? Partnership, SharedProgramme? Programme)> FindAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == partnershipId, cancellationToken);
        var programme = partnership is null ? null : await db.Programmes.SingleOrDefaultAsync(p => p.PartnershipId == partnershipId, cancellationToken);
        PartnershipName = partnership?.Name ?? string.Empty;
        SettingUp = programme is null;
        return (partnership, programme);
    }

    public sealed class ProgrammeInput
    {
        public string? Name { get; set; }

        public string? Aim { get; set; }

        public string? ApprovalToleranceDays { get; set; }

        public Guid Version { get; set; }

        public static ProgrammeInput From(SharedProgramme p) => new()
        {
            Name = p.Name,
            Aim = p.Aim,
            ApprovalToleranceDays = p.ApprovalToleranceDays.ToString(Concord.Core.Formats.UkCulture),
            Version = p.Version,
        };
    }
}
