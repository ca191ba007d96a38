using Concord.Core.Access;
using Concord.Core.PublicData;

namespace Concord.Core.Outcomes;

/// <summary>Which way an indicator should move.</summary>
public enum IndicatorPolarity
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

/// <summary>How often an indicator's values are published or collected.</summary>
public enum IndicatorFrequency
{
    Monthly = 1,
    Quarterly = 2,
    Termly = 3,
    Annually = 4,
}

/// <summary>
/// Where a mapped indicator's values are published: one measure of one table (and breakdown) of
/// an imported public dataset, for example LAIT's "FSP_NEW_GOODDEV" in dataset "dfe-lait" (table
/// and breakdown empty). Its values are read from <see cref="PublishedStatistic"/> rows whenever
/// they are shown, never copied.
/// </summary>
public sealed record StatisticMapping(string Dataset, string Table, string Measure, string Breakdown)
{
    public const int MaxDatasetLength = 50, MaxTableLength = 50, MaxMeasureLength = 100, MaxBreakdownLength = 200;

    /// <summary>Whether the row is of this dataset, table and breakdown (its measure may still be missing or suppressed).</summary>
    public bool Matches(PublishedStatistic row) =>
        row.Dataset == Dataset && row.Table == Table && row.Breakdown == Breakdown;

    /// <summary>"dfe-lait: FSP_NEW_GOODDEV"; "dfe-eyfsp, table gld, breakdown Total: gld_percent".</summary>
    public string Describe() =>
        Dataset + (Table.Length > 0 ? $", table {Table}" : string.Empty) + (Breakdown.Length > 0 ? $", breakdown {Breakdown}" : string.Empty) + $": {Measure}";
}

/// <summary>What an indicator is, as a form or request gives it.</summary>
public sealed record IndicatorDetails(
    string? Name,
    string? Definition,
    string? Unit,
    IndicatorPolarity? Polarity,
    string? Source,
    IndicatorFrequency? Frequency,
    decimal? AmberTolerance,
    string? MappedDataset = null,
    string? MappedTable = null,
    string? MappedMeasure = null,
    string? MappedBreakdown = null);

/// <summary>
/// A measure of outcomes for children in a partnership's indicator library: its name, definition,
/// unit, which way is better, source and frequency, and how near a miss of the target still counts
/// as amber. It is placed in one theme of the partnership's outcomes framework (or none yet). Its
/// values come from imported public data when it is mapped (<see cref="Mapping"/>); otherwise each
/// council enters or uploads its own (<see cref="OutcomeValue"/>).
/// </summary>
public sealed class Indicator : Entity, IPartnershipOwned
{
    public const int MaxNameLength = 200;

    public Guid PartnershipId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Definition { get; private set; } = string.Empty;

    /// <summary>"%", "days", "per 10,000 children"; empty for a plain number.</summary>
    public string? Unit { get; private set; }

    public IndicatorPolarity Polarity { get; private set; }

    public string Source { get; private set; } = string.Empty;

    public IndicatorFrequency Frequency { get; private set; }

    /// <summary>
    /// How far a value may miss its target, in the indicator's own unit, and still be rated amber
    /// rather than red (for a percentage, in percentage points). Zero means there is no amber.
    /// </summary>
    public decimal AmberTolerance { get; private set; }

    /// <summary>The dataset of the published measure its values are read from, when it is mapped.</summary>
    public string? MappedDataset { get; private set; }

    public string? MappedTable { get; private set; }

    /// <summary>The published measure's code; null when councils enter the values.</summary>
    public string? MappedMeasure { get; private set; }

    public string? MappedBreakdown { get; private set; }

    /// <summary>The published measure its values are read from, or null when councils enter them.</summary>
    public StatisticMapping? Mapping => MappedDataset is { } dataset && MappedMeasure is { } measure
        ? new StatisticMapping(dataset, MappedTable ?? string.Empty, measure, MappedBreakdown ?? string.Empty)
        : null;

    /// <summary>The theme of the framework it is in, or null while it is only in the library.</summary>
    public Guid? ThemeId { get; private set; }

    private Indicator()
    {
    }

    public bool IsImported => Mapping is not null;

    /// <summary>
    /// A new indicator in the partnership's library. <paramref name="names"/> are the names already
    /// in it (an indicator's name is unique there); <paramref name="knownMeasures"/>, when the
    /// dataset's dictionary has been imported, its measure codes (a mapping to any other is refused).
    /// </summary>
    public static Indicator Create(Guid partnershipId, IndicatorDetails details, IEnumerable<string> names, IReadOnlySet<string>? knownMeasures = null)
    {
        var indicator = new Indicator { PartnershipId = partnershipId };
        indicator.Change(details, names, knownMeasures);
        return indicator;
    }

