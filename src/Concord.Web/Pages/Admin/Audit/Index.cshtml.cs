using System.Text.Json;
using Concord.Core.Auditing;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Admin.Audit;

/// <summary>Search the authority's audit trail. Read-only: nothing in Concord changes or deletes it.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(ConcordDbContext db) : ConcordPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int? PageNumber { get; set; }

    public AuditResult Result { get; private set; } = new(1, 1, 0, []);

    public IReadOnlyList<SelectListItem> Entities { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> AuthorityNames { get; private set; } = new Dictionary<Guid, string>();

    public static readonly IReadOnlyList<SelectListItem> Actions =
        [new("Any change", string.Empty), .. Enum.GetValues<AuditAction>().Select(a => new SelectListItem(a.ToString(), a.ToString()))];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var from = From.Read(ModelState, nameof(From), "From date");
        var to = To.Read(ModelState, nameof(To), "To date");
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError(nameof(To), "To date must be the same as or after the from date");
        }

        AuditAction? action = null;
        if (!string.IsNullOrEmpty(Action))
        {
            if (Enum.TryParse<AuditAction>(Action, out var parsed))
            {
                action = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(Action), "Select a kind of change from the list");
            }
        }

        Entities = [new("Any record", string.Empty), .. (await db.AuditEntries.Select(a => a.Entity).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal).Select(e => new SelectListItem(e, e))];
        AuthorityNames = await db.Authorities.ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var search = new AuditSearch { Text = Text, Entity = Entity, Action = action, From = from, To = to, Page = PageNumber };
        Result = await search.RunAsync(db, cancellationToken);
        return Page();
    }

    /// <summary>The changed fields of an entry, for display: name, before, after.</summary>
    public static IReadOnlyList<(string Field, string? Before, string? After)> Changes(AuditEntry entry)
    {
        using var document = JsonDocument.Parse(entry.Changes);
        return document.RootElement.EnumerateObject()
            .Select(p => (p.Name, Show(p.Value.GetProperty("before")), Show(p.Value.GetProperty("after"))))
            .ToList();
    }

    private static string? Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["Text"] = Text,
            ["Entity"] = Entity,
            ["Action"] = Action,
            ["From.Day"] = From.Day,
            ["From.Month"] = From.Month,
            ["From.Year"] = From.Year,
            ["To.Day"] = To.Day,
            ["To.Month"] = To.Month,
            ["To.Year"] = To.Year,
            ["pageNumber"] = page.ToString(Concord.Core.Formats.UkCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
