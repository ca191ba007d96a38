using Concord.Core.Finance;
using Concord.Core.Programme;

namespace Concord.Core.Tests.Finance;

public sealed class CostBenefitTests
{
    private static readonly Guid Stockport = Guid.NewGuid();
    private static readonly Guid Tameside = Guid.NewGuid();
    private static readonly Actor Officer = new(Guid.NewGuid(), "finance officer", Stockport, new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private static CostBenefitAnalysis Analysis(decimal? rate, decimal? bias, params CostBenefitLine[] lines) =>
        CostBenefitAnalysis.Create(Guid.NewGuid(), Guid.NewGuid(), new CostBenefitDetails(2022, 5, rate, bias, lines, [], null), [Stockport, Tameside], Officer);

    private static CostBenefitLine Line(CostBenefitScenario scenario, Guid council, CostBenefitKind kind, params decimal[] amounts) =>
        new(scenario, council, kind, kind.Display(), amounts);

    [Fact]
    public void Green_Book_discount_factors_start_undiscounted_in_year_0()
    {
        var factors = CostBenefitCalculator.DiscountFactors(0.035m, 3);

        Assert.Equal(1m, factors[0]);
        Assert.Equal(0.966184m, Math.Round(factors[1], 6));   // 1 / 1.035
        Assert.Equal(0.933511m, Math.Round(factors[2], 6));   // 1 / 1.035²
    }

    [Fact]
    public void Net_present_value_and_payback_match_the_hand_worked_example()
    {
        // £100,000 one-off in year 0, then £40,000 a year saved in years 1 to 4, at 3.5%:
        // NPV = -100,000 + 40,000 × (0.966184 + 0.933511 + 0.901943 + 0.871442)
        //     = -100,000 + 40,000 × 3.673079 = £46,923.17.
        // Cumulative discounted: -100,000; -61,352.66; -24,012.23; +12,065.48 → pays back in year index 3 (2025-26).
        var result = Analysis(null, null,
            Line(CostBenefitScenario.Option, Stockport, CostBenefitKind.OneOffCost, 100_000, 0, 0, 0, 0),
            Line(CostBenefitScenario.Option, Stockport, CostBenefitKind.CashableSaving, 0, 40_000, 40_000, 40_000, 40_000)).Evaluate();

        Assert.Equal(46_923.17m, result.NetPresentValueCashable);
        Assert.Equal([-100_000m, -61_352.66m, -24_012.23m, 12_065.48m, 46_923.17m], result.Increment.Select(y => Money.Pence(y.CumulativePresentValueCashable)));
        Assert.Equal(3, result.Payback!.Index);
        Assert.Equal("2025-26", result.Payback.Year.ToString());
    }

    [Fact]
    public void Optimism_bias_raises_the_options_costs_before_discounting()
    {
        // 20% on the £100,000 in year 0 (factor 1) takes £20,000 off the NPV: £26,923.17.
        var result = Analysis(0.035m, 0.2m,
            Line(CostBenefitScenario.Option, Stockport, CostBenefitKind.OneOffCost, 100_000, 0, 0, 0, 0),
            Line(CostBenefitScenario.Option, Stockport, CostBenefitKind.CashableSaving, 0, 40_000, 40_000, 40_000, 40_000)).Evaluate();

        Assert.Equal(26_923.17m, result.NetPresentValueCashable);
    }

    [Fact]
    public void The_option_is_judged_against_doing_nothing_and_split_between_the_councils()
    {
        // At 0% to keep the arithmetic plain. Doing nothing costs £50,000 a year (two rotas).
        // The option costs £60,000 once (Stockport) and £30,000 a year (£18,000 Stockport, £12,000 Tameside),
        // and Tameside values better continuity at £5,000 a year.
        // Option net cashable over 5 years = -(60,000 + 150,000) = -210,000; do nothing = -250,000; NPV = +40,000.
        // Counting the valued benefit: +40,000 + 25,000 = +65,000. Cumulative: -40,000, -20,000, 0 → payback year index 2.
        var result = Analysis(0m, null,
            Line(CostBenefitScenario.DoNothing, Stockport, CostBenefitKind.RecurringCost, 25_000, 25_000, 25_000, 25_000, 25_000),
            Line(CostBenefitScenario.DoNothing, Tameside, CostBenefitKind.RecurringCost, 25_000, 25_000, 25_000, 25_000, 25_000),
            Line(CostBenefitScenario.Option, Stockport, CostBenefitKind.OneOffCost, 60_000, 0, 0, 0, 0),
            Line(CostBenefitScenario.Option, Stockport, CostBenefitKind.RecurringCost, 18_000, 18_000, 18_000, 18_000, 18_000),
            Line(CostBenefitScenario.Option, Tameside, CostBenefitKind.RecurringCost, 12_000, 12_000, 12_000, 12_000, 12_000),
            Line(CostBenefitScenario.Option, Tameside, CostBenefitKind.ValuedBenefit, 5_000, 5_000, 5_000, 5_000, 5_000)).Evaluate();

        Assert.Equal(40_000m, result.NetPresentValueCashable);
        Assert.Equal(65_000m, result.NetPresentValue);
        Assert.Equal(-250_000m, result.DoNothing.NpvCashable);
        Assert.Equal(2, result.Payback!.Index);
        var stockport = result.Split.Single(s => s.AuthorityId == Stockport);
        var tameside = result.Split.Single(s => s.AuthorityId == Tameside);
        Assert.Equal(150_000m, stockport.Costs);
        Assert.Equal(60_000m, tameside.Costs);
        Assert.Equal(25_000m, tameside.ValuedBenefits);
    }

    [Fact]
    public void An_option_that_never_recovers_its_costs_has_no_payback_year()
    {
        var result = Analysis(null, null,
            Line(CostBenefitScenario.Option, Tameside, CostBenefitKind.OneOffCost, 100_000, 0, 0, 0, 0),
            Line(CostBenefitScenario.Option, Tameside, CostBenefitKind.CashableSaving, 0, 10_000, 10_000, 10_000, 10_000)).Evaluate();

        Assert.Null(result.Payback);
        Assert.True(result.NetPresentValueCashable < 0);
    }

    [Fact]
    public void Bad_lines_are_refused_naming_the_line()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Analysis(0.5m, null,
            Line(CostBenefitScenario.Option, Stockport, CostBenefitKind.OneOffCost, -1, 0, 0, 0, 0),
            Line(CostBenefitScenario.Option, Guid.NewGuid(), CostBenefitKind.CashableSaving, 1, 2, 3)));

        Assert.Equal(
        [
            "The discount rate must be between 0% and 20%",
            "Line 1: amounts cannot be negative; enter costs and savings as positive amounts",
            "Line 2: choose one of the councils taking part in the option",
            "Line 2: give an amount for each of the 5 years",
        ], refused.Violations.Select(v => v.Message));
    }
}
