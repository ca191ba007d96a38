using Concord.Core.Access;

namespace Concord.Core.Finance;

/// <summary>The lines a high needs budget is spent on, as councils' budget monitoring reports them.</summary>
public enum SpendingLine
{
    SpecialSchools = 1,
    ResourcedProvision = 2,
    IndependentAndNonMaintained = 3,
    AlternativeProvisionAndPrus = 4,
    MainstreamTopUp = 5,
    Post16 = 6,
    Other = 7,
}

public enum ForecastFrequency
{
    Monthly = 1,
    Quarterly = 2,
}

/// <summary>The lines of the cumulative deficit reconciliation that are entered; the in-year forecast and the totals are worked out.</summary>
public enum ReconciliationEntry
{
    PreviousOutturn = 1,
    CensusAdjustment = 2,
    BlockTransfer = 3,
    EarmarkedBaseBudget = 4,
}

public static class HighNeedsNames
{
    public static string Display(this SpendingLine line) => line switch
    {
        SpendingLine.SpecialSchools => "Special schools",
        SpendingLine.ResourcedProvision => "Resourced provision",
        SpendingLine.IndependentAndNonMaintained => "Independent and non-maintained placements",
        SpendingLine.AlternativeProvisionAndPrus => "Alternative provision and PRUs",
        SpendingLine.MainstreamTopUp => "Top-up funding in mainstream",
        SpendingLine.Post16 => "Post-16",
        SpendingLine.Other => "Other",
        _ => line.ToString(),
    };

    public static string Display(this ForecastFrequency frequency) => frequency switch
    {
        ForecastFrequency.Monthly => "Monthly",
        ForecastFrequency.Quarterly => "Quarterly",
        _ => frequency.ToString(),
    };

    public static int Periods(this ForecastFrequency frequency) => frequency == ForecastFrequency.Monthly ? 12 : 4;
}

/// <summary>
/// One spending line of the high needs budget: its budget for the year and its forecast outturn as
/// at the end of each month or quarter (nothing until forecast).
/// </summary>
public sealed record BudgetLine(SpendingLine Line, decimal Budget, IReadOnlyList<decimal?> Forecasts, string? Note = null)
{
    /// <summary>The most recent forecast outturn, or the budget while nothing has been forecast.</summary>
    public decimal LatestForecast => Forecasts.LastOrDefault(f => f is not null) ?? Budget;

    /// <summary>Forecast over budget (positive is an overspend, adding to the deficit).</summary>
    public decimal Variance => LatestForecast - Budget;
}

/// <summary>An entered line of the deficit reconciliation: a deficit is positive, a reduction negative.</summary>
public sealed record ReconciliationAmount(ReconciliationEntry Entry, decimal Amount, string? Note);

/// <summary>A line of the reconciliation as shown: entered, worked out, or a subtotal.</summary>
public sealed record ReconciliationLine(string Label, decimal Amount, string? Note, bool IsTotal);

/// <summary>Growth and savings assumptions for the deficit recovery projection.</summary>
/// <param name="DemandGrowth">Yearly growth in high needs spending before savings (0.06 for 6%).</param>
/// <param name="FundingGrowth">Yearly growth in the high needs block.</param>
/// <param name="Savings">Savings planned in each year of the projection (the year they take effect; they recur after).</param>
public sealed record RecoveryAssumptions(decimal DemandGrowth, decimal FundingGrowth, IReadOnlyList<decimal> Savings, string? Note = null)
{
    public const int Years = 5;

    public static RecoveryAssumptions None { get; } = new(0, 0, [0, 0, 0, 0, 0]);
}

/// <summary>One year of the recovery projection.</summary>
public sealed record ProjectionYear(FinancialYear Year, decimal Funding, decimal SpendBeforeSavings, decimal Savings, decimal Spend, decimal InYear, decimal CumulativeDeficit);

/// <summary>
/// A council's high needs budget for a financial year, internal to the council: read only by its
/// own staff, changed only by its own Finance role. It holds the DSG figures the council budgets
/// with, the high needs budget by spending line with forecast outturn, the cumulative deficit
/// reconciliation (in the shape of the council's own table), and the assumptions of its deficit
/// recovery projection.
/// </summary>
public sealed class HighNeedsBudget : Entity, IAuthorityOwned
{
    public Guid AuthorityId { get; private set; }

