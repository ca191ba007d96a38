using Concord.Core.PublicData;
using Concord.Core.Sufficiency;

namespace Concord.Core.Tests.Sufficiency;

public sealed class SufficiencyHistoryTests
{
    private const string Stockport = "E08000007";

    private static PublishedStatistic Row(string dataset, string table, int year, params (string Measure, decimal Value)[] values) =>
        new() { Dataset = dataset, Table = table, AreaCode = Stockport, Period = year.ToString(System.Globalization.CultureInfo.InvariantCulture), Year = year, Breakdown = string.Empty, Values = values.ToDictionary(v => v.Measure, v => v.Value) };

    private static EvidenceSnapshot Snapshot()
    {
        PublicArea[] areas = [new() { Code = Stockport, Name = "Stockport", Level = AreaLevel.LocalAuthority, DfeNumber = 356, LastYear = 2024 }];

        // 1,000 people of each age 0 to 90 in mid-2020: 26,000 aged 0 to 25.
        PopulationEstimate[] population = [new() { Dataset = "ons-mye-2020", AreaCode = Stockport, Year = 2020, ByAge = [.. Enumerable.Repeat(1000, 91)] }];
        PublishedStatistic[] statistics =
        [
            Row(Profiles.Lait, string.Empty, 2016, (SufficiencyHistory.PlansMeasure, 520)),
            Row(Profiles.Lait, string.Empty, 2020, (SufficiencyHistory.PlansMeasure, 780)),
            Row(Profiles.Lait, string.Empty, 2023, (SufficiencyHistory.PlansMeasure, 900)),
            Row(Profiles.Areas, "population-0-17", 2016, ("population_estimate", 17_100)),
            Row(Profiles.Areas, "population-0-17", 2020, ("population_estimate", 18_000)),
        ];
        return new EvidenceSnapshot(areas, population, statistics, [], [], [], []);
    }

    [Fact]
    public void A_years_population_aged_0_to_25_is_ONS_where_published_and_otherwise_DfEs_0_to_17_scaled_by_the_nearest_ratio()
    {
        var data = Snapshot();

        // 2020: ONS, 26 × 1,000. 2016: DfE's 17,100 aged 0 to 17 × (26,000 / 18,000 in 2020) = 24,700.
        // 2023, after the last year either publishes (2020): 2020's. 2010, before any: none.
        Assert.Equal(26_000, SufficiencyHistory.Population0To25(data, Stockport, 2020));
        Assert.Equal(24_700, SufficiencyHistory.Population0To25(data, Stockport, 2016));
        Assert.Equal(26_000, SufficiencyHistory.Population0To25(data, Stockport, 2023));
        Assert.Null(SufficiencyHistory.Population0To25(data, Stockport, 2010));
    }

    [Fact]
    public void The_history_pairs_each_years_plans_with_its_population()
    {
        var history = SufficiencyHistory.For(Snapshot(), Stockport);

        // 520 / 24,700 × 1,000 = 21.05; 780 / 26,000 × 1,000 = 30; 2023 on 2020's population.
        Assert.Equal([2016, 2020, 2023], history.Select(p => p.Year));
        Assert.Equal(21.05m, Math.Round(history[0].PerThousand, 2));
        Assert.Equal(30m, history[1].PerThousand);
    }
}
