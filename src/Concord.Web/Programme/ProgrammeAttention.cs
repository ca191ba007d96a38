using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Attention;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Attention;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Programme;

/// <summary>
/// What the programme needs from people now: gates ready to pass, councils' decisions awaited,
/// milestones overdue, and approvals out of step between the councils' calendars.
/// </summary>
public sealed class ProgrammeAttention(ProgrammeReader reader) : IAttentionSource
{
    public async Task<IReadOnlyList<AttentionItem>> FindAsync(ConcordDbContext db, IUserContext user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = Formats.UkDate(now);
        var items = new List<AttentionItem>();
        var programmes = await db.Programmes.Select(p => p.PartnershipId).ToListAsync(cancellationToken);
        foreach (var partnershipId in programmes)
        {
            if (await reader.ForPartnershipAsync(partnershipId, cancellationToken) is not { } view)
            {
                continue;
            }

            foreach (var option in await reader.OptionsAsync(view, cancellationToken))
            {
                var evidence = await reader.EvidenceAsync(option, view, cancellationToken);
                var gate = StageGates.Evaluate(option, evidence);
                if (gate.CanAdvance && user.Can(Capability.LeadProgramme))
                {
                    items.Add(new AttentionItem($"Ready to move to {gate.Next!.Value.Display().ToLowerInvariant()}: {option.Title}",
                        "Every criterion of its stage gate is met.", $"/options/{option.Id}", AttentionLevel.Due));
                }

                if (option.Stage == Stage.DueDiligence)
                {
                    var latest = Decision.Latest(evidence.Decisions);
                    foreach (var council in option.ParticipantIds.Where(id => latest.GetValueOrDefault(id)?.Outcome.Approves() != true).OrderBy(id => view.NameOf(id), StringComparer.Ordinal))
                    {
                        var standing = latest.GetValueOrDefault(council);
                        items.Add(new AttentionItem($"Decision awaited from {view.NameOf(council)}: {option.Title}",
                            standing is null ? "No decision is recorded yet." : $"Its latest decision is {standing.Outcome.Display().ToLowerInvariant()} ({standing.BodyName}, {Formats.Date(standing.MeetingDate)}).",
                            $"/options/{option.Id}#council-decisions", AttentionLevel.Due));
                    }
                }
            }

            foreach (var milestone in await reader.MilestonesAsync(view, null, cancellationToken))
            {
                var m = milestone.Milestone;
                if (m.IsOverdue(today))
                {
                    items.Add(new AttentionItem($"Milestone overdue: {m.Description}", $"Expected {Formats.Date(m.ExpectedDate)}; owner {m.Owner}.",
                        $"/milestones/{m.Id}", AttentionLevel.Overdue));
                }

                if (milestone.Flags.Count > 0)
                {
                    items.Add(new AttentionItem($"Approvals out of step: {m.Description}", string.Join(" ", milestone.Flags.Select(f => f.Message + ".")),
                        $"/milestones/{m.Id}", AttentionLevel.Due));
                }
            }
        }

        return items;
    }
}
