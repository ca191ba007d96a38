using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace Concord.Web.Pages.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel : ConcordPageModel
{
    public void OnGet()
    {
    }
}
