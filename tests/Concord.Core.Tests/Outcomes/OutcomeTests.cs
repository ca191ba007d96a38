using Concord.Core.Access;
using Concord.Core.Outcomes;
using Concord.Core.Programme;
using Concord.Core.PublicData;
using Concord.Core.Tests.Programme;

namespace Concord.Core.Tests.Outcomes;

public sealed class OutcomeTests
{
    private static readonly Guid Partnership = Guid.NewGuid();
    private static readonly Guid Stockport = ProgrammeFixture.Stockport;
    private static readonly Guid Tameside = ProgrammeFixture.Tameside;
    private static readonly Guid[] Members = [Stockport, Tameside];

    private static readonly IReadOnlyDictionary<string, Guid> Councils = new Dictionary<string, Guid>
    {
        ["E08000007"] = Stockport,
        ["E08000008"] = Tameside,
    };

    private static Indicator NewIndicator(IndicatorPolarity polarity, decimal tolerance, string? measure = null, string name = "Good level of development at age 5") =>
        Indicator.Create(Partnership,
            new IndicatorDetails(name, "Children at the end of reception reaching the expected level in the prime and specific areas", "%", polarity,
                "DfE, Early Years Foundation Stage Profile", IndicatorFrequency.Annually, tolerance, measure is null ? null : "dfe-lait", null, measure, null),
            []);

    private static Actor Officer(Guid authority) => new(Guid.NewGuid(), "officer@example", authority, ProgrammeFixture.Now);

    private static PublishedStatistic Row(string area, string period, int year, string measure, decimal? value, string dataset = "dfe-lait", string breakdown = "")
    {
        var row = new PublishedStatistic { Dataset = dataset, AreaCode = area, Period = period, Year = year, Breakdown = breakdown };
        if (value is { } v)
        {
            row.Values[measure] = v;
        }
        else
        {
            row.Texts[measure] = "-";
        }

        return row;
    }

    [Theory]
    [InlineData(IndicatorPolarity.HigherIsBetter, 70, 2, 71.2, OutcomeRag.Green)]   // beats 70
    [InlineData(IndicatorPolarity.HigherIsBetter, 70, 2, 70, OutcomeRag.Green)]     // meets it exactly
    [InlineData(IndicatorPolarity.HigherIsBetter, 70, 2, 68, OutcomeRag.Amber)]     // 2 short: the tolerance itself is amber
    [InlineData(IndicatorPolarity.HigherIsBetter, 70, 2, 67.9, OutcomeRag.Red)]     // 2.1 short
    [InlineData(IndicatorPolarity.LowerIsBetter, 15, 1, 14.2, OutcomeRag.Green)]    // below 15 is better
    [InlineData(IndicatorPolarity.LowerIsBetter, 15, 1, 15, OutcomeRag.Green)]
    [InlineData(IndicatorPolarity.LowerIsBetter, 15, 1, 16, OutcomeRag.Amber)]      // 1 over
    [InlineData(IndicatorPolarity.LowerIsBetter, 15, 1, 16.01, OutcomeRag.Red)]     // 1.01 over
    [InlineData(IndicatorPolarity.HigherIsBetter, 70, 0, 69.99, OutcomeRag.Red)]    // no tolerance, no amber
    public void A_value_is_rated_against_its_target_by_polarity_and_the_indicators_amber_tolerance(
        IndicatorPolarity polarity, decimal target, decimal tolerance, decimal value, OutcomeRag expected) =>
        Assert.Equal(expected, NewIndicator(polarity, tolerance).Rate(value, target));

    [Fact]
    public void Without_a_value_or_a_target_nothing_is_rated()
    {
        var indicator = NewIndicator(IndicatorPolarity.HigherIsBetter, 2);

        Assert.Null(indicator.Rate(null, 70));
        Assert.Null(indicator.Rate(65, null));
    }

    [Theory]
    [InlineData(IndicatorPolarity.HigherIsBetter, 65.5, 67.6, DirectionOfTravel.Improving)]    // GLD up 2.1
    [InlineData(IndicatorPolarity.HigherIsBetter, 70.4, 65.5, DirectionOfTravel.Worsening)]    // GLD down 4.9
    [InlineData(IndicatorPolarity.LowerIsBetter, 18.51, 16.58, DirectionOfTravel.Improving)]   // persistent absence down 1.93
    [InlineData(IndicatorPolarity.LowerIsBetter, 18.33, 18.95, DirectionOfTravel.Worsening)]   // persistent absence up 0.62
    [InlineData(IndicatorPolarity.LowerIsBetter, 9.9, 9.9, DirectionOfTravel.NoChange)]
    public void The_direction_of_travel_reads_the_last_two_periods_by_polarity(IndicatorPolarity polarity, decimal previous, decimal latest, DirectionOfTravel expected) =>
        Assert.Equal(expected, OutcomeRating.Direction(previous, latest, polarity));

