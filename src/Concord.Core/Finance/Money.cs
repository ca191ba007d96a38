using System.Globalization;

namespace Concord.Core.Finance;

/// <summary>
/// Money is <see cref="decimal"/> pounds. Amounts that are paid are whole pence; a split of a sum
/// always adds back to the sum exactly.
/// </summary>
public static class Money
{
    /// <summary>To the nearest penny, halves away from zero (as a finance system rounds).</summary>
    public static decimal Pence(decimal pounds) => Math.Round(pounds, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Splits <paramref name="total"/> (whole pence) in proportion to <paramref name="weights"/>, by
    /// the largest-remainder method: each share is first rounded down to the penny, then the pence
    /// left over go one each to the shares with the largest remainders (ties to the earlier share).
    /// The shares always add up exactly to the total.
    /// </summary>
    public static decimal[] Allocate(decimal total, IReadOnlyList<decimal> weights)
    {
        if (weights.Count == 0)
        {
            throw new ArgumentException("Nothing to allocate between.", nameof(weights));
        }

        if (weights.Any(w => w < 0))
        {
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        }

        var sum = weights.Sum();
        if (sum == 0)
        {
            throw new ArgumentException("At least one weight must be more than zero.", nameof(weights));
        }

        var pence = Pence(total) * 100m;
        var sign = Math.Sign(pence);
        var magnitude = Math.Abs(pence);
        var exact = weights.Select(w => magnitude * w / sum).ToArray();
        var floors = exact.Select(Math.Floor).ToArray();
        var left = (int)(magnitude - floors.Sum());
        foreach (var index in exact.Select((value, i) => (Remainder: value - floors[i], Index: i))
                     .OrderByDescending(x => x.Remainder).ThenBy(x => x.Index).Take(left).Select(x => x.Index))
        {
            floors[index] += 1;
        }

        return floors.Select(p => sign * p / 100m).ToArray();
    }

    /// <summary>"£1,302,000.00"; negative amounts in brackets as councils print them: "(£163,000.00)".</summary>
    public static string Format(decimal pounds) =>
        pounds < 0 ? $"({Format(-pounds)})" : "£" + Pence(pounds).ToString("#,##0.00", Formats.UkCulture);

    /// <summary>"£1,302,000", to the nearest pound, for estimates where pence mean nothing; negative in brackets: "(£163,000)".</summary>
    public static string Pounds(decimal pounds) =>
        pounds < 0 ? $"({Pounds(-pounds)})" : "£" + Math.Round(pounds, 0, MidpointRounding.AwayFromZero).ToString("#,##0", Formats.UkCulture);

    /// <summary>"£1.302m"; negative in brackets: "(£0.163m)".</summary>
    public static string Millions(decimal pounds) =>
        pounds < 0 ? $"({Millions(-pounds)})" : "£" + Math.Round(pounds / 1_000_000m, 3, MidpointRounding.AwayFromZero).ToString("0.000", CultureInfo.InvariantCulture) + "m";
}
