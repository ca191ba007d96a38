using System.Globalization;
using Concord.Core.Access;

namespace Concord.Core.PublicData;

/// <summary>
/// One row of a published statistics table for one area and period (and breakdown, such as a
/// characteristic or a school phase): its measures as numbers, and the measures published as a
/// code (c confidential, x not available, z not applicable …) or as words (an Ofsted judgement).
/// DfE, Ofsted and LAIT tables all fit this shape, so one table holds them compactly.
/// </summary>
public sealed class PublishedStatistic : Entity, IPublicData
{
    /// <summary>The dataset it was imported with, for example "dfe-lait".</summary>
    public string Dataset { get; init; } = string.Empty;

    /// <summary>The table within the dataset, for example "children-in-need"; empty when the dataset has one.</summary>
    public string Table { get; init; } = string.Empty;

    /// <summary>ONS code of the area (see <see cref="PublicArea"/>).</summary>
    public string AreaCode { get; init; } = string.Empty;

    /// <summary>The period as published: "2023/24", "2022", "2014-16", "2023-07-10".</summary>
    public string Period { get; init; } = string.Empty;

    /// <summary>The calendar year the period ends in, for ordering a trend: "2023/24" is 2024.</summary>
    public int Year { get; init; }

    /// <summary>The breakdown as published, for example "Total", "Primary" or "Free school meals eligible"; empty when none.</summary>
    public string Breakdown { get; init; } = string.Empty;

    public Dictionary<string, decimal> Values { get; init; } = [];

    /// <summary>Measures published as words or as a suppression code, as they were published.</summary>
    public Dictionary<string, string> Texts { get; init; } = [];

    public decimal? Value(string measure) => Values.TryGetValue(measure, out var value) ? value : null;

    public string? Text(string measure) => Texts.TryGetValue(measure, out var text) ? text : null;
}

/// <summary>How a measure reads: whether a higher value is better.</summary>
public enum Polarity
{
    Neutral = 0,
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

/// <summary>What a published measure means, as its publisher defines it (for example LAIT's data dictionary).</summary>
public sealed class PublishedMeasure : Entity, IPublicData
{
    public string Dataset { get; init; } = string.Empty;

    /// <summary>The measure's code in the dataset, for example "FSP_NEW_GOODDEV".</summary>
    public string Code { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string Topic { get; init; } = string.Empty;

    /// <summary>What a value is: "% of pupils", "Rate per 10,000 children".</summary>
    public string Unit { get; init; } = string.Empty;

    public Polarity Polarity { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>Who collects it, for example "Department for Education".</summary>
    public string Source { get; init; } = string.Empty;

    public string Link { get; init; } = string.Empty;
}

/// <summary>
/// Published periods: "2024", "2023/24", "202324", "2023-24", "2014-16" (three years to 2016),
/// "2013/14-15/16" (three academic years to 2015/16), a date "2023-07-10", and any of these
/// followed by the status LAIT gives a figure: "2016-17 (OT)" outturn, "2018 (Rev)" revised,
/// "2020 (Final)", "2025 (prov)" provisional. Anything else is not a period: never guessed.
/// </summary>
public static class PublishedPeriod
{
    private static readonly string[] Statuses = ["OT", "Rev", "Final", "prov"];

    /// <summary>
    /// The period as a reader expects it: an academic year "202122" as "2021/22", a date
    /// "2023-12-04" as "4 December 2023"; every other period as published.
    /// </summary>
    public static string Label(string period)
    {
        var text = period.Trim();
        if (text.Length == 6 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) && YearOf(text) is not null)
        {
            return $"{text[..4]}/{text[4..]}";
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>The calendar year the period ends in, or null when it is not a period.</summary>
    public static int? YearOf(string period)
    {
        var text = period.Trim();
        if (text.EndsWith(')') && text.LastIndexOf(" (", StringComparison.Ordinal) is var open and > 0
            && Statuses.Contains(text[(open + 2)..^1], StringComparer.Ordinal))
        {
            text = text[..open];
        }

        if (text.Length == 4 && int.TryParse(text, out var year) && year is > 1900 and < 2200)
        {
            return year;
        }

        if (text.Length == 6 && int.TryParse(text, out var academic) && academic / 100 is > 1900 and < 2200 && (academic / 100 + 1) % 100 == academic % 100)
        {
            return academic / 100 + 1;
        }

        if (text.Length == 7 && text[4] is '/' or '-' && int.TryParse(text[..4], out var start) && int.TryParse(text[5..], out var twoDigits) && start is > 1900 and < 2200)
        {
            var end = start - start % 100 + twoDigits + (twoDigits < start % 100 ? 100 : 0);
            return end - start is >= 1 and <= 3 ? end : null;
        }

        if (text.Length == 13 && text[4] == '/' && text[7] == '-' && text[10] == '/' && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && YearOf(text[..7]) == first + 1 && int.TryParse(text[8..10], NumberStyles.None, CultureInfo.InvariantCulture, out var lastStart))
        {
            var last = YearOf($"{first - first % 100 + lastStart + (lastStart < first % 100 ? 100 : 0)}{text[10..]}");
            return last - first is >= 2 and <= 5 ? last : null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.Year : null;
    }
}