    [Fact]
    public void A_mapped_indicator_reads_each_councils_values_from_the_published_rows_skipping_suppressed_other_areas_and_other_tables()
    {
        var gld = NewIndicator(IndicatorPolarity.HigherIsBetter, 2, "FSP_NEW_GOODDEV");
        PublishedStatistic[] rows =
        [
            Row("E08000007", "2023", 2023, "FSP_NEW_GOODDEV", 67.6m),
            Row("E08000007", "2019", 2019, "FSP_NEW_GOODDEV", 70.4m),
            Row("E08000007", "2020", 2020, "FSP_NEW_GOODDEV", null),               // published as "-": no value
            Row("E08000007", "2022", 2022, "FSP_NEW_GOODDEV", 65.5m),
            Row("E08000008", "2022", 2022, "FSP_NEW_GOODDEV", 60.1m),
            Row("E08000008", "2023", 2023, "FSP_NEW_GOODDEV", 60.9m),
            Row("E92000001", "2023", 2023, "FSP_NEW_GOODDEV", 67.2m),               // England: not a council of the partnership
            Row("E08000007", "2024", 2024, "FSP_NEW_GOODDEV", 99m, dataset: "dfe-eyfsp"),
            Row("E08000007", "2024", 2024, "FSP_NEW_GOODDEV", 98m, breakdown: "Boys"),
            Row("E08000007", "2024", 2024, "TotAbs", 7.2m),                          // another measure only
        ];

        var readings = PublishedReadings.Read(gld.Mapping!, rows, Councils, "LAIT");

        Assert.Equal([("2019", 70.4m), ("2022", 65.5m), ("2023", 67.6m)],
            readings.Where(r => r.AuthorityId == Stockport).Select(r => (r.Period, r.Value)));
        Assert.Equal([("2022", 60.1m), ("2023", 60.9m)], readings.Where(r => r.AuthorityId == Tameside).Select(r => (r.Period, r.Value)));
        Assert.All(readings, r => Assert.Equal(ReadingOrigin.Imported, r.Origin));
        Assert.All(readings, r => Assert.Equal("LAIT", r.Source));
    }

    [Fact]
    public void Each_council_is_assessed_on_its_own_latest_two_values_and_its_own_target()
    {
        var gld = NewIndicator(IndicatorPolarity.HigherIsBetter, 2, "FSP_NEW_GOODDEV");
        var rows = new[]
        {
            Row("E08000007", "2022", 2022, "FSP_NEW_GOODDEV", 65.5m), Row("E08000007", "2023", 2023, "FSP_NEW_GOODDEV", 67.6m),
            Row("E08000008", "2022", 2022, "FSP_NEW_GOODDEV", 60.1m), Row("E08000008", "2023", 2023, "FSP_NEW_GOODDEV", 60.9m),
        };
        var readings = PublishedReadings.Read(gld.Mapping!, rows, Councils, "LAIT");
        var stockportTarget = OutcomeTarget.Set(gld, Stockport, null, new TargetDetails("2022", 65.5m, 69m, "2026/27"), Members, Stockport);
        var tamesideTarget = OutcomeTarget.Set(gld, Tameside, null, new TargetDetails("2022", 60.1m, 66m, "2026/27"), Members, Tameside);

        var stockport = IndicatorAssessment.Of(gld, Stockport, stockportTarget, readings);
        var tameside = IndicatorAssessment.Of(gld, Tameside, tamesideTarget, readings);

        // Stockport: 67.6 is 1.4 short of 69, within 2: amber; up from 65.5: improving.
        Assert.Equal((67.6m, 65.5m, OutcomeRag.Amber, DirectionOfTravel.Improving), (stockport.Latest!.Value, stockport.Previous!.Value, stockport.Rag!.Value, stockport.Direction!.Value));
        // Tameside: 60.9 is 5.1 short of 66: red; up from 60.1: improving.
        Assert.Equal((60.9m, OutcomeRag.Red, DirectionOfTravel.Improving), (tameside.Latest!.Value, tameside.Rag!.Value, tameside.Direction!.Value));
    }

