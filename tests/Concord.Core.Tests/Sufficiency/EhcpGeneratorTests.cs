using Concord.Core.Sufficiency;

namespace Concord.Core.Tests.Sufficiency;

public sealed class EhcpGeneratorTests
{
    private static readonly Guid Council = Guid.NewGuid();
    private static readonly DateOnly AsAt = new(2026, 1, 15);
    private static readonly GeoPoint Edgeley = new(53.41, -2.16);
    private static readonly GeneratorLsoa[] OneLsoa = [new("E01005837", Edgeley, 300)];

    /// <summary>
    /// Needs ASD 33.34%, SEMH 33.33%, SLCN 33.33%, of whom 50%, 40% and 10% need a specialist place; ages primary 40%,
    /// secondary 60%.
    /// </summary>
    private static SufficiencySettings Thirds()
    {
        var settings = SufficiencySettings.Default(Council);
        var needs = Needs.All.ToDictionary(n => n, _ => (decimal?)0m);
        (needs[NeedType.Asd], needs[NeedType.Semh], needs[NeedType.Slcn]) = (33.34m, 33.33m, 33.33m);
        var specialist = Needs.All.ToDictionary(n => n, _ => (decimal?)30m);
        (specialist[NeedType.Asd], specialist[NeedType.Semh], specialist[NeedType.Slcn]) = (50m, 40m, 10m);
        var ages = AgeBands.All.ToDictionary(b => b, _ => (decimal?)0m);
        (ages[AgeBand.Primary], ages[AgeBand.Secondary]) = (40m, 60m);
        settings.Change(settings.CostBands.ToDictionary(c => c.Key, c => (decimal?)c.Value), needs, ages, specialist, 25, 350m);
        return settings;
    }

    private static GeneratorAuthority Stockport(int total, SufficiencySettings? settings = null, IReadOnlyList<GeneratorLsoa>? lsoas = null) =>
        new(Council, "E08000007", "Stockport", total, settings ?? SufficiencySettings.Default(Council), lsoas ?? OneLsoa);

    private static Provision Place(string name, double latitude, int from, int to, int places, NeedType[] needs, DateOnly? opens = null) =>
        Provision.Create(Council, new ProvisionDetails(null, name, ProvisionKind.SpecialSchool, "E08000007", "Stockport", latitude, -2.16, from, to,
            places, places, needs, null, opens, null, [], null));

    [Fact]
    public void The_total_is_the_councils_real_total_of_plans()
    {
        var authority = Stockport(2_345);

        var records = EhcpGenerator.Generate(authority, [], AsAt, seed: 1);

        Assert.Equal(2_345, records.Count);
        Assert.All(records, r => Assert.True(r.Synthetic));
        Assert.True(GeneratorCalibration.Compare(authority, records, AsAt).Exact);
    }

    [Fact]
    public void Counts_by_need_and_age_band_are_the_largest_remainder_numbers_worked_by_hand()
    {
        // 37 × 33.34% = 12.3358, × 33.33% = 12.3321 twice: rounded down 12 + 12 + 12 = 36; the one left goes to the largest
        // remainder, ASD's: 13, 12, 12 (rounding each alone would give 36). Ages: 37 × 40% = 14.8, × 60% = 22.2: 15 and 22.
        // Cells: ASD primary 4.934, secondary 7.401; SEMH and SLCN 4.933 and 7.399. Rounded down 4 and 7 each; largest
        // remainders first, as the totals allow: ASD, SEMH and SLCN primary, then ASD secondary: ASD 5 + 8, SEMH 5 + 7, SLCN 5 + 7.
        var records = EhcpGenerator.Generate(Stockport(37, Thirds()), [], AsAt, seed: 7);

        Assert.Equal([13, 12, 12], new[] { NeedType.Asd, NeedType.Semh, NeedType.Slcn }.Select(n => records.Count(r => r.PrimaryNeed == n)));
        Assert.Equal(15, records.Count(r => AgeBands.Of(r.AgeIn(2025)) == AgeBand.Primary));
        Assert.Equal(22, records.Count(r => AgeBands.Of(r.AgeIn(2025)) == AgeBand.Secondary));
        Assert.Equal(8, records.Count(r => r.PrimaryNeed == NeedType.Asd && AgeBands.Of(r.AgeIn(2025)) == AgeBand.Secondary));
        Assert.Equal(5, records.Count(r => r.PrimaryNeed == NeedType.Slcn && AgeBands.Of(r.AgeIn(2025)) == AgeBand.Primary));
    }

