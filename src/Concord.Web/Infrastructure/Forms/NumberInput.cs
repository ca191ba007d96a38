using System.Globalization;

namespace Concord.Web.Infrastructure.Forms;

/// <summary>Numbers as people type them into a form: "£25,000", "3.5", "-2".</summary>
public static class NumberInput
{
    /// <summary>The number entered, read as <see cref="AmountInput"/> reads amounts and ignoring a percent sign; null if it is not a number.</summary>
    public static decimal? Read(string? value) =>
        AmountInput.TryParse(value?.Replace("%", string.Empty, StringComparison.Ordinal), out var number) ? number : null;

    /// <summary>A number as the form shows it back: "25000", "3.5".</summary>
    public static string Write(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// Rows of a repeated form part with something entered, moved to the top and padded with
    /// blank rows, so that "row 2" in an error message is the second row the page shows again.
    /// </summary>
    public static List<T> Compact<T>(IEnumerable<T> rows, Func<T, bool> isBlank, int count)
        where T : new()
    {
        var filled = rows.Where(r => !isBlank(r)).ToList();
        return [.. filled, .. Enumerable.Range(0, Math.Max(0, count - filled.Count)).Select(_ => new T())];
    }
}
