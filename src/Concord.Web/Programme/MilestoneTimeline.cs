using Concord.Core;
using Concord.Core.Programme;

namespace Concord.Web.Programme;

public enum TimelineMark
{
    Planned,
    Late,
    Done,
}

/// <summary>One milestone on the timeline: positions are fractions (0 to 1) of the time axis.</summary>
public sealed record TimelineRow(MilestoneView View, double Baseline, double Expected, double? Actual, TimelineMark Mark, IReadOnlyList<TimelineApproval> Approvals);

public sealed record TimelineApproval(string Authority, string Body, DateOnly Date, double At, bool Cancelled);

public sealed record TimelineTick(double At, string Label);

/// <summary>The joint milestone plan laid out in time, for the SVG timeline drawn beside its table.</summary>
public sealed record MilestoneTimeline(DateOnly From, DateOnly To, IReadOnlyList<TimelineRow> Rows, IReadOnlyList<TimelineTick> Ticks, double? Today)
{
    public static MilestoneTimeline Build(IReadOnlyList<MilestoneView> milestones, DateOnly today)
    {
        var dates = milestones.SelectMany(v => new[] { v.Milestone.BaselineDate, v.Milestone.ExpectedDate }
                .Concat(v.Milestone.ActualDate is { } a ? [a] : [])
                .Concat(v.Approvals.Where(x => x.Meeting is not null).Select(x => x.Meeting!.Date)))
            .ToList();
        if (dates.Count == 0)
        {
            return new MilestoneTimeline(today, today, [], [], null);
        }

        var first = dates.Min();
        var last = dates.Max();
        var from = new DateOnly(first.Year, first.Month, 1);
        var to = new DateOnly(last.Year, last.Month, 1).AddMonths(1);
        var span = Math.Max(1, to.DayNumber - from.DayNumber);
        double At(DateOnly date) => Math.Clamp((date.DayNumber - from.DayNumber) / (double)span, 0, 1);

        var rows = milestones.Select(v =>
        {
            var m = v.Milestone;
            var mark = m.Status == MilestoneStatus.Complete ? TimelineMark.Done
                : m.SlippageDays > 0 || m.IsOverdue(today) || v.Flags.Count > 0 ? TimelineMark.Late
                : TimelineMark.Planned;
            var approvals = v.Approvals.Where(a => a.Meeting is not null)
                .Select(a => new TimelineApproval(a.Authority, a.Body, a.Meeting!.Date, At(a.Meeting.Date), a.Meeting.Status == Core.Governance.MeetingStatus.Cancelled))
                .ToList();
            return new TimelineRow(v, At(m.BaselineDate), At(m.ExpectedDate), m.ActualDate is { } actual ? At(actual) : null, mark, approvals);
        }).ToList();

        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        var step = Math.Max(1, (int)Math.Ceiling(months / 8.0));
        var ticks = new List<TimelineTick>();
        for (var tick = from; tick <= to; tick = tick.AddMonths(step))
        {
            ticks.Add(new TimelineTick(At(tick), tick.ToString("MMM yyyy", Formats.UkCulture)));
        }

        return new MilestoneTimeline(from, to, rows, ticks, today >= from && today <= to ? At(today) : null);
    }
}
