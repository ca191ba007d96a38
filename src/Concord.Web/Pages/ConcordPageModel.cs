using Concord.Core;
using Concord.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Web.Pages;

/// <summary>What every Concord page model shares: answering a form with its errors and the right status.</summary>
public abstract class ConcordPageModel : PageModel
{
    /// <summary>The same page again with its error summary, answered 400 Bad Request.</summary>
    protected PageResult Invalid(int status = StatusCodes.Status400BadRequest)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    /// <summary>The same page again with the domain rule's messages against the fields they name.</summary>
    protected PageResult Invalid(RuleViolationException violations, string prefix = "Input")
    {
        ModelState.AddViolations(violations, prefix);
        return Invalid();
    }

    /// <summary>Someone else saved the record first: say so, and show their version (409 Conflict).</summary>
    protected PageResult Conflict(string what)
    {
        ModelState.AddModelError(string.Empty,
            $"Someone else changed this {what} while you were editing it. Their changes are shown below; make your change again if it is still needed.");
        return Invalid(StatusCodes.Status409Conflict);
    }

    /// <summary>Shows a green success banner on the next page.</summary>
    protected void Notify(string message) => TempData["Success"] = message;
}
