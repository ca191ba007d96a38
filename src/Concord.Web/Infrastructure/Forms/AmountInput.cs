using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Concord.Web.Infrastructure.Forms;

/// <summary>
/// Reads amounts as finance people type them: "1,302,000", "£1,302,000.00", "-163000" or, as
/// councils print a reduction, "(163,000)". Percentages accept "3.5" or "3.5%".
/// </summary>
public static class AmountInput
{
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var value = (text ?? string.Empty).Trim().Replace("£", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Trim();
        var negative = value.StartsWith('(') && value.EndsWith(')');
        if (negative)
        {
            value = value[1..^1].Trim();
        }

        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }

        amount = negative ? -amount : amount;
        return true;
    }

    /// <summary>The amount, or nothing when left blank; text that is not an amount is an error against the field.</summary>
    public static decimal? Read(string? text, ModelStateDictionary modelState, string key, string label) =>
        ReadNumber(text, modelState, key, $"{label} must be an amount in pounds, like 1,302,000 or (163,000)");

    /// <summary>
    /// The number, or nothing when left blank; text that is not a number adds <paramref name="error"/>
    /// against the field, unless the field already has an error.
    /// </summary>
    public static decimal? ReadNumber(string? text, ModelStateDictionary modelState, string key, string error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParse(text, out var amount))
        {
            return amount;
        }

        if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            modelState.AddModelError(key, error);
        }

        return null;
    }

    /// <summary>A percentage typed as "3.5" or "3.5%", as a proportion (0.035).</summary>
    public static decimal? ReadPercent(string? text, ModelStateDictionary modelState, string key, string label) =>
        ReadPercentOr(text, modelState, key, $"{label} must be a percentage, like 3.5");

    /// <summary>A percentage typed as "3.5" or "3.5%", as a proportion; text that is not one adds <paramref name="error"/>.</summary>
    public static decimal? ReadPercentOr(string? text, ModelStateDictionary modelState, string key, string error) =>
        ReadNumber(text?.Replace("%", string.Empty, StringComparison.Ordinal), modelState, key, error) / 100m;

    /// <summary>An amount as the form shows it again: plain, without the pound sign.</summary>
    public static string Write(decimal? amount) => amount?.ToString("#,##0.##", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string WritePercent(decimal proportion) => (proportion * 100).ToString("0.##", CultureInfo.InvariantCulture);
}
