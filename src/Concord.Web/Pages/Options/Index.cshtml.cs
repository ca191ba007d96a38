using Concord.Core.Programme;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Options;

/// <summary>The programme's options, each with its stage.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ProgrammeReader reader, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public override string Section => "Options";

    public IReadOnlyList<Option> Options { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        Options = await Reader.OptionsAsync(View, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }

    public string PhaseOf(Option option) => View.Programme.Phases.FirstOrDefault(p => p.Id == option.PhaseId)?.Name ?? "None";

    public string WorkstreamOf(Option option) => View.Programme.Workstreams.FirstOrDefault(w => w.Id == option.WorkstreamId)?.Name ?? "None";
}