    [Fact]
    public void Specialist_places_are_the_largest_remainder_numbers_of_each_need_shared_across_its_bands()
    {
        // ASD 13 × 50% = 6.5 → 7 (the tie goes to the specialist part); SEMH 12 × 40% = 4.8 → 5; SLCN 12 × 10% = 1.2 → 1: 13 in all.
        // Shared by each need's ages: ASD 7 × 5/13 = 2.69 and 4.31; SEMH 5 × 5/12 = 2.08 and 2.92; SLCN 0.42 and 0.58.
        // Bands: 5.19 and 7.81 → 5 and 8. Rounded down: ASD 2 + 4, SEMH 2 + 2, SLCN 0 + 0; largest remainders first as the totals
        // allow: SEMH secondary (0.92), ASD primary (0.69), SLCN secondary (0.58): ASD 3 + 4, SEMH 2 + 3, SLCN 0 + 1.
        var authority = Stockport(37, Thirds());

        var records = EhcpGenerator.Generate(authority, [], AsAt, seed: 7);

        int Specialist(NeedType need, AgeBand band) =>
            records.Count(r => r.NeedsSpecialistPlace && r.PrimaryNeed == need && AgeBands.Of(r.AgeIn(2025)) == band);
        Assert.Equal([3, 4], new[] { AgeBand.Primary, AgeBand.Secondary }.Select(b => Specialist(NeedType.Asd, b)));
        Assert.Equal([2, 3], new[] { AgeBand.Primary, AgeBand.Secondary }.Select(b => Specialist(NeedType.Semh, b)));
        Assert.Equal([0, 1], new[] { AgeBand.Primary, AgeBand.Secondary }.Select(b => Specialist(NeedType.Slcn, b)));
        var calibration = GeneratorCalibration.Compare(authority, records, AsAt);
        Assert.Equal(13, calibration.Specialist.Generated);
        Assert.Equal(12.3358m * 0.5m + (12.3321m * 0.4m) + (12.3321m * 0.1m), calibration.Specialist.Expected);
        Assert.True(calibration.Exact);
    }

    [Fact]
    public void Totals_by_need_and_band_stay_within_one_of_the_mix_for_a_large_council()
    {
        var authority = Stockport(30_011);

        var calibration = GeneratorCalibration.Compare(authority, EhcpGenerator.Generate(authority, [], AsAt, seed: 3), AsAt);

        Assert.All(calibration.ByNeed.Concat(calibration.ByAgeBand), l => Assert.True(Math.Abs(l.Generated - l.Expected) < 1, $"{l.Label}: {l.Generated} against {l.Expected}"));
        // A need's specialists are its whole count (within one of the mix) × its share, rounded: within 1.5 of the mix.
        Assert.All(calibration.SpecialistByNeed, l => Assert.True(Math.Abs(l.Generated - l.Expected) < 1.5m, $"{l.Label}: {l.Generated} against {l.Expected}"));
        Assert.True(calibration.Exact);
    }

    [Fact]
    public void The_same_seed_gives_the_same_children_and_another_seed_other_homes()
    {
        GeneratorLsoa[] lsoas = [new("E01005837", Edgeley, 100), new("E01005838", new(53.42, -2.17), 100), new("E01005839", new(53.43, -2.18), 100)];
        var authority = Stockport(500, lsoas: lsoas);

        var first = EhcpGenerator.Generate(authority, [], AsAt, seed: 42);
        var again = EhcpGenerator.Generate(authority, [], AsAt, seed: 42);
        var other = EhcpGenerator.Generate(authority, [], AsAt, seed: 43);

        static string Child(EhcpRecord r) => $"{r.Reference} {r.DateOfBirth} {r.PrimaryNeed} {r.Setting} {r.HomeLsoa} {r.NeedsSpecialistPlace}";
        Assert.Equal(first.Select(Child), again.Select(Child));
        Assert.NotEqual(first.Select(r => r.HomeLsoa), other.Select(r => r.HomeLsoa));
    }

    [Fact]
    public void References_read_SYN_then_the_councils_first_three_letters_then_six_digits()
    {
        var records = EhcpGenerator.Generate(Stockport(12), [], AsAt, seed: 1);

        Assert.Equal("SYN-STO-000001", records[0].Reference);
        Assert.Equal("SYN-STO-000012", records[^1].Reference);
    }

    [Fact]
    public void Homes_are_the_given_LSOAs_drawn_in_proportion_to_their_children()
    {
        // Weights 1 : 2 : 7 over 20,000 children: about 2,000, 4,000 and 14,000 (a standard deviation of about 65 for the
        // heaviest), so 1.5 percentage points is many standard deviations from a fair draw.
        GeneratorLsoa[] lsoas = [new("E01005837", Edgeley, 50), new("E01005838", new(53.42, -2.17), 100), new("E01005839", new(53.43, -2.18), 350)];

        var records = EhcpGenerator.Generate(Stockport(20_000, lsoas: lsoas), [], AsAt, seed: 11);

        Assert.All(records, r => Assert.Contains(lsoas, l => l.Code == r.HomeLsoa && l.Centre == r.Home));
        var shares = lsoas.Select(l => records.Count(r => r.HomeLsoa == l.Code) / 20_000d).ToList();
        Assert.Equal(0.1, shares[0], 0.015);
        Assert.Equal(0.2, shares[1], 0.015);
        Assert.Equal(0.7, shares[2], 0.015);
    }