    public int FinancialYearStart { get; private set; }

    /// <summary>The council's Dedicated Schools Grant for the year as its budget report states it.</summary>
    public decimal DsgTotal { get; private set; }

    /// <summary>The council's high needs block for the year as its budget report states it.</summary>
    public decimal HighNeedsBlock { get; private set; }

    public ForecastFrequency Frequency { get; private set; } = ForecastFrequency.Quarterly;

    public List<BudgetLine> Lines { get; private set; } = [];

    public List<ReconciliationAmount> Reconciliation { get; private set; } = [];

    /// <summary>The note on the in-year forecast line, which is worked out from the spending lines.</summary>
    public string? InYearNote { get; private set; }

    public RecoveryAssumptions Recovery { get; private set; } = RecoveryAssumptions.None;

    public string? Notes { get; private set; }

    private HighNeedsBudget()
    {
    }

    public FinancialYear Year => new(FinancialYearStart);

    public static HighNeedsBudget Create(Guid authorityId, int? year, decimal? dsgTotal, decimal? highNeedsBlock, ForecastFrequency? frequency, string? notes)
    {
        var checks = new Checks();
        var start = checks.Number("Year", year, 2000, 2100, "the financial year");
        var budget = new HighNeedsBudget { AuthorityId = authorityId, FinancialYearStart = start };
        budget.ChangeSummary(dsgTotal, highNeedsBlock, frequency, notes, checks);
        budget.Lines = Enum.GetValues<SpendingLine>().Select(l => new BudgetLine(l, 0, Empty(budget.Frequency))).ToList();
        return budget;
    }

    public void ChangeSummary(decimal? dsgTotal, decimal? highNeedsBlock, ForecastFrequency? frequency, string? notes) =>
        ChangeSummary(dsgTotal, highNeedsBlock, frequency, notes, new Checks());

    private void ChangeSummary(decimal? dsgTotal, decimal? highNeedsBlock, ForecastFrequency? frequency, string? notes, Checks checks)
    {
        checks.Require(dsgTotal is not null, "DsgTotal", "Enter the Dedicated Schools Grant for the year");
        checks.Require(dsgTotal is null or >= 0, "DsgTotal", "The Dedicated Schools Grant cannot be negative");
        checks.Require(highNeedsBlock is not null, "HighNeedsBlock", "Enter the high needs block for the year");
        checks.Require(highNeedsBlock is null or >= 0, "HighNeedsBlock", "The high needs block cannot be negative");
        checks.Require(dsgTotal is null || highNeedsBlock is null || highNeedsBlock <= dsgTotal, "HighNeedsBlock", "The high needs block cannot be more than the whole Dedicated Schools Grant");
        var chosen = checks.Choice("Frequency", frequency, "Select whether the outturn is forecast monthly or quarterly");
        var text = checks.OptionalText("Notes", notes, 4000, "Notes");
        checks.ThrowIfAny();
        if (Lines.Count > 0 && chosen != Frequency)
        {
            // Forecasts are kept by period; a change of frequency starts them again.
            Lines = Lines.Select(l => l with { Forecasts = Empty(chosen) }).ToList();
        }

        (DsgTotal, HighNeedsBlock, Frequency, Notes) = (Money.Pence(dsgTotal!.Value), Money.Pence(highNeedsBlock!.Value), chosen, text);
    }

    private static List<decimal?> Empty(ForecastFrequency frequency) => Enumerable.Repeat<decimal?>(null, frequency.Periods()).ToList();

    /// <summary>The periods forecasts are kept for: the months (April first) or the quarters of the year.</summary>
    public IReadOnlyList<Period> Periods => Frequency == ForecastFrequency.Quarterly
        ? Enumerable.Range(1, 4).Select(Year.Quarter).ToList()
        : Enumerable.Range(0, 12).Select(m =>
        {
            var start = Year.Start.AddMonths(m);
            return new Period(start, start.AddMonths(1).AddDays(-1), start.ToString("MMMM yyyy", Formats.UkCulture));
        }).ToList();