    /// <summary>Changes what the indicator is; <paramref name="names"/> are the other indicators' names in the library.</summary>
    public void Change(IndicatorDetails details, IEnumerable<string> names, IReadOnlySet<string>? knownMeasures = null)
    {
        var checks = new Checks();
        var name = checks.Text("Name", details.Name, "Enter the indicator's name, for example Good level of development at age 5", MaxNameLength, "Name");
        checks.Require(name.Length == 0 || !names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)), "Name",
            $"The library already has an indicator called {name}");
        var definition = checks.Text("Definition", details.Definition, "Enter the indicator's definition: what is counted, and of whom", 4000, "Definition");
        var unit = checks.OptionalText("Unit", details.Unit, 50, "Unit");
        var polarity = checks.Choice("Polarity", details.Polarity, "Select whether higher or lower is better");
        var source = checks.Text("Source", details.Source, "Enter where the figures come from", 300, "Source");
        var frequency = checks.Choice("Frequency", details.Frequency, "Select how often it is published");
        checks.Require(details.AmberTolerance is not null, "AmberTolerance", "Enter how far from the target still counts as amber, or 0 for no amber");
        checks.Require(details.AmberTolerance is not < 0, "AmberTolerance", "The amber tolerance cannot be negative");
        var mapping = ReadMapping(checks, details, knownMeasures);
        checks.ThrowIfAny();

        (Name, Definition, Unit, Polarity, Source, Frequency, AmberTolerance) =
            (name, definition, unit, polarity, source, frequency, details.AmberTolerance!.Value);
        (MappedDataset, MappedTable, MappedMeasure, MappedBreakdown) =
            (mapping?.Dataset, mapping is { Table.Length: > 0 } ? mapping.Table : null, mapping?.Measure, mapping is { Breakdown.Length: > 0 } ? mapping.Breakdown : null);
    }

    private static StatisticMapping? ReadMapping(Checks checks, IndicatorDetails details, IReadOnlySet<string>? knownMeasures)
    {
        var dataset = checks.OptionalText("MappedDataset", details.MappedDataset, StatisticMapping.MaxDatasetLength, "Dataset");
        var table = checks.OptionalText("MappedTable", details.MappedTable, StatisticMapping.MaxTableLength, "Table");
        var measure = checks.OptionalText("MappedMeasure", details.MappedMeasure, StatisticMapping.MaxMeasureLength, "Measure");
        var breakdown = checks.OptionalText("MappedBreakdown", details.MappedBreakdown, StatisticMapping.MaxBreakdownLength, "Breakdown");
        if (measure is null)
        {
            checks.Require(table is null && breakdown is null, "MappedMeasure", "Enter the measure's code, or leave the table and breakdown blank too");
            return null;
        }

        checks.Require(dataset is not null, "MappedDataset", "Enter the dataset the measure is published in, for example dfe-lait");
        checks.Require(knownMeasures is null || knownMeasures.Contains(measure), "MappedMeasure", $"{dataset} has no measure {measure}");
        return dataset is null ? null : new StatisticMapping(dataset, table ?? string.Empty, measure, breakdown ?? string.Empty);
    }

    /// <summary>Places the indicator in a theme of its partnership's framework, or takes it out (null).</summary>
    public void PlaceIn(OutcomeTheme? theme)
    {
        if (theme is not null && theme.PartnershipId != PartnershipId)
        {
            throw new RuleViolationException([new("ThemeId", "Select one of the framework's themes")]);
        }

        ThemeId = theme?.Id;
    }

    /// <summary>The value rated against a target by this indicator's polarity and amber tolerance.</summary>
    public OutcomeRag? Rate(decimal? value, decimal? target) => OutcomeRating.Rate(value, target, Polarity, AmberTolerance);
}

/// <summary>
/// A theme of a partnership's outcomes framework, for example "Best start in life", "Attendance"
/// or "SEND". Its indicators are those placed in it.
/// </summary>
public sealed class OutcomeTheme : Entity, IPartnershipOwned
{
    public const int MaxNameLength = 100;

    /// <summary>The themes a framework usually starts with, in the order the councils' reports use.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Usual =
    [
        ("Best start in life", "Early years: development, take-up of early education, quality of settings"),
        ("Inclusion", "Suspensions and exclusions, alternative provision, children known to services"),
        ("Attendance", "Absence and persistent absence"),
        ("Attainment", "Outcomes from key stage 2 to key stage 4, including the disadvantaged cohort"),
        ("SEND", "Education, health and care plans, their timeliness, and SEN support"),
    ];

    public Guid PartnershipId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    /// <summary>Where it comes in the framework: themes are shown in this order.</summary>
    public int Position { get; private set; }

    private OutcomeTheme()
    {
    }

    /// <summary>A new theme at the end of the framework; <paramref name="existing"/> are the framework's themes.</summary>
    public static OutcomeTheme Create(Guid partnershipId, string? name, string? description, IReadOnlyCollection<OutcomeTheme> existing)
    {
        var theme = new OutcomeTheme { PartnershipId = partnershipId, Position = existing.Count == 0 ? 1 : existing.Max(t => t.Position) + 1 };
        theme.Change(name, description, existing);
        return theme;
    }

    public void Change(string? name, string? description, IReadOnlyCollection<OutcomeTheme> existing)
    {
        var checks = new Checks();
        var text = checks.Text("Name", name, "Enter the theme's name, for example Best start in life", MaxNameLength, "Name");
        checks.Require(text.Length == 0 || !existing.Any(t => t.Id != Id && string.Equals(t.Name, text, StringComparison.OrdinalIgnoreCase)), "Name",
            $"The framework already has a theme called {text}");
        var about = checks.OptionalText("Description", description, 1000, "Description");
        checks.ThrowIfAny();
        (Name, Description) = (text, about);
    }
}
