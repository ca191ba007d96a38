using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Attention;
using Concord.Core.Programme;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure.Attention;

/// <summary>
/// One kind of thing that can need a person's attention. The home page asks every registered
/// source; later capabilities (overdue actions, reviews due, red KPIs) add their own.
/// </summary>
public interface IAttentionSource
{
    Task<IReadOnlyList<AttentionItem>> FindAsync(ConcordDbContext db, IUserContext user, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Administrators: accounts in their authority that are locked after failed sign-ins.</summary>
public sealed class LockedAccounts : IAttentionSource
{
    public async Task<IReadOnlyList<AttentionItem>> FindAsync(ConcordDbContext db, IUserContext user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!user.Can(Capability.Administer))
        {
            return [];
        }

        // Grants are filtered to the administrator's authority, so only its own people count.
        var locked = await db.AuthorityGrants
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => u)
            .Where(u => u.LockoutEnd != null)
            .Select(u => new { u.Id, u.LockoutEnd })
            .Distinct()
            .ToListAsync(cancellationToken);
        var count = locked.Count(u => u.LockoutEnd > now);
        return count == 0
            ? []
            : [new AttentionItem(
                count == 1 ? "1 account is locked" : $"{count} accounts are locked",
                "Locked after repeated failed sign-ins. Unlock them if the person asks.",
                "/admin/users",
                AttentionLevel.Overdue)];
    }
}

/// <summary>Everyone: their own personal access tokens that expire within two weeks.</summary>
public sealed class ExpiringTokens : IAttentionSource
{
    public const int WarningDays = 14;

    public async Task<IReadOnlyList<AttentionItem>> FindAsync(ConcordDbContext db, IUserContext user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var soon = today.AddDays(WarningDays);
        var tokens = await db.PersonalAccessTokens
            .Where(t => t.RevokedAt == null && t.ExpiresOn >= today && t.ExpiresOn <= soon)
            .OrderBy(t => t.ExpiresOn)
            .ToListAsync(cancellationToken);
        return tokens
            .Select(t => new AttentionItem(
                $"Access token \u201c{t.Name}\u201d expires on {Formats.Date(t.ExpiresOn)}",
                "Scripts using it will stop working. Create a new token before then.",
                "/account",
                AttentionLevel.Due))
            .ToList();
    }
}

/// <summary>Everyone: open actions from programme board meetings, past their due date, in the council's partnerships.</summary>
public sealed class OverdueBoardActions : IAttentionSource
{
    public async Task<IReadOnlyList<AttentionItem>> FindAsync(ConcordDbContext db, IUserContext user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The query filters keep the actions to the partnerships of the council the person works for.
        var today = Formats.UkDate(now);
        var open = await db.BoardActions.Where(a => a.Status == ActionStatus.Open && a.DueDate < today).ToListAsync(cancellationToken);
        return open
            .Where(a => a.IsOverdue(today))
            .OrderBy(a => a.DueDate).ThenBy(a => a.Description, StringComparer.Ordinal)
            .Select(a => new AttentionItem(
                $"Board action overdue: {a.Description}",
                $"{a.Owner}, due {Formats.Date(a.DueDate)}",
                $"/board/meetings/{a.BoardMeetingId}",
                AttentionLevel.Overdue))
            .ToList();
    }
}
