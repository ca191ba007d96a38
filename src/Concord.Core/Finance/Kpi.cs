using Concord.Core.Access;

namespace Concord.Core.Finance;

public enum KpiPolarity
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

public enum KpiFrequency
{
    Monthly = 1,
    Quarterly = 2,
    Termly = 3,
    Annually = 4,
}

public enum KpiRag
{
    Green = 1,
    Amber = 2,
    Red = 3,
}

/// <summary>
/// A performance level of a shared services agreement: a measure, its target, how often it is
/// reported and where from, and its actual value by period. Each actual is rated against the
/// target: green when it meets it, amber when within a tenth of it, red otherwise.
/// </summary>
public sealed class Kpi : Entity, IPartnershipOwned
{
    /// <summary>How far short of the target, as a share of the target, still counts as amber.</summary>
    public const decimal AmberTolerance = 0.10m;

    public Guid PartnershipId { get; init; }

    public Guid AgreementId { get; init; }

    public string Measure { get; private set; } = string.Empty;

    public string? Unit { get; private set; }

    public decimal Target { get; private set; }

    public KpiPolarity Polarity { get; private set; }

    public KpiFrequency Frequency { get; private set; }

    public string Source { get; private set; } = string.Empty;

    public List<KpiActual> Actuals { get; private set; } = [];

    public void Change(string? measure, string? unit, decimal? target, KpiPolarity? polarity, KpiFrequency? frequency, string? source)
    {
        var checks = new Checks();
        var text = checks.Text("Measure", measure, "Enter the measure, for example Calls answered within 30 seconds", 300, "Measure");
        var unitText = checks.OptionalText("Unit", unit, 50, "Unit");
        checks.Require(target is not null, "Target", "Enter the target");
        var chosenPolarity = checks.Choice("Polarity", polarity, "Select whether higher or lower is better");
        var chosenFrequency = checks.Choice("Frequency", frequency, "Select how often it is reported");
        var sourceText = checks.Text("Source", source, "Enter where the figures come from", 300, "Source");
        checks.ThrowIfAny();
        (Measure, Unit, Target, Polarity, Frequency, Source) = (text, unitText, target!.Value, chosenPolarity, chosenFrequency, sourceText);
    }

    /// <summary>Records the value for a period, replacing an earlier value for the same period.</summary>
    public KpiActual Record(string? period, DateOnly? periodEnd, decimal? value, string? note)
    {
        var checks = new Checks();
        var label = checks.Text("Period", period, "Enter the period, for example 2022-23 quarter 1", 50, "Period");
        var end = checks.Date("PeriodEnd", periodEnd, "Enter the last day of the period", "End of the period");
        checks.Require(value is not null, "Value", "Enter the value for the period");
        var noteText = checks.OptionalText("Note", note, 1000, "Note");
        checks.ThrowIfAny();
        var actual = Actuals.FirstOrDefault(a => a.PeriodEnd == end);
        if (actual is null)
        {
            actual = new KpiActual { PartnershipId = PartnershipId, KpiId = Id };
            Actuals.Add(actual);
        }

        (actual.Period, actual.PeriodEnd, actual.Value, actual.Note) = (label, end, value!.Value, noteText);
        return actual;
    }

    public KpiRag Rate(decimal value)
    {
        var meets = Polarity == KpiPolarity.HigherIsBetter ? value >= Target : value <= Target;
        if (meets)
        {
            return KpiRag.Green;
        }

        var tolerance = Math.Abs(Target) * AmberTolerance;
        var shortfall = Math.Abs(value - Target);
        return shortfall <= tolerance ? KpiRag.Amber : KpiRag.Red;
    }

    public IReadOnlyList<KpiActual> InOrder => Actuals.OrderBy(a => a.PeriodEnd).ToList();

    /// <summary>Red in each of the two latest periods: an alert on the agreement, its option and the home page.</summary>
    public bool RedTwiceRunning
    {
        get
        {
            var latest = InOrder.TakeLast(2).ToList();
            return latest.Count == 2 && latest.All(a => Rate(a.Value) == KpiRag.Red);
        }
    }
}

public sealed class KpiActual : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; init; }

    public Guid KpiId { get; init; }

    public string Period { get; set; } = string.Empty;

    public DateOnly PeriodEnd { get; set; }

    public decimal Value { get; set; }

    public string? Note { get; set; }
}
