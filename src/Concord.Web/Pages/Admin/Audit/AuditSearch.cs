using Concord.Core;
using Concord.Core.Auditing;
using Concord.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Admin.Audit;

/// <summary>
/// A search of the audit trail, shared by the Administrator page and the API. The database
/// context already limits it to the administrator's own authority.
/// </summary>
public sealed class AuditSearch
{
    public const int PageSize = 25;

    /// <summary>Words to find in who made the change, the record or the changed values.</summary>
    [FromQuery(Name = "text")]
    public string? Text { get; set; }

    /// <summary>The kind of record, for example Partnership or GovernanceBody.</summary>
    [FromQuery(Name = "entity")]
    public string? Entity { get; set; }

    [FromQuery(Name = "action")]
    public AuditAction? Action { get; set; }

    /// <summary>First day to include (UK time).</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>Last day to include (UK time).</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    public async Task<AuditResult> RunAsync(ConcordDbContext db, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var text = Text.Trim().ToLowerInvariant();
            query = query.Where(a => a.Actor.ToLower().Contains(text) || a.EntityKey.ToLower().Contains(text) ||
                a.Entity.ToLower().Contains(text) || a.Changes.ToLower().Contains(text));
        }

        if (!string.IsNullOrWhiteSpace(Entity))
        {
            query = query.Where(a => a.Entity == Entity.Trim());
        }

        if (Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (From is { } from)
        {
            var start = Formats.StartOfUkDay(from);
            query = query.Where(a => a.When >= start);
        }

        if (To is { } to)
        {
            var end = Formats.StartOfUkDay(to.AddDays(1));
            query = query.Where(a => a.When < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(Page ?? 1, 1, pages);
        var entries = await query.OrderByDescending(a => a.When).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new AuditResult(page, pages, total, entries);
    }
}

public sealed record AuditResult(int Page, int Pages, int Total, IReadOnlyList<AuditEntry> Entries);
