using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Attention;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure.Attention;

/// <summary>
/// Everyone: shared posts, in the partnerships of the council they work for, whose next review
/// falls within the next 90 days (today included). The scoped context shows only those partnerships.
/// </summary>
public sealed class SharedPostReviewsDue : IAttentionSource
{
    public const int WarningDays = 90;

    public async Task<IReadOnlyList<AttentionItem>> FindAsync(ConcordDbContext db, IUserContext user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = Formats.UkDate(now);
        var posts = await db.SharedPosts.ToListAsync(cancellationToken);
        return posts
            .Select(p => (Post: p, Review: p.NextReview(today)))
            .Where(x => x.Review is { } review && review <= today.AddDays(WarningDays))
            .OrderBy(x => x.Review).ThenBy(x => x.Post.Title, StringComparer.Ordinal)
            .Select(x => new AttentionItem(
                $"Shared post review due: {x.Post.Title}",
                $"Review on {Formats.Date(x.Review!.Value)}{(x.Post.Holder is { } holder ? $"; held by {holder}" : string.Empty)}",
                $"/shared-posts/{x.Post.Id}",
                AttentionLevel.Due))
            .ToList();
    }
}
