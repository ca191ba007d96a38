using Concord.Core.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Web.Pages;

/// <summary>
/// The GOV.UK error pages (400, 403, 404, 500 and others). Re-executed by the status code pages
/// and the exception handler, keeping the original status; never shows a stack trace.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : ConcordPageModel
{
    public int Status { get; private set; }

    public string? Reason { get; private set; }

    public IActionResult OnGet(int? code) => Describe(code);

    public IActionResult OnPost(int? code) => Describe(code);

    public IActionResult OnPut(int? code) => Describe(code);

    public IActionResult OnDelete(int? code) => Describe(code);

    private PageResult Describe(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        Status = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        if (exception is AccessDeniedException denied)
        {
            Reason = denied.Message;
        }

        var page = Page();
        page.StatusCode = Status;
        return page;
    }
}
