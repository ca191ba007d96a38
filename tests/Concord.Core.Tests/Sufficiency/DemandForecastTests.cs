using Concord.Core.Sufficiency;

namespace Concord.Core.Tests.Sufficiency;

public sealed class DemandForecastTests
{
    private static readonly Guid Council = Guid.NewGuid();

    /// <summary>
    /// Plans per 1,000 aged 0 to 25 of 30, 33 and 33 in 2020 to 2022 (populations of 100,000), with 2019 and 2023
    /// outside the fit. x̄ = 2021, ȳ = 32; Σ(x − x̄)(y − ȳ) = (−1)(−2) + 0 + (1)(1) = 3; Σ(x − x̄)² = 2; Σ(y − ȳ)² = 4 + 1 + 1 = 6.
    /// Slope = 3 / 2 = 1.5; intercept = 32 − 1.5 × 2021 = −2,999.5; r² = 3² / (2 × 6) = 0.75.
    /// The line gives 36.5 in 2024, 38 in 2025, and 33.5 in 2022.
    /// </summary>
    private static readonly PrevalencePoint[] History =
    [
        new(2019, 9_000, 100_000),
        new(2020, 3_000, 100_000),
        new(2021, 3_300, 100_000),
        new(2022, 3_300, 100_000),
        new(2023, 1, 100_000),
    ];

    /// <summary>1,000 people at every age from 0 to 25 but 2,000 aged 4: a bulge about to leave early years for primary.</summary>
    private static int[] Bulge()
    {
        var byAge = Enumerable.Repeat(1_000, 26).ToArray();
        byAge[4] = 2_000;
        return byAge;
    }

    /// <summary>
    /// Age mix: early years 12%, primary 12%, secondary 40%, post-16 26%, post-19 10%. Needs: ASD 50%, SEMH 30%,
    /// SLCN 20%, whose plans name a specialist place for 50%, 40% and 10% of them: 0.5 × 0.5 + 0.3 × 0.4 + 0.2 × 0.1 = 39% of plans.
    /// </summary>
    internal static SufficiencySettings Mix(Guid council)
    {
        var settings = SufficiencySettings.Default(council);
        var needs = Needs.All.ToDictionary(n => n, _ => (decimal?)0m);
        (needs[NeedType.Asd], needs[NeedType.Semh], needs[NeedType.Slcn]) = (50m, 30m, 20m);
        var specialist = Needs.All.ToDictionary(n => n, _ => (decimal?)30m);
        (specialist[NeedType.Asd], specialist[NeedType.Semh], specialist[NeedType.Slcn]) = (50m, 40m, 10m);
        settings.Change(
            settings.CostBands.ToDictionary(c => c.Key, c => (decimal?)c.Value),
            needs,
            new Dictionary<AgeBand, decimal?> { [AgeBand.EarlyYears] = 12m, [AgeBand.Primary] = 12m, [AgeBand.Secondary] = 40m, [AgeBand.Post16] = 26m, [AgeBand.Post19] = 10m },
            specialist,
            25,
            350m);
        return settings;
    }

    internal static SufficiencyForecast TwoYears(decimal? growth = null) =>
        DemandForecast.Forecast(new ForecastInput("E08000007", 2024, Bulge(), History, 2020, 2022, 2024, 2, Mix(Council), growth));

    [Fact]
    public void The_trend_is_the_least_squares_line_through_the_fitted_years_only()
    {
        var trend = PrevalenceTrend.Fit(History, 2020, 2022);

        Assert.Equal([2020, 2021, 2022], trend.FittedYears);
        Assert.Equal(1.5m, trend.Slope);
        Assert.Equal(-2_999.5m, trend.Intercept);
        Assert.Equal(0.75m, trend.RSquared);
        Assert.Equal(36.5m, trend.PerThousandIn(2024));
        Assert.False(trend.Overridden);
    }