    [Fact]
    public void A_lower_is_better_indicator_is_green_below_its_target_and_improving_as_it_falls()
    {
        var absence = NewIndicator(IndicatorPolarity.LowerIsBetter, 1, "TotPerAbNew", "Persistent absence");
        var rows = new[]
        {
            Row("E08000007", "2024", 2024, "TotPerAbNew", 18.51m), Row("E08000007", "2025", 2025, "TotPerAbNew", 16.58m),
            Row("E08000008", "2024", 2024, "TotPerAbNew", 18.95m), Row("E08000008", "2025", 2025, "TotPerAbNew", 18.41m),
        };
        var readings = PublishedReadings.Read(absence.Mapping!, rows, Councils, "LAIT");
        var target = OutcomeTarget.Set(absence, Stockport, null, new TargetDetails(null, null, 17m, null), Members, Stockport);
        var tamesideTarget = OutcomeTarget.Set(absence, Tameside, null, new TargetDetails(null, null, 17.5m, null), Members, Tameside);

        var stockport = IndicatorAssessment.Of(absence, Stockport, target, readings);
        var tameside = IndicatorAssessment.Of(absence, Tameside, tamesideTarget, readings);

        Assert.Equal((OutcomeRag.Green, DirectionOfTravel.Improving), (stockport.Rag, stockport.Direction));     // 16.58 is under 17; down 1.93
        Assert.Equal((OutcomeRag.Amber, DirectionOfTravel.Improving), (tameside.Rag, tameside.Direction));       // 18.41 is 0.91 over 17.5, within 1
    }

    [Fact]
    public void With_one_value_there_is_a_rating_but_no_direction_of_travel()
    {
        var indicator = NewIndicator(IndicatorPolarity.HigherIsBetter, 2);
        var value = OutcomeValue.Record(indicator, Stockport, Members, [], new ValueDetails("Autumn term 2025", new DateOnly(2025, 12, 31), 72m, null), Officer(Stockport));
        var target = OutcomeTarget.Set(indicator, Stockport, null, new TargetDetails(null, null, 80m, "Summer term 2027"), Members, Stockport);

        var assessment = IndicatorAssessment.Of(indicator, Stockport, target, [OutcomeReading.From(value, "Entered by Stockport")]);

        Assert.Equal(OutcomeRag.Red, assessment.Rag);     // 8 short of 80
        Assert.Null(assessment.Direction);
        Assert.Null(assessment.Previous);
    }

    [Fact]
    public void Entered_values_are_ordered_by_the_end_of_their_period_and_the_same_period_end_replaces_the_value()
    {
        var indicator = NewIndicator(IndicatorPolarity.HigherIsBetter, 5, name: "Schools with a named Team Around the School");
        var values = new List<OutcomeValue>();
        void Enter(string period, DateOnly end, decimal value)
        {
            var recorded = OutcomeValue.Record(indicator, Stockport, Members, values, new ValueDetails(period, end, value, null), Officer(Stockport));
            if (!values.Contains(recorded))
            {
                values.Add(recorded);
            }
        }

        Enter("Spring term 2026", new DateOnly(2026, 3, 31), 81m);
        Enter("Autumn term 2025", new DateOnly(2025, 12, 31), 72m);
        Enter("Spring term 2026 (corrected)", new DateOnly(2026, 3, 31), 79m);

        var assessment = IndicatorAssessment.Of(indicator, Stockport, null, values.Select(v => OutcomeReading.From(v, "Entered")));
        Assert.Equal(2, values.Count);
        Assert.Equal(["Autumn term 2025", "Spring term 2026 (corrected)"], assessment.Readings.Select(r => r.Period));
        Assert.Equal(DirectionOfTravel.Improving, assessment.Direction);   // 72 to 79
        Assert.Null(assessment.Rag);                                         // no target yet
    }

    [Fact]
    public void A_council_cannot_enter_or_target_another_councils_figures()
    {
        var indicator = NewIndicator(IndicatorPolarity.HigherIsBetter, 2);

        Assert.Throws<AccessDeniedException>(() =>
            OutcomeValue.Record(indicator, Stockport, Members, [], new ValueDetails("2025", new DateOnly(2025, 8, 31), 70m, null), Officer(Tameside)));
        Assert.Throws<AccessDeniedException>(() =>
            OutcomeTarget.Set(indicator, Stockport, null, new TargetDetails(null, null, 70m, null), Members, Tameside));
        var outsider = Assert.Throws<RuleViolationException>(() =>
            OutcomeValue.Record(indicator, ProgrammeFixture.Trafford, Members, [], new ValueDetails("2025", new DateOnly(2025, 8, 31), 70m, null), Officer(ProgrammeFixture.Trafford)));
        Assert.Equal("Council", outsider.Violations.Single().Field);
    }

