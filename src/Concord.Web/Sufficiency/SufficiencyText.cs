using Concord.Core;
using Concord.Core.Sufficiency;

namespace Concord.Web.Sufficiency;

/// <summary>How sufficiency figures read on the pages.</summary>
public static class SufficiencyText
{
    /// <summary>"£24,000", or "£23,456.50" when there are pence.</summary>
    public static string Pounds(decimal amount) =>
        amount == decimal.Truncate(amount) ? "£" + amount.ToString("#,##0", Formats.UkCulture) : Core.Finance.Money.Format(amount);

    public static string Number(int value) => value.ToString("N0", Formats.UkCulture);

    public static string Percent(decimal value) => value.ToString("0.##", Formats.UkCulture) + "%";

    /// <summary>"4 to 19".</summary>
    public static string Ages(int from, int to) => from == to ? $"{from}" : $"{from} to {to}";

    /// <summary>"+24" or "−12".</summary>
    public static string Change(int places) => places > 0 ? $"+{places}" : $"\u2212{-places}";

    /// <summary>How a planned change reads: "+24 places from 1 September 2026 (primary resourced places)".</summary>
    public static string Planned(PlannedChange change) =>
        $"{Change(change.Places)} {(Math.Abs(change.Places) == 1 ? "place" : "places")} from {Formats.Date(change.From)}{(change.Note is null ? string.Empty : $" ({change.Note})")}";

    /// <summary>The cost of a place as a list shows it: its own, or "default band: £24,000".</summary>
    public static string Cost(decimal cost, bool defaultBand) => defaultBand ? $"default band: {Pounds(cost)}" : Pounds(cost);
}
