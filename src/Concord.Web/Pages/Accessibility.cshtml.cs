using Microsoft.AspNetCore.Authorization;

namespace Concord.Web.Pages;

[AllowAnonymous]
public sealed class AccessibilityModel : ConcordPageModel
{
    public void OnGet()
    {
    }
}
