using Concord.Core;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Applies a change to a record and saves it. A broken rule answers with this page and its
    /// errors (400); a lost race, where someone else saved the record first, answers with this
    /// page showing their version (409), or 404 if they deleted it. Either way nothing is saved.
    /// </summary>
    /// <param name="change">Makes the change (domain methods throw on a broken rule) and returns the record.</param>
    /// <param name="saved">The answer once saved, usually a redirect.</param>
    /// <param name="showLatest">Reloads the form from the latest saved version; false if it is gone.</param>
    protected async Task<IActionResult> SaveAsync<T>(
        ConcordDbContext db,
        Func<Task<T>> change,
        Func<T, IActionResult> saved,
        Func<Task<bool>> showLatest,
        string what,
        CancellationToken cancellationToken,
        string prefix = "Input")
    {
        T record;
        try
        {
            record = await change();
            if (!ModelState.IsValid)
            {
                return Invalid();
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (RuleViolationException violations)
        {
            return Invalid(violations, prefix);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.Clear();
            return await showLatest() ? Conflict(what) : NotFound();
        }

        return saved(record);
    }

    /// <summary>Shows a green success banner on the next page.</summary>
    protected void Notify(string message) => TempData["Success"] = message;
}
