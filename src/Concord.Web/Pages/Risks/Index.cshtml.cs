using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Risks;

/// <summary>
/// A risk log with its heat map: by default the programme's own log (its risks and the options'
/// risks escalated to it), or one option's risks (?optionId=), or every risk (?log=all).
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ProgrammeReader reader, RiskReader risks, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public override string Section => "Risks";

    public RiskLogView Log { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, Guid? optionId, string? log, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        var found = await risks.LogAsync(View, optionId, string.Equals(log, "all", StringComparison.OrdinalIgnoreCase), cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Log = found;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return Page();
    }

    /// <summary>The address of this log's download in a format ("csv" or "xlsx"), from the API.</summary>
    public string Download(string format) =>
        $"/api/partnerships/{View.PartnershipId}/risks?format={format}{(Log.Query.Length == 0 ? string.Empty : "&" + Log.Query)}";

    public string LogHref(string query) => $"/programme/{View.PartnershipId}/risks{(query.Length == 0 ? string.Empty : "?" + query)}";
}
