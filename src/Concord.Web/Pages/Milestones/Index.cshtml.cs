using Concord.Core.Programme;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Milestones;

/// <summary>The joint milestone plan: a timeline with its table, flags where the councils' approvals are out of step.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ProgrammeReader reader, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public override string Section => "Milestones";

    [BindProperty(SupportsGet = true)]
    public Guid? OptionId { get; set; }

    public IReadOnlyList<MilestoneView> Milestones { get; private set; } = [];

    public MilestoneTimeline Timeline { get; private set; } = default!;

    public IReadOnlyList<Option> Options { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string ExportLink(string format) =>
        $"/api/partnerships/{View.PartnershipId}/milestones?format={format}" + (OptionId is { } o ? $"&optionId={o}" : string.Empty);

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        Options = await Reader.OptionsAsync(View, cancellationToken);
        if (OptionId is { } optionId && Options.All(o => o.Id != optionId))
        {
            return NotFound();
        }

        Milestones = await Reader.MilestonesAsync(View, OptionId, cancellationToken);
        Timeline = MilestoneTimeline.Build(Milestones, Reader.Today);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }
}