    /// <summary>Sets every spending line's budget and forecasts at once; refuses negatives and the wrong number of periods.</summary>
    public void SetLines(IReadOnlyCollection<BudgetLine> lines)
    {
        var checks = new Checks();
        var periods = Frequency.Periods();
        foreach (var line in lines)
        {
            var field = $"Lines[{line.Line}]";
            checks.Require(Enum.IsDefined(line.Line), "Lines", "Choose a spending line");
            checks.Require(line.Budget >= 0, $"{field}.Budget", $"{line.Line.Display()}: the budget cannot be negative");
            checks.Require(line.Forecasts.Count == periods, $"{field}.Forecasts", $"{line.Line.Display()}: give {periods} forecasts, one for each period");
            checks.Require(line.Forecasts.All(f => f is null or >= 0), $"{field}.Forecasts", $"{line.Line.Display()}: a forecast outturn cannot be negative");
            checks.Require(line.Note is null || line.Note.Length <= 1000, $"{field}.Note", $"{line.Line.Display()}: the note must be 1000 characters or fewer");
        }

        checks.Require(lines.Select(l => l.Line).Distinct().Count() == lines.Count, "Lines", "Give each spending line once");
        checks.ThrowIfAny();
        Lines = Enum.GetValues<SpendingLine>()
            .Select(l => lines.FirstOrDefault(x => x.Line == l) is { } given
                ? given with { Budget = Money.Pence(given.Budget), Forecasts = given.Forecasts.Select(f => f is { } v ? Money.Pence(v) : (decimal?)null).ToList(), Note = string.IsNullOrWhiteSpace(given.Note) ? null : given.Note.Trim() }
                : new BudgetLine(l, 0, Empty(Frequency)))
            .ToList();
    }

    /// <summary>Sets the entered lines of the reconciliation and the note on the in-year forecast.</summary>
    public void SetReconciliation(IReadOnlyCollection<ReconciliationAmount> amounts, string? inYearNote)
    {
        var checks = new Checks();
        checks.Require(amounts.All(a => Enum.IsDefined(a.Entry)), "Reconciliation", "Choose a line of the reconciliation");
        checks.Require(amounts.Select(a => a.Entry).Distinct().Count() == amounts.Count, "Reconciliation", "Give each line of the reconciliation once");
        checks.Require(amounts.All(a => a.Note is null || a.Note.Length <= 1000), "Reconciliation", "Each note must be 1000 characters or fewer");
        var note = checks.OptionalText("InYearNote", inYearNote, 1000, "The note on the in-year forecast");
        checks.ThrowIfAny();
        Reconciliation = amounts.OrderBy(a => a.Entry)
            .Select(a => a with { Amount = Money.Pence(a.Amount), Note = string.IsNullOrWhiteSpace(a.Note) ? null : a.Note.Trim() }).ToList();
        InYearNote = note;
    }

    public void SetRecovery(decimal? demandGrowth, decimal? fundingGrowth, IReadOnlyList<decimal?> savings, string? note)
    {
        var checks = new Checks();
        checks.Require(demandGrowth is >= -0.5m and <= 1m, "DemandGrowth", "Enter yearly growth in spending between -50% and 100%");
        checks.Require(fundingGrowth is >= -0.5m and <= 1m, "FundingGrowth", "Enter yearly growth in funding between -50% and 100%");
        checks.Require(savings.Count == RecoveryAssumptions.Years, "Savings", $"Give the savings for each of the {RecoveryAssumptions.Years} years (0 if none)");
        for (var i = 0; i < savings.Count; i++)
        {
            checks.Require(savings[i] is >= 0, $"Savings[{i}]", $"Year {i + 1}: enter the savings as an amount of 0 or more");
        }

        var text = checks.OptionalText("RecoveryNote", note, 2000, "The note on the assumptions");
        checks.ThrowIfAny();
        Recovery = new RecoveryAssumptions(demandGrowth!.Value, fundingGrowth!.Value, savings.Select(s => Money.Pence(s!.Value)).ToList(), text);
    }

    public decimal TotalBudget => Lines.Sum(l => l.Budget);

    public decimal TotalForecast => Lines.Sum(l => l.LatestForecast);

    /// <summary>The in-year forecast over (or under) budget: the spending lines' forecast outturn less their budgets.</summary>
    public decimal InYearForecast => Lines.Sum(l => l.Variance);

    public decimal Entered(ReconciliationEntry entry) => Reconciliation.FirstOrDefault(r => r.Entry == entry)?.Amount ?? 0;

    /// <summary>The cumulative deficit at the end of the year: last year's outturn, census adjustment and this year's forecast.</summary>
    public decimal CumulativeDeficit => Entered(ReconciliationEntry.PreviousOutturn) + Entered(ReconciliationEntry.CensusAdjustment) + InYearForecast;

