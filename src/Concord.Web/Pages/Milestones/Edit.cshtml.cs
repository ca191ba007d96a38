using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Milestones;

/// <summary>Adds a milestone (/programme/{partnershipId}/milestones/new) or changes one (/milestones/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public static readonly IReadOnlyList<SelectListItem> Statuses = Choices.Of<MilestoneStatus>(s => s.Display());

    public override string Section => "Milestones";

    [BindProperty]
    public MilestoneInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> OptionChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? partnershipId, Guid? id, Guid? optionId, CancellationToken cancellationToken)
    {
        var (found, milestone) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        Input = milestone is null ? new MilestoneInput { OptionId = optionId?.ToString() } : MilestoneInput.From(milestone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, milestone) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        var details = new MilestoneDetails(Input.Description, Input.Output, Input.Owner, Choices.ReadGuid(Input.OptionId),
            Input.ExpectedDate.Read(ModelState, "Input.ExpectedDate", "Expected date"),
            milestone is null ? null : Input.BaselineDate.Read(ModelState, "Input.BaselineDate", "Baseline date"),
            Input.ActualDate.Read(ModelState, "Input.ActualDate", "Actual date"),
            Choices.ReadEnum<MilestoneStatus>(Input.Status));
        var options = OptionChoices.Select(o => Choices.ReadGuid(o.Value)).OfType<Guid>().ToList();
        return await SaveAsync(
            db,
            change: () =>
            {
                if (milestone is null)
                {
                    milestone = Milestone.Create(View.Programme, details, options);
                    db.Milestones.Add(milestone);
                }
                else
                {
                    milestone.Change(details, options);
                    db.ExpectVersion(milestone, Input.Version);
                    db.Touch(milestone);
                }

                return Task.FromResult(milestone);
            },
            saved: saved =>
            {
                Notify($"Milestone \u201c{saved.Description}\u201d is saved.");
                return Redirect($"/milestones/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await db.Milestones.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
                Input = latest is null ? Input : MilestoneInput.From(latest);
                return latest is not null;
            },
            "milestone",
            cancellationToken);
    }

    private async Task<(bool Found, Milestone? Record)> FindAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var found = await LoadNewOrExistingAsync(partnershipId, id, db.Milestones, cancellationToken);
        if (found.Found)
        {
            OptionChoices = Choices.WithPrompt("Not about one option",
                (await Reader.OptionsAsync(View, cancellationToken)).Select(o => new SelectListItem(o.Title, o.Id.ToString())));
        }

        return found;
    }

    public sealed class MilestoneInput
    {
        public string? Description { get; set; }

        public string? Output { get; set; }

        public string? Owner { get; set; }

        public string? OptionId { get; set; }

        public DateInput ExpectedDate { get; set; } = new();

        public DateInput BaselineDate { get; set; } = new();

        public DateInput ActualDate { get; set; } = new();

        public string? Status { get; set; } = nameof(MilestoneStatus.NotStarted);

        public Guid Version { get; set; }

        public static MilestoneInput From(Milestone m) => new()
        {
            Description = m.Description,
            Output = m.Output,
            Owner = m.Owner,
            OptionId = m.OptionId?.ToString(),
            ExpectedDate = DateInput.From(m.ExpectedDate),
            BaselineDate = DateInput.From(m.BaselineDate),
            ActualDate = DateInput.From(m.ActualDate),
            Status = m.Status.ToString(),
            Version = m.Version,
        };
    }
}