    [Fact]
    public void Ageing_forward_two_years_moves_everyone_up_two_years_and_holds_age_0()
    {
        // 1,000 + 10 × age at ages 0 to 25: 29,250 in all. Two years on, ages 2 to 25 hold what ages 0 to 23 held
        // (1,000 + 10 × (age − 2)), ages 0 and 1 hold the 1,000 born each year, and those aged 24 and 25 (1,240 and 1,250)
        // have aged out: 29,250 + 2 × 1,000 − 1,000 − 1,010 − 1,240 − 1,250 + 1,000 + 1,010 = 28,760.
        var byAge = Enumerable.Range(0, 26).Select(age => 1_000 + (10 * age)).ToArray();

        var aged = DemandForecast.AgeForward(byAge, 2);

        Assert.Equal([1_000, 1_000, 1_000, 1_010, 1_020], aged.Take(5));
        Assert.Equal(1_230, aged[25]);
        Assert.Equal(28_760, aged.Sum());
    }

    [Fact]
    public void The_open_ended_90_and_over_group_gathers_those_reaching_90()
    {
        var byAge = new int[91];
        (byAge[0], byAge[89], byAge[90]) = (500, 5, 7);

        var aged = DemandForecast.AgeForward(byAge, 1);

        Assert.Equal(12, aged[90]);
        Assert.Equal(0, aged[89]);
        Assert.Equal(500, aged[1]);
        Assert.Equal(500, aged[0]);
    }

    [Fact]
    public void Plans_are_the_trends_prevalence_of_the_aged_forward_population()
    {
        // Ageing keeps 27,000 aged 0 to 25 (1,000 aged 25 leave, 1,000 are born). 2024: 36.5 × 27 = 985.5; 2025: 38 × 27 = 1,026.
        var forecast = TwoYears();

        Assert.Equal([2024, 2025], forecast.Years.Select(y => y.Year));
        Assert.Equal([27_000, 27_000], forecast.Years.Select(y => y.Population0To25));
        Assert.Equal([36.5m, 38m], forecast.Years.Select(y => y.PrevalencePer1000));
        Assert.Equal([985.5m, 1_026m], forecast.Years.Select(y => y.Plans));
    }

    [Fact]
    public void The_age_mix_holds_in_the_base_year_and_bands_follow_their_population_after()
    {
        // 2024 (base): 985.5 × 12%, 12%, 40%, 26%, 10%.
        // 2025: the bulge of 2,000 moves from age 4 to age 5: early years 6,000 → 5,000, primary 6,000 → 7,000.
        // Weights: 12 × 5/6 = 10, 12 × 7/6 = 14, 40, 26, 10 (they add up to 100): 1,026 × 10%, 14%, 40%, 26%, 10%.
        var forecast = TwoYears();
        var (base2024, next) = (forecast.Years[0], forecast.Years[1]);

        Assert.Equal([118.26m, 118.26m, 394.2m, 256.23m, 98.55m], AgeBands.All.Select(b => base2024.PlansByBand[b]));
        Assert.Equal([102.6m, 143.64m, 410.4m, 266.76m, 102.6m], AgeBands.All.Select(b => decimal.Round(next.PlansByBand[b], 20)));
        Assert.Equal(next.Plans, next.PlansByBand.Values.Sum(), 20);
        Assert.Equal(7_000, next.PopulationByBand[AgeBand.Primary]);
    }

    [Fact]
    public void Specialist_places_are_plans_by_band_and_need_times_each_needs_specialist_share()
    {
        // 2025: ASD 1,026 × 50% = 513, SEMH 307.8, SLCN 205.2; specialist 256.5, 123.12 and 20.52, 400.14 in all (39%).
        // Early years: 102.6 × 39% = 40.014. Primary ASD: 143.64 × 50% × 50% = 35.91.
        var next = TwoYears().Years[1];

        Assert.Equal(513m, next.PlansByNeed[NeedType.Asd]);
        Assert.Equal(307.8m, next.PlansByNeed[NeedType.Semh]);
        Assert.Equal(0m, next.PlansByNeed[NeedType.Pmld]);
        Assert.Equal(256.5m, next.SpecialistByNeed[NeedType.Asd], 20);
        Assert.Equal(123.12m, next.SpecialistByNeed[NeedType.Semh], 20);
        Assert.Equal(20.52m, next.SpecialistByNeed[NeedType.Slcn], 20);
        Assert.Equal(400.14m, next.SpecialistPlaces, 20);
        Assert.Equal(40.014m, next.SpecialistByBand[AgeBand.EarlyYears], 20);
        Assert.Equal(35.91m, next.SpecialistByBandAndNeed[AgeBand.Primary][NeedType.Asd], 20);
    }