    /// <summary>The deficit carried into next year once the block transfer and the ear-marked base budget are applied.</summary>
    public decimal ForecastBalance => CumulativeDeficit + Entered(ReconciliationEntry.BlockTransfer) + Entered(ReconciliationEntry.EarmarkedBaseBudget);

    /// <summary>The cumulative deficit reconciliation, line by line, in the council's own shape.</summary>
    public IReadOnlyList<ReconciliationLine> ReconciliationLines()
    {
        var previous = new FinancialYear(FinancialYearStart - 1);
        string? Note(ReconciliationEntry entry) => Reconciliation.FirstOrDefault(r => r.Entry == entry)?.Note;
        return
        [
            new($"{previous} outturn deficit", Entered(ReconciliationEntry.PreviousOutturn), Note(ReconciliationEntry.PreviousOutturn), false),
            new("Census funding adjustment", Entered(ReconciliationEntry.CensusAdjustment), Note(ReconciliationEntry.CensusAdjustment), false),
            new($"{Year} in-year forecast", InYearForecast, InYearNote ?? "Forecast outturn less budget, from the spending lines", false),
            new($"Cumulative deficit at {Formats.Date(Year.End)}", CumulativeDeficit, null, true),
            new("Schools block transfer approved by Schools Forum", Entered(ReconciliationEntry.BlockTransfer), Note(ReconciliationEntry.BlockTransfer), false),
            new("High needs base budget ear-marked", Entered(ReconciliationEntry.EarmarkedBaseBudget), Note(ReconciliationEntry.EarmarkedBaseBudget), false),
            new($"Forecast deficit at {Formats.Date(Year.Next.Start)}", ForecastBalance, null, true),
        ];
    }

    /// <summary>The next five years from the forecast balance, under the recovery assumptions.</summary>
    public IReadOnlyList<ProjectionYear> Projection() =>
        DeficitRecovery.Project(Year.Next, ForecastBalance, HighNeedsBlock, TotalForecast, Recovery);
}

/// <summary>
/// The deficit recovery projection. Each year the high needs funding grows by the funding growth
/// rate and spending by the demand growth rate; planned savings are taken off spending in the
/// year they start and every year after; the in-year deficit (spending less funding) adds to the
/// cumulative deficit. Amounts are to the penny each year.
/// </summary>
public static class DeficitRecovery
{
    public static IReadOnlyList<ProjectionYear> Project(FinancialYear first, decimal openingDeficit, decimal funding, decimal spend, RecoveryAssumptions assumptions)
    {
        var years = new List<ProjectionYear>();
        var cumulative = openingDeficit;
        var savings = 0m;
        for (var t = 0; t < RecoveryAssumptions.Years; t++)
        {
            funding = Money.Pence(funding * (1 + assumptions.FundingGrowth));
            spend = Money.Pence(spend * (1 + assumptions.DemandGrowth));
            savings += t < assumptions.Savings.Count ? assumptions.Savings[t] : 0;
            var net = spend - savings;
            var inYear = net - funding;
            cumulative += inYear;
            years.Add(new ProjectionYear(new FinancialYear(first.StartYear + t), funding, spend, savings, net, inYear, cumulative));
        }

        return years;
    }
}

/// <summary>
/// DfE's published Dedicated Schools Grant allocation for one authority and year, by block:
/// public data, imported for every English authority, readable by every signed-in user.
/// </summary>
public sealed class DsgAllocation : Entity, IPublicData
{
    public int FinancialYearStart { get; init; }

    /// <summary>DfE's three-digit local authority code (Stockport 356).</summary>
    public int DfeCode { get; init; }

    public string LaName { get; init; } = string.Empty;

    public DsgBlocks BeforeRecoupment { get; init; } = new(0, 0, 0, 0);

    /// <summary>After academy recoupment, business rates and the high needs places ESFA funds directly.</summary>
    public DsgBlocks AfterDeductions { get; init; } = new(0, 0, 0, 0);

    public FinancialYear Year => new(FinancialYearStart);
}

public sealed record DsgBlocks(decimal Schools, decimal CentralSchoolServices, decimal HighNeeds, decimal EarlyYears)
{
    public decimal Total => Schools + CentralSchoolServices + HighNeeds + EarlyYears;
}
