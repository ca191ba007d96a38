using Concord.Core.Access;
using Concord.Core.Attention;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure.Attention;

/// <summary>
/// Everyone: KPIs of shared services agreements, in the partnerships of the council they work
/// for, that were red in each of their last two periods.
/// </summary>
public sealed class KpiAlerts : IAttentionSource
{
    public async Task<IReadOnlyList<AttentionItem>> FindAsync(ConcordDbContext db, IUserContext user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agreements = await db.Agreements.Include(a => a.Kpis).ThenInclude(k => k.Actuals).AsSplitQuery().ToListAsync(cancellationToken);
        return agreements
            .SelectMany(a => a.Alerts.Select(k => (Agreement: a, Kpi: k)))
            .OrderBy(x => x.Agreement.Title, StringComparer.Ordinal).ThenBy(x => x.Kpi.Measure, StringComparer.Ordinal)
            .Select(x => new AttentionItem(
                $"KPI red two periods running: {x.Kpi.Measure}",
                $"{x.Agreement.Title}: {string.Join(" and ", x.Kpi.InOrder.TakeLast(2).Select(a => a.Period))} missed the target.",
                $"/kpis/{x.Kpi.Id}",
                AttentionLevel.Overdue))
            .ToList();
    }
}
