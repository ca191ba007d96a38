using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Attention;
using Concord.Core.Programme;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure.Attention;

/// <summary>
/// Everyone: open risks, in the programmes of the council they work for, whose review date has
/// passed. The scoped context shows only the partnerships that council belongs to.
/// </summary>
public sealed class RiskReviewsDue : IAttentionSource
{
    public async Task<IReadOnlyList<AttentionItem>> FindAsync(ConcordDbContext db, IUserContext user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = Formats.UkDate(now);
        var risks = await db.Risks
            .Where(r => r.Status == RiskStatus.Open && r.ReviewDate < today)
            .ToListAsync(cancellationToken);
        return risks
            .Where(r => r.IsReviewOverdue(today))
            .OrderBy(r => r.ReviewDate).ThenBy(r => r.Number)
            .Select(r => new AttentionItem(
                $"Risk review overdue: {r.Reference} {r.Title}",
                $"Review was due {Formats.Date(r.ReviewDate)}; owner {r.Owner}",
                $"/risks/{r.Id}",
                AttentionLevel.Overdue))
            .ToList();
    }
}
