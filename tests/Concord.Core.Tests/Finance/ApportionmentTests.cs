using Concord.Core.Finance;

namespace Concord.Core.Tests.Finance;

public sealed class ApportionmentTests
{
    private static readonly Guid Stockport = Guid.NewGuid();
    private static readonly Guid Tameside = Guid.NewGuid();
    private static readonly Guid Trafford = Guid.NewGuid();
    private static readonly Guid[] Two = [Stockport, Tameside];
    private static readonly Guid[] Three = [Stockport, Tameside, Trafford];

    [Fact]
    public void Equal_shares_of_a_sum_that_does_not_divide_give_the_odd_penny_to_the_first_council()
    {
        // £100.00 is 10,000p; a third is 3,333.33p each. Rounded down: 3,333p three times = 9,999p.
        // The one penny left goes to the largest remainder; all three tie, so to the first.
        var split = ApportionmentRule.Equal.Split(100m, Three);

        Assert.Equal([33.34m, 33.33m, 33.33m], Three.Select(c => split[c]));
        Assert.Equal(100m, split.Values.Sum());
    }

    [Fact]
    public void A_driver_splits_in_proportion_to_each_councils_measure_to_the_penny()
    {
        // Pupils on roll 30,000 / 20,000 / 10,000 share £1,000.00 = 100,000p:
        // exactly 50,000p, 33,333.33p and 16,666.67p. Rounded down: 50,000 + 33,333 + 16,666 = 99,999p;
        // the penny left goes to the largest remainder (0.67, Trafford).
        var rule = ApportionmentRule.Create(ApportionmentMethod.Driver, ApportionmentDriver.PupilsOnRoll, 2022,
            [new(Stockport, 30_000), new(Tameside, 20_000), new(Trafford, 10_000)], Three);

        var split = rule.Split(1_000m, Three);

        Assert.Equal([500.00m, 333.33m, 166.67m], Three.Select(c => split[c]));
        Assert.Equal("In proportion to pupils on roll (2022)", rule.Describe());
    }

    [Fact]
    public void Fixed_percentages_split_exactly_and_credits_split_the_same_way()
    {
        var rule = ApportionmentRule.Create(ApportionmentMethod.FixedPercentages, null, null, [new(Stockport, 60), new(Tameside, 40)], Two);

        var cost = rule.Split(80_000.01m, Two);
        var credit = rule.Split(-100m, Three[..2]);

        // 8,000,001p × 60% = 4,800,000.6p and × 40% = 3,200,000.4p: the penny goes to Stockport (0.6).
        Assert.Equal(48_000.01m, cost[Stockport]);
        Assert.Equal(32_000.00m, cost[Tameside]);
        Assert.Equal(-60m, credit[Stockport]);
        Assert.Equal(-40m, credit[Tameside]);
    }

    [Fact]
    public void Percentages_that_do_not_add_up_to_100_are_refused_naming_the_total()
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            ApportionmentRule.Create(ApportionmentMethod.FixedPercentages, null, null, [new(Stockport, 50), new(Tameside, 40)], Two));

        Assert.Equal("Percentages must add up to 100; these add up to 90", Assert.Single(refused.Violations).Message);
        Assert.Equal("RuleShares", refused.Violations[0].Field);
    }

    [Theory]
    [InlineData(-5)]
    public void Negative_shares_are_refused(decimal value)
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            ApportionmentRule.Create(ApportionmentMethod.Driver, ApportionmentDriver.Ehcps, 2022, [new(Stockport, value), new(Tameside, 10)], Two));

        Assert.Contains(refused.Violations, v => v.Message == "Shares cannot be negative");
    }

    [Fact]
    public void A_driver_needs_its_year_and_a_measure_for_every_council()
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            ApportionmentRule.Create(ApportionmentMethod.Driver, ApportionmentDriver.NumberOfSchools, null, [new(Stockport, 120)], Two));

        Assert.Equal(["RuleDriverYear", "RuleShares"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_share_for_a_council_outside_the_parties_is_refused()
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            ApportionmentRule.Create(ApportionmentMethod.FixedPercentages, null, null, [new(Stockport, 50), new(Trafford, 50)], Two));

        Assert.Contains(refused.Violations, v => v.Message == "Shares can only be for the councils that share the cost");
    }

    [Fact]
    public void Splits_always_add_back_to_the_sum_exactly()
    {
        var random = new Random(20221);
        for (var i = 0; i < 2_000; i++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 8)).Select(_ => (decimal)random.Next(0, 50_000)).ToList();
            if (weights.Sum() == 0)
            {
                continue;
            }

            var total = random.Next(-10_000_000, 10_000_000) / 100m;

            var shares = Money.Allocate(total, weights);

            Assert.Equal(total, shares.Sum());
            Assert.All(shares, s => Assert.Equal(s, Math.Round(s, 2)));
        }
    }

    [Fact]
    public void Driver_rules_take_their_values_from_the_measures_and_name_a_missing_one()
    {
        var partnership = Guid.NewGuid();
        var measures = new[]
        {
            ApportionmentMeasure.Create(partnership, Stockport, ApportionmentDriver.Ehcps, 2022, 2_512, "SEN2 2022", Two),
            ApportionmentMeasure.Create(partnership, Tameside, ApportionmentDriver.Ehcps, 2022, 2_214, "SEN2 2022", Two),
            ApportionmentMeasure.Create(partnership, Stockport, ApportionmentDriver.Ehcps, 2021, 2_300, "SEN2 2021", Two),
        };
        string Name(Guid id) => id == Stockport ? "Stockport" : "Tameside";

        var rule = ApportionmentMeasure.RuleFor(ApportionmentDriver.Ehcps, 2022, measures, Two, Name);
        var missing = Assert.Throws<RuleViolationException>(() => ApportionmentMeasure.RuleFor(ApportionmentDriver.Ehcps, 2021, measures, Two, Name));

        Assert.Equal([2_512m, 2_214m], rule.Weights(Two));
        Assert.Equal("There is no education, health and care plans figure for Tameside in 2021: enter it under apportionment measures first", missing.Violations.Single().Message);
    }

    [Fact]
    public void What_if_compares_rules_side_by_side()
    {
        var fixedRule = ApportionmentRule.Create(ApportionmentMethod.FixedPercentages, null, null, [new(Stockport, 70), new(Tameside, 30)], Two);

        var columns = Recharges.WhatIf(10_000m, Two, [("Equal shares", ApportionmentRule.Equal), ("70:30", fixedRule)]);

        Assert.Equal([5_000m, 5_000m], Two.Select(c => columns[0].Amounts[c]));
        Assert.Equal([7_000m, 3_000m], Two.Select(c => columns[1].Amounts[c]));
    }
}