    [Fact]
    public void Values_of_a_mapped_indicator_cannot_be_entered_and_every_missing_field_is_named()
    {
        var gld = NewIndicator(IndicatorPolarity.HigherIsBetter, 2, "FSP_NEW_GOODDEV");

        var refused = Assert.Throws<RuleViolationException>(() =>
            OutcomeValue.Record(gld, Stockport, Members, [], new ValueDetails(" ", null, null, null), Officer(Stockport)));

        Assert.Equal(
            ["Value: Good level of development at age 5 is read from published data (dfe-lait: FSP_NEW_GOODDEV), so its values cannot be entered",
             "Period: Enter the period, for example Autumn term 2025 or 2024/25",
             "PeriodEnd: Enter the last day of the period",
             "Value: Enter the value for the period"],
            refused.Violations.Select(v => $"{v.Field}: {v.Message}"));
    }

    [Fact]
    public void A_baseline_needs_both_its_period_and_its_value_and_a_target_is_required()
    {
        var indicator = NewIndicator(IndicatorPolarity.HigherIsBetter, 2);

        var refused = Assert.Throws<RuleViolationException>(() =>
            OutcomeTarget.Set(indicator, Stockport, null, new TargetDetails("2022", null, null, "2027"), Members, Stockport));

        Assert.Equal(["BaselineValue", "Target"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void An_indicators_name_is_unique_in_the_library_its_tolerance_not_negative_and_a_mapping_names_a_known_measure()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Indicator.Create(Partnership,
            new IndicatorDetails("Persistent absence", "Pupils missing 10% or more of sessions", "%", IndicatorPolarity.LowerIsBetter, "DfE",
                IndicatorFrequency.Annually, -1m, "dfe-lait", null, "TotPerAbsNew", null),
            ["persistent absence"], new HashSet<string> { "TotPerAbNew", "TotAbs" }));

        Assert.Equal(
            ["The library already has an indicator called Persistent absence", "The amber tolerance cannot be negative", "dfe-lait has no measure TotPerAbsNew"],
            refused.Violations.Select(v => v.Message));
    }

    [Fact]
    public void A_mapping_needs_its_dataset_and_without_a_measure_there_is_no_mapping()
    {
        var unmapped = Indicator.Create(Partnership,
            new IndicatorDetails("Team Around the School", "Schools with a named core team", "%", IndicatorPolarity.HigherIsBetter, "Council records",
                IndicatorFrequency.Termly, 5m, "dfe-lait", null, null, null), []);
        var refused = Assert.Throws<RuleViolationException>(() => Indicator.Create(Partnership,
            new IndicatorDetails("GLD", "Good level of development", "%", IndicatorPolarity.HigherIsBetter, "DfE",
                IndicatorFrequency.Annually, 2m, null, null, "FSP_NEW_GOODDEV", null), []));

        Assert.False(unmapped.IsImported);
        Assert.Equal("MappedDataset", refused.Violations.Single().Field);
    }

    [Fact]
    public void An_option_aims_to_move_exactly_the_chosen_indicators_of_its_own_partnership()
    {
        var fixture = new ProgrammeFixture();
        var option = fixture.Option;
        Indicator Own(string name) => Indicator.Create(option.PartnershipId,
            new IndicatorDetails(name, "Definition", "%", IndicatorPolarity.HigherIsBetter, "DfE", IndicatorFrequency.Annually, 1m), []);
        var (gld, absence, send) = (Own("GLD"), Own("Absence"), Own("EHCP timeliness"));
        var elsewhere = Indicator.Create(Guid.NewGuid(), new IndicatorDetails("Other", "Definition", "%", IndicatorPolarity.HigherIsBetter, "DfE", IndicatorFrequency.Annually, 1m), []);
        var (current, _) = OptionIndicator.Choose(option, [], [gld.Id, absence.Id], [gld, absence, send, elsewhere]);

        var (added, removed) = OptionIndicator.Choose(option, current, [absence.Id, send.Id], [gld, absence, send, elsewhere]);

        Assert.Equal([send.Id], added.Select(l => l.IndicatorId));
        Assert.Equal([gld.Id], removed.Select(l => l.IndicatorId));
        Assert.Throws<RuleViolationException>(() => OptionIndicator.Choose(option, current, [elsewhere.Id], [gld, elsewhere]));
    }

    [Fact]
    public void A_theme_joins_the_end_of_the_framework_and_its_name_is_unique_there()
    {
        var first = OutcomeTheme.Create(Partnership, "Best start in life", null, []);
        var second = OutcomeTheme.Create(Partnership, "Attendance", null, [first]);

        Assert.Equal((1, 2), (first.Position, second.Position));
        Assert.Throws<RuleViolationException>(() => OutcomeTheme.Create(Partnership, "best start in life", null, [first, second]));
        Assert.Throws<RuleViolationException>(() => NewIndicator(IndicatorPolarity.HigherIsBetter, 2).PlaceIn(OutcomeTheme.Create(Guid.NewGuid(), "SEND", null, [])));
    }
}