    [Fact]
    public void A_growth_override_replaces_the_slope_from_the_last_fitted_years_value()
    {
        // Fitted value in 2022: 33.5. Growth −0.5 a year: 2024 → 32.5, 2025 → 32; intercept 33.5 + 0.5 × 2022 = 1,044.5.
        var forecast = TwoYears(growth: -0.5m);

        Assert.True(forecast.Trend.Overridden);
        Assert.Equal(-0.5m, forecast.Trend.Slope);
        Assert.Equal(1_044.5m, forecast.Trend.Intercept);
        Assert.Equal(1.5m, forecast.Trend.FittedSlope);
        Assert.Equal([32.5m, 32m], forecast.Years.Select(y => y.PrevalencePer1000));
        Assert.Equal(32.5m * 27m, forecast.Years[0].Plans);
    }

    [Fact]
    public void Prevalence_never_falls_below_zero()
    {
        // 33.5 − 20 × 2 = −6.5 in 2024: held at 0, so no plans and no places.
        var forecast = TwoYears(growth: -20m);

        Assert.Equal([0m, 0m], forecast.Years.Select(y => y.PrevalencePer1000));
        Assert.Equal(0m, forecast.Years[0].Plans);
        Assert.All(forecast.Years[1].SpecialistByBand.Values, v => Assert.Equal(0m, v));
    }

