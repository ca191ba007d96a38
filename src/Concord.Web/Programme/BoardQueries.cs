using Concord.Core.Programme;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Programme;

/// <summary>
/// Reads the programme board for pages and the API alike, through the signed-in person's scoped
/// database context: a council outside the partnership finds nothing.
/// </summary>
public static class BoardQueries
{
    /// <summary>A board meeting with its agenda and actions.</summary>
    public static Task<BoardMeeting?> BoardMeetingAsync(this ConcordDbContext db, Guid id, CancellationToken cancellationToken) =>
        Meetings(db).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>The meeting whose agenda holds the item, with its agenda and actions.</summary>
    public static async Task<(BoardMeeting Meeting, AgendaItem Item)?> AgendaItemAsync(this ConcordDbContext db, Guid itemId, CancellationToken cancellationToken)
    {
        var meetingId = await db.AgendaItems.Where(i => i.Id == itemId).Select(i => (Guid?)i.BoardMeetingId).SingleOrDefaultAsync(cancellationToken);
        var meeting = meetingId is { } id ? await db.BoardMeetingAsync(id, cancellationToken) : null;
        return meeting?.AgendaItems.SingleOrDefault(i => i.Id == itemId) is { } item ? (meeting, item) : null;
    }

    /// <summary>The meeting an action came from, with its agenda and actions.</summary>
    public static async Task<(BoardMeeting Meeting, BoardAction Action)?> BoardActionAsync(this ConcordDbContext db, Guid actionId, CancellationToken cancellationToken)
    {
        var meetingId = await db.BoardActions.Where(a => a.Id == actionId).Select(a => (Guid?)a.BoardMeetingId).SingleOrDefaultAsync(cancellationToken);
        var meeting = meetingId is { } id ? await db.BoardMeetingAsync(id, cancellationToken) : null;
        return meeting?.Actions.SingleOrDefault(a => a.Id == actionId) is { } action ? (meeting, action) : null;
    }

    /// <summary>The programme's board meetings, latest first, each with its agenda and actions.</summary>
    public static async Task<IReadOnlyList<BoardMeeting>> BoardMeetingsAsync(this ConcordDbContext db, Guid programmeId, CancellationToken cancellationToken) =>
        (await Meetings(db).Where(m => m.ProgrammeId == programmeId).ToListAsync(cancellationToken))
            .OrderByDescending(m => m.Date).ToList();

    /// <summary>The programme's board members: those still on the board first, then by role and name.</summary>
    public static async Task<IReadOnlyList<BoardMember>> BoardMembersAsync(this ConcordDbContext db, Guid programmeId, CancellationToken cancellationToken) =>
        (await db.BoardMembers.Where(m => m.ProgrammeId == programmeId).ToListAsync(cancellationToken))
            .OrderByDescending(m => m.Active).ThenBy(m => m.Role).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();

    private static IQueryable<BoardMeeting> Meetings(ConcordDbContext db) =>
        db.BoardMeetings.Include(m => m.AgendaItems).Include(m => m.Actions).AsSplitQuery();
}