    [Fact]
    public void Ages_fall_within_the_band_and_dates_of_birth_within_the_school_year_of_that_age()
    {
        var records = EhcpGenerator.Generate(Stockport(37, Thirds()), [], AsAt, seed: 5);

        // The school year 2025 to 2026 takes ages on 31 August 2025: aged 5 means born 1 September 2019 to 31 August 2020.
        Assert.All(records, r => Assert.InRange(r.AgeIn(2025), 5, 15));
        Assert.All(records, r => Assert.InRange(r.DateOfBirth, new DateOnly(2009, 9, 1), new DateOnly(2020, 8, 31)));
        Assert.True(records.Select(r => r.AgeIn(2025)).Distinct().Count() > 5);
    }

    [Fact]
    public void A_child_needing_a_specialist_place_takes_the_nearest_open_provision_in_reach_serving_their_need_and_age()
    {
        // Near (0.6 km): ASD, 11 to 15, 2 places. Far (10 km): ASD and SEMH, 5 to 15, 100 places. Beyond reach (121 km)
        // and not yet open (0.1 km): none. 2,000 plans give about 100 ASD specialists aged 11 to 15 and over 300 ASD or SEMH
        // specialists aged 5 to 15, so both fill up.
        var near = Place("Near secondary ASD base", 53.415, 11, 15, 2, [NeedType.Asd]);
        var far = Place("Far all-through school", 53.50, 5, 15, 100, [NeedType.Asd, NeedType.Semh]);
        var beyond = Place("Beyond reach school", 54.50, 0, 25, 100, Needs.All.ToArray());
        var planned = Place("Planned school", 53.411, 0, 25, 100, Needs.All.ToArray(), opens: new DateOnly(2026, 9, 1));

        var records = EhcpGenerator.Generate(Stockport(2_000), [near, far, beyond, planned], AsAt, seed: 9);

        var atNear = records.Where(r => r.ProvisionId == near.Id).ToList();
        var atFar = records.Where(r => r.ProvisionId == far.Id).ToList();
        Assert.Equal(2, atNear.Count);
        Assert.All(atNear, r => Assert.True(r.PrimaryNeed == NeedType.Asd && r.AgeIn(2025) is >= 11 and <= 15));
        Assert.Equal(100, atFar.Count);
        Assert.All(atFar, r => Assert.True(r.PrimaryNeed is NeedType.Asd or NeedType.Semh && r.AgeIn(2025) is >= 5 and <= 15));
        Assert.All(atNear.Concat(atFar), r => Assert.Equal(("E08000007", SettingType.Specialist, true), (r.SettingAreaCode, r.Setting, r.NeedsSpecialistPlace)));
        Assert.DoesNotContain(records, r => r.ProvisionId == beyond.Id || r.ProvisionId == planned.Id);
    }

    [Fact]
    public void Children_beyond_a_provisions_places_become_synthetic_out_of_area_independent_placements()
    {
        var school = Place("Small special school", 53.415, 0, 25, 2, Needs.All.ToArray());
        var authority = Stockport(37, Thirds());

        var records = EhcpGenerator.Generate(authority, [school], AsAt, seed: 2);

        var outside = records.Where(r => r.NeedsSpecialistPlace && r.ProvisionId is null).ToList();
        Assert.Equal(2, records.Count(r => r.ProvisionId == school.Id));
        Assert.Equal(11, outside.Count);
        Assert.All(outside, r => Assert.Equal((SettingType.Specialist, EhcpGenerator.OutOfAreaSettingName, (string?)null), (r.Setting, r.SettingName, r.SettingAreaCode)));
        var calibration = GeneratorCalibration.Compare(authority, records, AsAt);
        Assert.Equal((2, 11), (calibration.PlacedInRegister, calibration.OutOfAreaIndependent));
    }

    [Fact]
    public void Children_without_a_specialist_place_are_in_early_years_mainstream_or_further_education_by_age()
    {
        var records = EhcpGenerator.Generate(Stockport(5_000), [], AsAt, seed: 4);

        var others = records.Where(r => !r.NeedsSpecialistPlace).ToList();
        Assert.All(others.Where(r => r.AgeIn(2025) <= 4), r => Assert.Equal(SettingType.EarlyYears, r.Setting));
        Assert.All(others.Where(r => r.AgeIn(2025) is >= 5 and <= 15), r => Assert.Equal(SettingType.Mainstream, r.Setting));
        var young = others.Where(r => r.AgeIn(2025) >= 16).ToList();
        Assert.All(young, r => Assert.True(r.Setting is SettingType.FurtherEducation or SettingType.NotInEducation));
        Assert.Equal(WholeNumbers.Whole(young.Count * 0.03m), young.Count(r => r.Setting == SettingType.NotInEducation));
        Assert.All(others.Where(r => r.Setting != SettingType.NotInEducation), r => Assert.Equal("E08000007", r.SettingAreaCode));
    }

    [Fact]
    public void A_council_with_plans_but_no_LSOA_with_children_is_refused()
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            EhcpGenerator.Generate(Stockport(10, lsoas: [new("E01005837", Edgeley, 0)]), [], AsAt, seed: 1));

        Assert.Equal("Stockport needs at least one LSOA with children for its children to live in", Assert.Single(refused.Violations).Message);
    }
}
