using Concord.Core.Finance;

namespace Concord.Core.Tests.Finance;

public sealed class HighNeedsTests
{
    /// <summary>Stockport's 2020-21 reconciliation, as DOMAIN.md gives it (£m): 1.302, (0.163), 2.099, 3.238, (0.870), (0.497), 1.871.</summary>
    private static HighNeedsBudget Stockport2020()
    {
        var budget = HighNeedsBudget.Create(Guid.NewGuid(), 2020, 258_709_000m, 37_810_000m, ForecastFrequency.Quarterly, null);
        budget.SetLines(
        [
            new(SpendingLine.SpecialSchools, 15_000_000m, [15_100_000m, 15_250_000m, null, null]),
            new(SpendingLine.IndependentAndNonMaintained, 6_000_000m, [6_900_000m, 7_400_000m, 7_599_000m, null]),
            new(SpendingLine.MainstreamTopUp, 16_810_000m, [null, null, null, 17_060_000m]),
        ]);
        budget.SetReconciliation(
        [
            new(ReconciliationEntry.PreviousOutturn, 1_302_000m, "Outturn reported to Schools Forum"),
            new(ReconciliationEntry.CensusAdjustment, -163_000m, "October census"),
            new(ReconciliationEntry.BlockTransfer, -870_000m, "Approved by Schools Forum"),
            new(ReconciliationEntry.EarmarkedBaseBudget, -497_000m, null),
        ], null);
        return budget;
    }

    [Fact]
    public void The_in_year_forecast_is_the_spending_lines_latest_forecasts_less_their_budgets()
    {
        var budget = Stockport2020();

        // Special schools: latest forecast (quarter 2) 15,250,000 - 15,000,000 = +250,000.
        // Independent: 7,599,000 - 6,000,000 = +1,599,000. Top-up: 17,060,000 - 16,810,000 = +250,000.
        // Lines with no budget and no forecast add nothing. In-year: 2,099,000.
        Assert.Equal(7, budget.Lines.Count);
        Assert.Equal(37_810_000m, budget.TotalBudget);
        Assert.Equal(39_909_000m, budget.TotalForecast);
        Assert.Equal(2_099_000m, budget.InYearForecast);
    }

    [Fact]
    public void The_reconciliation_reproduces_Stockports_table_line_by_line()
    {
        var lines = Stockport2020().ReconciliationLines();

        Assert.Equal(
        [
            ("2019-20 outturn deficit", "£1.302m"),
            ("Census funding adjustment", "(£0.163m)"),
            ("2020-21 in-year forecast", "£2.099m"),
            ("Cumulative deficit at 31 March 2021", "£3.238m"),
            ("Schools block transfer approved by Schools Forum", "(£0.870m)"),
            ("High needs base budget ear-marked", "(£0.497m)"),
            ("Forecast deficit at 1 April 2021", "£1.871m"),
        ], lines.Select(l => (l.Label, Money.Millions(l.Amount))));
        Assert.Equal(3_238_000.00m, lines[3].Amount);
        Assert.Equal(1_871_000.00m, lines[6].Amount);
        Assert.Equal([false, false, false, true, false, false, true], lines.Select(l => l.IsTotal));
        Assert.Equal("October census", lines[1].Note);
    }

    [Fact]
    public void The_recovery_projection_matches_the_hand_worked_example()
    {
        // Opening deficit 1,000,000; funding 10,000,000 growing 2%; spending 10,500,000 growing 5%;
        // savings of 100,000 from year 1 and a further 200,000 from year 2.
        // Year 1: funding 10,200,000; spending 11,025,000 - 100,000 = 10,925,000; in-year 725,000; cumulative 1,725,000.
        // Year 2: funding 10,404,000; spending 11,576,250 - 300,000 = 11,276,250; in-year 872,250; cumulative 2,597,250.
        // Year 3: funding 10,612,080; spending 12,155,062.50 - 300,000 = 11,855,062.50; in-year 1,242,982.50; cumulative 3,840,232.50.
        var years = DeficitRecovery.Project(new FinancialYear(2021), 1_000_000m, 10_000_000m, 10_500_000m,
            new RecoveryAssumptions(0.05m, 0.02m, [100_000m, 200_000m, 0, 0, 0]));

        Assert.Equal(5, years.Count);
        Assert.Equal(["2021-22", "2022-23", "2023-24"], years.Take(3).Select(y => y.Year.ToString()));
        Assert.Equal([10_200_000m, 10_404_000m, 10_612_080m], years.Take(3).Select(y => y.Funding));
        Assert.Equal([10_925_000m, 11_276_250m, 11_855_062.50m], years.Take(3).Select(y => y.Spend));
        Assert.Equal([725_000m, 872_250m, 1_242_982.50m], years.Take(3).Select(y => y.InYear));
        Assert.Equal([1_725_000m, 2_597_250m, 3_840_232.50m], years.Take(3).Select(y => y.CumulativeDeficit));
    }

    [Fact]
    public void Projection_starts_from_the_budgets_forecast_balance_and_outturn()
    {
        var budget = Stockport2020();
        budget.SetRecovery(0m, 0m, [0m, 0m, 0m, 0m, 0m], null);

        var first = budget.Projection()[0];

        // No growth, no savings: spending 39,909,000 against funding 37,810,000 adds 2,099,000 a year to 1,871,000.
        Assert.Equal("2021-22", first.Year.ToString());
        Assert.Equal(1_871_000m + 2_099_000m, first.CumulativeDeficit);
    }

    [Fact]
    public void Bad_budget_figures_are_refused_and_nothing_changes()
    {
        var budget = Stockport2020();

        var refused = Assert.Throws<RuleViolationException>(() => budget.SetLines(
        [
            new(SpendingLine.SpecialSchools, -1m, [null, null, null, null]),
            new(SpendingLine.Post16, 10m, [1m, 2m]),
        ]));
        var summary = Assert.Throws<RuleViolationException>(() => budget.ChangeSummary(1_000m, 2_000m, ForecastFrequency.Monthly, null));
        var recovery = Assert.Throws<RuleViolationException>(() => budget.SetRecovery(null, 0.02m, [0m, -5m, 0m, 0m, 0m], null));

        Assert.Equal(["Special schools: the budget cannot be negative", "Post-16: give 4 forecasts, one for each period"], refused.Violations.Select(v => v.Message));
        Assert.Equal("The high needs block cannot be more than the whole Dedicated Schools Grant", summary.Violations.Single().Message);
        Assert.Equal(["Enter yearly growth in spending between -50% and 100%", "Year 2: enter the savings as an amount of 0 or more"], recovery.Violations.Select(v => v.Message));
        Assert.Equal(2_099_000m, budget.InYearForecast);
        Assert.Equal(ForecastFrequency.Quarterly, budget.Frequency);
    }

    [Fact]
    public void Monthly_forecasts_are_kept_for_each_month_from_April()
    {
        var budget = HighNeedsBudget.Create(Guid.NewGuid(), 2022, 270_429_752m, 42_444_539m, ForecastFrequency.Monthly, null);

        Assert.Equal(12, budget.Periods.Count);
        Assert.Equal("April 2022", budget.Periods[0].Label);
        Assert.Equal(new DateOnly(2023, 3, 31), budget.Periods[11].End);
        Assert.All(budget.Lines, l => Assert.Equal(12, l.Forecasts.Count));
    }
}