    [Fact]
    public void A_trend_with_fewer_than_two_years_is_refused_naming_the_range()
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            DemandForecast.Forecast(new ForecastInput("E08000007", 2024, Bulge(), History, 2015, 2019, 2024, 2, Mix(Council))));

        Assert.Contains(refused.Violations, v => v.Message == "The trend needs EHC plans in at least two years from 2015 to 2019");
    }

    [Fact]
    public void The_backtest_predicts_held_out_years_from_their_own_population()
    {
        // Trained on 2015–2017: 20, 21 and 22 per 1,000 — slope 1 exactly, so 23 in 2018 and 24 in 2019.
        // 2018: 23 × 100 = 2,300 against 2,250: error +50, +50 / 2,250 = +2.2222%.
        // 2019: 24 × 110 = 2,640 against 2,750: error −110, −4%.
        // MAPE (2.2222 + 4) / 2 = 28/9 = 3.1111%; mean absolute error (50 + 110) / 2 = 80.
        PrevalencePoint[] history =
        [
            new(2015, 2_000, 100_000), new(2016, 2_100, 100_000), new(2017, 2_200, 100_000),
            new(2018, 2_250, 100_000), new(2019, 2_750, 110_000),
        ];

        var backtest = DemandForecast.Backtest(history, 2015, 2017, 2018, 2019);

        Assert.Equal([2_300m, 2_640m], backtest.Years.Select(y => y.Predicted));
        Assert.Equal([50m, -110m], backtest.Years.Select(y => y.Error));
        Assert.Equal(-4m, backtest.Years[1].PercentageError);
        Assert.Equal(2.2222m, backtest.Years[0].PercentageError!.Value, 4);
        Assert.Equal(3.1111m, backtest.MeanAbsolutePercentageError!.Value, 4);
        Assert.Equal(80m, backtest.MeanAbsoluteError);
    }

    [Fact]
    public void Whole_numbers_for_display_add_up_to_the_rounded_total()
    {
        // 118.26 + 118.26 + 394.2 + 256.23 + 98.55 = 985.5, shown as 986: floors 118, 118, 394, 256, 98 = 984,
        // the two left go to the largest remainders (0.55 and 0.26, the first of the tied 0.26s).
        var rounded = WholeNumbers.Round(TwoYears().Years[0].PlansByBand);

        Assert.Equal([119, 118, 394, 256, 99], AgeBands.All.Select(b => rounded[b]));
    }

    [Fact]
    public void The_capacity_gap_is_specialist_demand_less_local_places_by_year_and_band()
    {
        // A special school for ages 5 to 15 with 110 places, +22 from 1 September 2025; an independent school (bought)
        // for ages 11 to 19 with 30 places. 2024 (places on 1 September 2024): demand 985.5 × 39% = 384.345, local 110,
        // gap 274.345; the school's 11 years are 6 primary (60 places) and 5 secondary (50). 2025: demand 400.14, local 132,
        // gap 268.14; primary 72 against 56.0196 needed (143.64 × 39%): a surplus of 15.9804. The independent school's
        // 9 years are 5 secondary (16.67 places) and 4 post-16 (13.33), bought, not closing the gap.
        var school = Place("Hollywood Park", ProvisionKind.SpecialSchool, 5, 15, 110, [new(new DateOnly(2025, 9, 1), 22, "Expansion")]);
        var independent = Place("Pennine Independent", ProvisionKind.IndependentSpecial, 11, 19, 30, []);
        var settings = new Dictionary<Guid, SufficiencySettings> { [Council] = Mix(Council) };

        var capacity = SufficiencyCapacity.Compare(TwoYears(), year => Scenario.Current([school, independent], settings, new DateOnly(year, 9, 1)));

        Assert.Equal([110, 132], capacity.Select(y => y.LocalPlaces));
        Assert.Equal([30, 30], capacity.Select(y => y.BoughtPlaces));
        Assert.Equal(274.345m, capacity[0].Gap, 20);
        Assert.Equal(268.14m, capacity[1].Gap, 20);
        var primary = capacity[1].ByBand.Single(b => b.Band == AgeBand.Primary);
        Assert.Equal(72m, primary.LocalPlaces);
        Assert.Equal(-15.9804m, primary.Gap, 20);
        var secondary = capacity[0].ByBand.Single(b => b.Band == AgeBand.Secondary);
        Assert.Equal(50m, secondary.LocalPlaces);
        Assert.Equal(16.6667m, secondary.BoughtPlaces, 4);
        Assert.Equal(30m, capacity[0].ByBand.Sum(b => b.BoughtPlaces), 20);
    }

    private static Provision Place(string name, ProvisionKind kind, int from, int to, int places, PlannedChange[] changes) =>
        Provision.Create(Council, new ProvisionDetails(null, name, kind, "E08000007", "Stockport", 53.41, -2.16, from, to, places, places + 30,
            [NeedType.Asd, NeedType.Semh], null, null, null, changes, null));

    [Fact]
    public void A_forecast_from_the_latest_count_keeps_the_fitted_growth_and_starts_from_the_real_figure()
    {
        // Fitted on 2019 and 2020: 20 then 22 per 1,000, a growth of 2 a year. The latest count, 2023, is 30 per 1,000.
        // From it, 2025 is 30 + 2 × 2 = 34 per 1,000 of 26 ages × 100 people = 2,600: 88.4 plans. The fitted line alone gives 20 + 2 × 6 = 32.
        PrevalencePoint[] history = [new(2019, 20, 1000), new(2020, 22, 1000), new(2023, 30, 1000)];
        var input = new ForecastInput("E08000007", 2025, Enumerable.Repeat(100, 26).ToList(), history, 2019, 2020, 2025, 1, SufficiencySettings.Default(Guid.NewGuid()));

        var fromLatest = DemandForecast.Forecast(input with { FromLatest = true });
        var fitted = DemandForecast.Forecast(input);

        Assert.Equal(34m, fromLatest.Years[0].PrevalencePer1000);
        Assert.Equal(88.4m, fromLatest.Years[0].Plans);
        Assert.Equal(2023, fromLatest.Trend.StartsFrom);
        Assert.Equal(2m, fromLatest.Trend.Slope);
        Assert.Equal(32m, fitted.Years[0].PrevalencePer1000);
    }
}
