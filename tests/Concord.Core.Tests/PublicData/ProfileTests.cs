using Concord.Core.Finance;
using Concord.Core.PublicData;

namespace Concord.Core.Tests.PublicData;

/// <summary>The contextual profile worked by hand on a small made-up snapshot: two authorities, their region and England.</summary>
public sealed class ProfileTests
{
    private const string Stockport = "E08000007", Tameside = "E08000008";

    private static PublishedStatistic Row(string dataset, string table, string area, string period, int year, string breakdown, params (string Measure, decimal Value)[] values) =>
        new() { Dataset = dataset, Table = table, AreaCode = area, Period = period, Year = year, Breakdown = breakdown, Values = values.ToDictionary(v => v.Measure, v => v.Value) };

    private static LsoaDeprivation Lsoa(string authority, int imd, int idaci) => new() { LsoaCode = $"E01{Guid.NewGuid():N}"[..9], AuthorityCode = authority, ImdDecile = imd, IdaciDecile = idaci };

    private static School School(int urn, int la, int pupils, string group = "Academies") =>
        new() { Urn = urn, LaNumber = la, Pupils = pupils, TypeGroup = group, Type = group == "Independent schools" ? "Other independent school" : "Academy converter" };

    private static EvidenceSnapshot Snapshot()
    {
        PublicArea[] areas =
        [
            new() { Code = Benchmarks.England, Name = "England", Level = AreaLevel.Country, LastYear = 2024 },
            new() { Code = Benchmarks.NorthWest, Name = "North West", Level = AreaLevel.Region, LastYear = 2024 },
            new() { Code = Stockport, Name = "Stockport", Level = AreaLevel.LocalAuthority, DfeNumber = 356, RegionCode = Benchmarks.NorthWest, LastYear = 2024 },
            new() { Code = Tameside, Name = "Tameside", Level = AreaLevel.LocalAuthority, DfeNumber = 357, RegionCode = Benchmarks.NorthWest, LastYear = 2024 },
        ];
        PopulationEstimate[] population =
        [
            new() { Dataset = "ons-mye-2020", AreaCode = Stockport, Year = 2020, ByAge = [.. Enumerable.Repeat(3000, 91)] },
            new() { Dataset = "ons-mye-2020", AreaCode = Tameside, Year = 2020, ByAge = [.. Enumerable.Repeat(2000, 91)] },
        ];
        PublishedStatistic[] statistics =
        [
            Row(Profiles.Eyfsp, string.Empty, Stockport, "202122", 2022, Profiles.EyfspTotal, ("gld_number", 650), ("children_number", 1000)),
            Row(Profiles.Eyfsp, string.Empty, Tameside, "202122", 2022, Profiles.EyfspTotal, ("gld_number", 300), ("children_number", 500)),
            Row(Profiles.Eyfsp, string.Empty, Benchmarks.NorthWest, "202122", 2022, Profiles.EyfspTotal, ("gld_number", 6200), ("children_number", 10000)),
            Row(Profiles.SocialCare, "children-in-need", Stockport, "2025", 2025, string.Empty, ("At31_episodes", 1300)),
            Row(Profiles.Areas, "population-0-17", Stockport, "2024", 2024, string.Empty, ("population_estimate", 65000)),
            Row(Profiles.Lait, string.Empty, Stockport, "2024", 2024, string.Empty, ("SEN_CASES_JAN", 3000), ("ChildPov", 17.2m)),
            Row(Profiles.Lait, string.Empty, Stockport, "2023", 2023, string.Empty, ("SEN_CASES_JAN", 2700)),
            Row(Profiles.Scorecards, string.Empty, Stockport, "2023/24", 2024, string.Empty, ("PriNOR", 20000), ("SecNOR", 15000)),
        ];
        var ilacs = new PublishedStatistic { Dataset = Profiles.OfstedLa, Table = "ilacs-latest", AreaCode = Stockport, Period = "2023-10-02", Year = 2023, Texts = new() { ["Overall effectiveness"] = "Good" } };
        LsoaDeprivation[] deprivation =
        [
            Lsoa(Stockport, 1, 1), Lsoa(Stockport, 2, 1), .. Enumerable.Range(0, 8).Select(_ => Lsoa(Stockport, 8, 9)),
            Lsoa(Tameside, 1, 1), Lsoa(Tameside, 1, 2), Lsoa(Tameside, 5, 5), Lsoa(Tameside, 6, 6),
        ];
        School[] schools = [School(1, 356, 300), School(2, 356, 100), School(3, 356, 100), School(4, 356, 700, "Independent schools")];
        SchoolInspection[] inspections = [new() { Urn = 1, Rating = "Good" }, new() { Urn = 2, Rating = "Outstanding" }, new() { Urn = 4, Rating = "Outstanding" }];
        DsgAllocation[] dsg = [new() { FinancialYearStart = 2023, DfeCode = 356, BeforeRecoupment = new(250_000_000, 2_000_000, 40_000_000, 8_000_000) }];
        return new EvidenceSnapshot(areas, population, [.. statistics, ilacs], deprivation, schools, inspections, dsg);
    }

