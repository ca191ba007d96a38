using Concord.Web.Infrastructure.Security;
using Concord.Web.Outcomes;
using Microsoft.AspNetCore.Authorization;

namespace Concord.Web.Pages.Indicators;

/// <summary>The indicator library of every partnership the council worked for belongs to.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(OutcomesReader outcomes, IAuthorizationService authorization) : ConcordPageModel
{
    public IReadOnlyList<LibraryEntry> Library { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Library = await outcomes.LibraryAsync(cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
    }
}
