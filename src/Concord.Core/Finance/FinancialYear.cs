using System.Globalization;
using System.Text.RegularExpressions;

namespace Concord.Core.Finance;

/// <summary>A period of a financial year: the year itself, or one of its quarters.</summary>
public sealed record Period(DateOnly Start, DateOnly End, string Label)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>How many days of this period fall between <paramref name="from"/> and <paramref name="to"/> (open-ended when null).</summary>
    public int DaysWithin(DateOnly from, DateOnly? to)
    {
        var start = from > Start ? from : Start;
        var end = to is { } t && t < End ? t : End;
        return Math.Max(0, end.DayNumber - start.DayNumber + 1);
    }
}

/// <summary>An English local government financial year, 1 April to 31 March, written "2021-22".</summary>
public readonly partial record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    public Period Whole => new(Start, End, ToString());

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public FinancialYear Next => new(StartYear + 1);

    public override string ToString() => $"{StartYear}-{(StartYear + 1) % 100:00}";

    /// <summary>Quarter 1 is April to June; quarter 4 January to March.</summary>
    public Period Quarter(int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), "A financial year has quarters 1 to 4.");
        }

        var start = Start.AddMonths(3 * (quarter - 1));
        return new Period(start, start.AddMonths(3).AddDays(-1), $"{this} quarter {quarter}");
    }

    public static FinancialYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Reads "2021-22" (also "2021/22"); the second year must follow the first.</summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        var match = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (end != (start + 1) % 100 || start is < 2000 or > 2100)
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }

    public static FinancialYear Parse(string text) =>
        TryParse(text, out var year) ? year : throw new FormatException($"'{text}' is not a financial year like 2021-22.");

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FinancialYear left, FinancialYear right) => left.CompareTo(right) < 0;

    public static bool operator >(FinancialYear left, FinancialYear right) => left.CompareTo(right) > 0;

    public static bool operator <=(FinancialYear left, FinancialYear right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FinancialYear left, FinancialYear right) => left.CompareTo(right) >= 0;

    [GeneratedRegex(@"^(\d{4})[-/](\d{2})$")]
    private static partial Regex Pattern();
}