    [Fact]
    public void An_authoritys_figures_are_computed_from_its_rows()
    {
        var profile = Profiles.Profile(Snapshot(), Stockport);

        Assert.Equal(15_000, profile["population-0-4"]!.Value);
        Assert.Equal(78_000, profile["population-0-25"]!.Value);
        Assert.Equal("mid-2020", profile["population-0-25"]!.Year);
        Assert.Equal(10.0m, profile["imd-most-deprived"]!.Value);
        Assert.Equal(20.0m, profile["idaci-most-deprived"]!.Value);
        Assert.Equal(17.2m, profile["low-income-families"]!.Value);
        Assert.Equal(65.0m, profile["gld"]!.Value);
        Assert.Equal("2021/22", profile["gld"]!.Year);
        Assert.Equal(200.0m, profile["cin-rate"]!.Value); // 1,300 at 31 March 2025 / 65,000 aged 0 to 17 at mid-2024 × 10,000
        Assert.Equal(38.5m, profile["ehcp-rate"]!.Value); // 3,000 / 78,000 × 1,000
        Assert.Equal(8_571m, profile["dsg-per-pupil"]!.Value); // £300m / 35,000 pupils
        Assert.Equal("2023-24", profile["dsg-per-pupil"]!.Year);
        Assert.Equal("Good", profile["ilacs"]!.Text);
    }

    [Fact]
    public void Schools_by_Ofsted_grade_count_state_funded_schools_and_their_pupils()
    {
        var profile = Profiles.Profile(Snapshot(), Stockport);

        // Three state-funded schools (the independent one is left out): Good 300 pupils, Outstanding 100, none 100.
        Assert.Equal(33.3m, profile["schools-good"]!.Value);
        Assert.Equal(60.0m, profile["pupils-good"]!.Value);
        Assert.Equal(20.0m, profile["pupils-outstanding"]!.Value);
        Assert.Equal(33.3m, profile["schools-not-judged"]!.Value);
        Assert.Equal(0m, profile["schools-inadequate"]!.Value);
        Assert.Contains("February 2020", profile["schools-good"]!.Year, StringComparison.Ordinal);
    }

    [Fact]
    public void Greater_Manchester_adds_up_its_authorities_counts_and_a_region_uses_its_own_row()
    {
        var data = Snapshot();

        var gm = Profiles.Profile(data, Benchmarks.GreaterManchester);
        var northWest = Profiles.Profile(data, Benchmarks.NorthWest);

        Assert.Equal("Greater Manchester", gm.Name);
        Assert.Equal(25_000, gm["population-0-4"]!.Value);
        Assert.Equal(21.4m, gm["imd-most-deprived"]!.Value); // 3 of 14 LSOAs
        Assert.Equal(63.3m, gm["gld"]!.Value); // 950 of 1,500
        Assert.Equal(62.0m, northWest["gld"]!.Value); // the region's own row, 6,200 of 10,000
        Assert.Null(gm["ilacs"]!.Value);
        Assert.Contains("no judgement for a group", gm["ilacs"]!.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_the_data_does_not_cover_is_not_available_and_says_why()
    {
        var tameside = Profiles.Profile(Snapshot(), Tameside);

        Assert.False(tameside["low-income-families"]!.Available);
        Assert.Contains("LAIT", tameside["low-income-families"]!.Note, StringComparison.Ordinal);
        Assert.False(tameside["cin-rate"]!.Available);
        Assert.False(tameside["dsg-per-pupil"]!.Available);
        Assert.Equal(Profiles.Catalogue.Select(c => c.Key), tameside.Figures.Select(f => f.Key));
    }

    [Fact]
    public void A_countys_deprivation_is_its_districts_found_from_where_its_schools_stand()
    {
        var county = new PublicArea { Code = "E10000001", Name = "Shire", Level = AreaLevel.LocalAuthority, DfeNumber = 900, RegionCode = Benchmarks.NorthWest, LastYear = 2024 };
        LsoaDeprivation[] lsoas = [Lsoa("E07000001", 1, 2), Lsoa("E07000001", 5, 1), Lsoa("E07000002", 1, 1), Lsoa("E07000002", 3, 3)];
        School[] schools =
        [
            new() { Urn = 10, LaNumber = 900, LsoaCode = lsoas[0].LsoaCode, TypeGroup = "Academies", Type = "Academy converter" },
            new() { Urn = 11, LaNumber = 900, LsoaCode = lsoas[1].LsoaCode, TypeGroup = "Academies", Type = "Academy converter" },
            // A school of a neighbouring authority near the border does not bring its district with it.
            new() { Urn = 12, LaNumber = 356, LsoaCode = lsoas[2].LsoaCode, TypeGroup = "Academies", Type = "Academy converter" },
        ];
        var data = new EvidenceSnapshot([county], [], [], lsoas, schools, [], []);

        var profile = Profiles.Profile(data, county.Code);

        Assert.Equal(50.0m, profile["imd-most-deprived"]!.Value);
        Assert.Equal("2 LSOAs", profile["imd-most-deprived"]!.Note);
    }

    [Fact]
    public void A_year_takes_the_latest_period_up_to_it_and_trends_run_in_year_order()
    {
        var data = Snapshot();

        var earlier = Profiles.Profile(data, Stockport, year: 2023);
        var latest = Profiles.Profile(data, Stockport);

        Assert.Equal(34.6m, earlier["ehcp-rate"]!.Value); // 2,700 / 78,000 × 1,000
        Assert.False(earlier["cin-rate"]!.Available);
        Assert.Equal([2023, 2024], latest.Trends.Single(t => t.Key == "ehcp-rate").Points.Select(p => p.Year));
    }
}
