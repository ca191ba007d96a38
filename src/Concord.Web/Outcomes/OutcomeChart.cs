using Concord.Core.Outcomes;
using Concord.Web.Infrastructure.Charts;

namespace Concord.Web.Outcomes;

/// <summary>An indicator's values as a trend chart: a line for each council, against each council's own target.</summary>
public static class OutcomeChart
{
    public static TrendChart Build(IndicatorView view, FrameworkView framework)
    {
        var councils = framework.Partnership.Councils;
        var series = councils.Select(c => new TrendSeries(c.Name,
            view.Of(c.Id).Readings.Select(r => new TrendValue(r.Period, r.Value, $"{c.Name}, {r.Period}: {view.Format(r.Value)}")).ToList())).ToList();
        var targets = councils.Select((c, i) => view.Of(c.Id).Target is { } t ? new TrendReference($"{c.Name}'s target {view.Format(t.Target)}", t.Target, i) : null)
            .OfType<TrendReference>().ToList();
        var lines = string.Join("; ", councils.Select((c, i) => $"{c.Name} is {TrendChart.Styles[i % TrendChart.Styles.Count].Words}"));
        return TrendChart.Build($"Trend of {view.Indicator.Name} by council", Description(view, framework),
            $"{lines}. The thin dotted lines in the same colours are each council's target. {view.Indicator.Polarity.Display()}.",
            view.Periods, series, targets, view.Format);
    }

    /// <summary>The chart in words, council by council, for people who cannot see it.</summary>
    public static string Description(IndicatorView view, FrameworkView framework)
    {
        var councils = framework.Partnership.Councils.Select(c =>
        {
            var a = view.Of(c.Id);
            if (a.Latest is not { } latest)
            {
                return $"{c.Name}: no values yet.";
            }

            var span = a.Readings.Count == 1 ? $"1 value, for {latest.Period}" : $"{a.Readings.Count} values from {a.Readings[0].Period} to {latest.Period}";
            var rating = a.Target is { } t ? $", {a.Rag!.Value.Display()} against a target of {view.Format(t.Target)}" : ", no target set";
            var direction = a.Direction is { } d ? $", {d.Display().ToLowerInvariant()} from {view.Format(a.Previous!.Value)} in {a.Previous.Period}" : string.Empty;
            return $"{c.Name}: {span}; the latest, {view.Format(latest.Value)} in {latest.Period}{rating}{direction}.";
        });
        return $"{string.Join(" ", councils)} {view.Indicator.Polarity.Display()}. The table below gives every value.";
    }
}
