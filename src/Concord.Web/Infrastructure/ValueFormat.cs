namespace Concord.Web.Infrastructure;

/// <summary>Numbers with their unit, as KPIs and indicators show them.</summary>
public static class ValueFormat
{
    /// <summary>"78%", "£1,302,000.00", "2 reports", "12.5": up to two decimal places.</summary>
    public static string WithUnit(decimal value, string? unit)
    {
        var number = value.ToString("#,##0.##", Core.Formats.UkCulture);
        return unit switch
        {
            null or "" => number,
            "%" => number + "%",
            "£" => Core.Finance.Money.Format(value),
            _ => $"{number} {unit}",
        };
    }

    /// <summary>The value without trailing zeros (52.0000 read back from the database is 52), for downloads.</summary>
    public static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>A difference in the unit: "2 percentage points" for a percentage, else as <see cref="WithUnit"/>.</summary>
    public static string Difference(decimal value, string? unit) =>
        unit == "%" ? $"{value.ToString("#,##0.##", Core.Formats.UkCulture)} percentage {(value == 1 ? "point" : "points")}" : WithUnit(value, unit);
}
