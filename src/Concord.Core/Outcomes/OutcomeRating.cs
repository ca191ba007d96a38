using Concord.Core.PublicData;

namespace Concord.Core.Outcomes;

/// <summary>A value rated against its target.</summary>
public enum OutcomeRag
{
    /// <summary>Meets or beats the target.</summary>
    Green = 1,

    /// <summary>Misses the target by no more than the indicator's amber tolerance.</summary>
    Amber = 2,

    /// <summary>Misses the target by more than the indicator's amber tolerance.</summary>
    Red = 3,
}

/// <summary>How the latest value moved from the period before, read by the indicator's polarity.</summary>
public enum DirectionOfTravel
{
    Improving = 1,
    NoChange = 2,
    Worsening = 3,
}

/// <summary>Where a value shown in the framework comes from.</summary>
public enum ReadingOrigin
{
    /// <summary>Entered or uploaded by the council's own staff.</summary>
    Entered = 1,

    /// <summary>Read from imported public data, for a mapped indicator.</summary>
    Imported = 2,
}

/// <summary>
/// A council's value of an indicator for a period, whatever its origin, as the framework shows it.
/// <see cref="PeriodEnd"/> orders the trend: for an entered value, the end of the period entered;
/// for an imported one, 31 December of the calendar year the published period ends in
/// (<see cref="PublishedStatistic.Year"/>), since published periods carry only that year.
/// </summary>
public sealed record OutcomeReading(Guid AuthorityId, string Period, DateOnly PeriodEnd, decimal Value, ReadingOrigin Origin, string Source, string? Note = null)
{
    public static OutcomeReading From(OutcomeValue value, string source) =>
        new(value.AuthorityId, value.Period, value.PeriodEnd, value.Value, ReadingOrigin.Entered, source, value.Note);
}

/// <summary>The rules that rate a value against its target and read its direction of travel.</summary>
public static class OutcomeRating
{
    /// <summary>
    /// Green when the value meets or beats the target (at or above it when higher is better, at or
    /// below it when lower is better); amber when it misses the target by no more than the
    /// tolerance (in the indicator's own unit); red when it misses by more. Nothing without both a
    /// value and a target. For example, higher is better, target 70, tolerance 2: 70 is green,
    /// 68 amber (2 short), 67.9 red (2.1 short). Lower is better, target 15, tolerance 1: 14.2 green,
    /// 16 amber, 16.01 red.
    /// </summary>
    public static OutcomeRag? Rate(decimal? value, decimal? target, IndicatorPolarity polarity, decimal tolerance)
    {
        if (value is not { } v || target is not { } t)
        {
            return null;
        }

        var shortfall = polarity == IndicatorPolarity.HigherIsBetter ? t - v : v - t;
        return shortfall <= 0 ? OutcomeRag.Green
            : shortfall <= tolerance ? OutcomeRag.Amber
            : OutcomeRag.Red;
    }

    /// <summary>
    /// The direction from the previous value to the latest: improving when it moved the better way
    /// (up when higher is better, down when lower is better), worsening when it moved the other way,
    /// no change when equal. Nothing without both. For example, persistent absence (lower is better)
    /// from 18.51 to 16.58 is improving; a good level of development (higher is better) from 70.4 to
    /// 65.5 is worsening.
    /// </summary>
    public static DirectionOfTravel? Direction(decimal? previous, decimal? latest, IndicatorPolarity polarity)
    {
        if (previous is not { } before || latest is not { } now)
        {
            return null;
        }

        var better = polarity == IndicatorPolarity.HigherIsBetter ? now - before : before - now;
        return better > 0 ? DirectionOfTravel.Improving
            : better < 0 ? DirectionOfTravel.Worsening
            : DirectionOfTravel.NoChange;
    }
}

/// <summary>
/// Reads a mapped indicator's values from imported public data: for each council, the published
/// rows of the mapping's dataset, table and breakdown for the council's ONS code that carry the
/// measure as a number (a suppressed or missing value is no value). Computed whenever it is shown,
/// never copied, so a new import shows at once.
/// </summary>
public static class PublishedReadings
{
    /// <param name="councils">Each council's ONS code and id.</param>
    /// <param name="source">How the readings name their source, for example "Local Authority Interactive Tool (LAIT)".</param>
    public static IReadOnlyList<OutcomeReading> Read(StatisticMapping mapping, IEnumerable<PublishedStatistic> rows, IReadOnlyDictionary<string, Guid> councils, string source) =>
        rows.Where(mapping.Matches)
            .Where(r => councils.ContainsKey(r.AreaCode) && r.Value(mapping.Measure) is not null)
            .Select(r => new OutcomeReading(councils[r.AreaCode], r.Period, new DateOnly(r.Year, 12, 31), r.Value(mapping.Measure)!.Value, ReadingOrigin.Imported, source))
            .OrderBy(r => r.PeriodEnd).ThenBy(r => r.Period, StringComparer.Ordinal)
            .ToList();
}

/// <summary>
/// One council's position on one indicator: its baseline and target, its values in period order,
/// the latest and the one before, the latest rated against the target, and the direction of travel
/// between those two.
/// </summary>
public sealed record IndicatorAssessment(
    Guid AuthorityId,
    OutcomeTarget? Target,
    IReadOnlyList<OutcomeReading> Readings,
    OutcomeReading? Latest,
    OutcomeReading? Previous,
    OutcomeRag? Rag,
    DirectionOfTravel? Direction)
{
    /// <summary>Assesses <paramref name="authorityId"/> on <paramref name="indicator"/> from its target and readings (any council's; its own are picked).</summary>
    public static IndicatorAssessment Of(Indicator indicator, Guid authorityId, OutcomeTarget? target, IEnumerable<OutcomeReading> readings)
    {
        var own = readings.Where(r => r.AuthorityId == authorityId).OrderBy(r => r.PeriodEnd).ThenBy(r => r.Period, StringComparer.Ordinal).ToList();
        var latest = own.Count > 0 ? own[^1] : null;
        var previous = own.Count > 1 ? own[^2] : null;
        return new IndicatorAssessment(authorityId, target, own, latest, previous,
            indicator.Rate(latest?.Value, target?.Target),
            OutcomeRating.Direction(previous?.Value, latest?.Value, indicator.Polarity));
    }
}

public static class OutcomeNames
{
    public static string Display(this IndicatorPolarity polarity) => polarity switch
    {
        IndicatorPolarity.HigherIsBetter => "Higher is better",
        IndicatorPolarity.LowerIsBetter => "Lower is better",
        _ => polarity.ToString(),
    };

    public static string Display(this IndicatorFrequency frequency) => frequency.ToString();

    /// <summary>The rating in words, so that it never rests on colour alone.</summary>
    public static string Display(this OutcomeRag rag) => rag switch
    {
        OutcomeRag.Green => "Green: on target",
        OutcomeRag.Amber => "Amber: near target",
        OutcomeRag.Red => "Red: off target",
        _ => rag.ToString(),
    };

    public static string Display(this DirectionOfTravel direction) => direction switch
    {
        DirectionOfTravel.Improving => "Improving",
        DirectionOfTravel.NoChange => "No change",
        DirectionOfTravel.Worsening => "Worsening",
        _ => direction.ToString(),
    };

    public static string Display(this ReadingOrigin origin) => origin switch
    {
        ReadingOrigin.Entered => "Entered",
        ReadingOrigin.Imported => "Imported",
        _ => origin.ToString(),
    };
}
