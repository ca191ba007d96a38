using System.Globalization;
using Concord.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Concord.Web.Infrastructure.Forms;

/// <summary>
/// The three boxes of a GOV.UK date input (day, month, year), read into a <see cref="DateOnly"/>
/// with the Design System's error messages.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public static DateInput From(DateOnly? date) => date is { } d
        ? new DateInput { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateInput();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>
    /// The date entered, or null when nothing was entered or it is not a real date; in the
    /// second case an error naming the problem is added under <paramref name="key"/>.
    /// </summary>
    public DateOnly? Read(ModelStateDictionary modelState, string key, string label)
    {
        if (IsEmpty)
        {
            return null;
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Day))
        {
            missing.Add("a day");
        }

        if (string.IsNullOrWhiteSpace(Month))
        {
            missing.Add("a month");
        }

        if (string.IsNullOrWhiteSpace(Year))
        {
            missing.Add("a year");
        }

        if (missing.Count > 0)
        {
            modelState.AddModelError(key, $"{label} must include {string.Join(" and ", missing)}");
            return null;
        }

        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day) ||
            !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month) ||
            !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            Year!.Trim().Length != 4 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            modelState.AddModelError(key, $"{label} must be a real date");
            return null;
        }

        return new DateOnly(year, month, day);
    }
}

public static class ModelStateExtensions
{
    /// <summary>
    /// Adds a domain rule's violations to the page's errors, under the form's field names. A field
    /// that already has an error (say "must be a real date") keeps only that first error.
    /// </summary>
    public static void AddViolations(this ModelStateDictionary modelState, RuleViolationException violations, string prefix = "Input")
    {
        foreach (var violation in violations.Violations)
        {
            var key = string.IsNullOrEmpty(prefix) ? violation.Field : $"{prefix}.{violation.Field}";
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            modelState.AddModelError(key, violation.Message);
        }
    }
}
