using System.Globalization;

namespace Concord.Core;

/// <summary>How Concord writes dates and times for people (GOV.UK style: "1 March 2022").</summary>
public static class Formats
{
    public static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", UkCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "Not set";

    /// <summary>A span of dates, either end of which may be open: "1 April 2027 to 31 March 2028", "From 1 April 2027".</summary>
    public static string Period(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        (null, null) => "Not set",
        ({ } f, null) => $"From {Date(f)}",
        (null, { } t) => $"Until {Date(t)}",
        ({ } f, { } t) => $"{Date(f)} to {Date(t)}",
    };

    /// <summary>A moment shown in UK time, for example "24 November 2026 at 3:05pm".</summary>
    public static string DateTime(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, UkTimeZone);
        var time = local.ToString(local.Minute == 0 ? "%h" : "h:mm", UkCulture) + (local.Hour < 12 ? "am" : "pm");
        return $"{local.ToString("d MMMM yyyy", UkCulture)} at {time}";
    }

    /// <summary>The date in the UK at a moment: what "today" means to the councils.</summary>
    public static DateOnly UkDate(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, UkTimeZone).DateTime);

    /// <summary>Midnight at the start of a day in the UK, as a moment.</summary>
    public static DateTimeOffset StartOfUkDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, UkTimeZone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static readonly TimeZoneInfo UkTimeZone = FindUkTimeZone();

    private static TimeZoneInfo FindUkTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
