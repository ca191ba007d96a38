using Concord.Core.Finance;

namespace Concord.Core.Tests.Finance;

public sealed class KpiTests
{
    private static Kpi NewKpi(decimal target, KpiPolarity polarity)
    {
        var kpi = new Kpi();
        kpi.Change("Calls answered within 30 seconds", "%", target, polarity, KpiFrequency.Quarterly, "Out of hours call log");
        return kpi;
    }

    [Theory]
    [InlineData(90, KpiPolarity.HigherIsBetter, 95, KpiRag.Green)]
    [InlineData(90, KpiPolarity.HigherIsBetter, 90, KpiRag.Green)]
    [InlineData(90, KpiPolarity.HigherIsBetter, 81, KpiRag.Amber)]      // 9 short: within a tenth of 90
    [InlineData(90, KpiPolarity.HigherIsBetter, 80.99, KpiRag.Red)]
    [InlineData(20, KpiPolarity.LowerIsBetter, 18, KpiRag.Green)]
    [InlineData(20, KpiPolarity.LowerIsBetter, 22, KpiRag.Amber)]        // 2 over: within a tenth of 20
    [InlineData(20, KpiPolarity.LowerIsBetter, 22.01, KpiRag.Red)]
    public void Actuals_are_rated_against_the_target(decimal target, KpiPolarity polarity, decimal value, KpiRag expected) =>
        Assert.Equal(expected, NewKpi(target, polarity).Rate(value));

    [Fact]
    public void Red_in_the_two_latest_periods_raises_an_alert_and_a_recovery_clears_it()
    {
        var kpi = NewKpi(90, KpiPolarity.HigherIsBetter);
        kpi.Record("2022-23 quarter 1", new DateOnly(2022, 6, 30), 70, null);
        kpi.Record("2022-23 quarter 3", new DateOnly(2022, 12, 31), 75, null);
        Assert.True(kpi.RedTwiceRunning);                         // the two latest recorded: red (70), red (75)
        kpi.Record("2022-23 quarter 2", new DateOnly(2022, 9, 30), 88, null);

        Assert.False(kpi.RedTwiceRunning);                        // in period order the latest two are amber (88), red (75)
        kpi.Record("2022-23 quarter 4", new DateOnly(2023, 3, 31), 60, null);
        Assert.True(kpi.RedTwiceRunning);                         // red (75), red (60)
        kpi.Record("2022-23 quarter 4", new DateOnly(2023, 3, 31), 91, "Corrected return");
        Assert.False(kpi.RedTwiceRunning);                        // the same period recorded again replaces it
        Assert.Equal(4, kpi.Actuals.Count);
    }
}
