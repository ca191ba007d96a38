using Concord.Core.PublicData;

namespace Concord.Core.Sufficiency;

/// <summary>
/// A council's history of EHC plans and population, read from the imported public data, for its
/// demand forecast and its synthetic children: EHC plans at January (DfE LAIT indicator
/// SEN_CASES_JAN, the SEN2 return's stock) and people aged 0 to 25 (ONS).
/// </summary>
public static class SufficiencyHistory
{
    public const string PlansMeasure = "SEN_CASES_JAN";

    /// <summary>The SEN2 management information (2014 to 2022): flows, such as new EHC plans made each calendar year.</summary>
    public const string Sen2 = "dfe-sen2-ehcp";

    public const string NewPlansMeasure = "new_all_ehc";

    public const string Source = "EHC plans at January: DfE Local Authority Interactive Tool (SEN2); people aged 0 to 25: ONS mid-year estimates, Census 2021, and DfE's 0 to 17 estimates scaled for other years";

    /// <summary>EHC plans at January by year (the latest published figure for each year).</summary>
    public static IReadOnlyList<(int Year, int Plans)> Plans(EvidenceSnapshot data, string code) =>
        data.Rows(Profiles.Lait, string.Empty, code)
            .Where(r => r.Value(PlansMeasure) is not null)
            .GroupBy(r => r.Year)
            .Select(g => (Year: g.Key, Plans: (int)Math.Round(g.OrderByDescending(r => r.Period, StringComparer.Ordinal).First().Value(PlansMeasure)!.Value)))
            .OrderBy(p => p.Year)
            .ToList();

    /// <summary>New EHC plans made in each calendar year, from the SEN2 return (2014 to 2022).</summary>
    public static IReadOnlyList<(int Year, int NewPlans)> NewPlans(EvidenceSnapshot data, string code) =>
        data.Rows(Sen2, string.Empty, code)
            .Where(r => r.Value(NewPlansMeasure) is not null)
            .GroupBy(r => r.Year)
            .Select(g => (Year: g.Key, NewPlans: (int)Math.Round(g.First().Value(NewPlansMeasure)!.Value)))
            .OrderBy(p => p.Year)
            .ToList();

    /// <summary>
    /// People aged 0 to 25 in a year: ONS's single-year estimate for that year where Concord has one
    /// (mid-2019, mid-2020, Census 2021 for Greater Manchester); otherwise DfE's estimate of 0 to 17
    /// year olds that year scaled by the ratio of 0 to 25 to 0 to 17 year olds in the nearest year that
    /// has both; for a year after the last either publishes, the last year's figure. Null when neither
    /// is published for the area.
    /// </summary>
    public static int? Population0To25(EvidenceSnapshot data, string code, int year) =>
        Estimated0To25(data, code, year) ?? (Latest0To25Year(data, code) is { } last && year > last ? Estimated0To25(data, code, last) : null);

    private static int? Latest0To25Year(EvidenceSnapshot data, string code) =>
        data.Population[code].Select(p => (int?)p.Year)
            .Concat(data.Rows(Profiles.Areas, "population-0-17", code).Select(r => (int?)r.Year))
            .Max();

    private static int? Estimated0To25(EvidenceSnapshot data, string code, int year)
    {
        var ons = data.Population[code].Where(p => p.Year == year).OrderBy(p => p.Dataset.StartsWith("ons-mye", StringComparison.Ordinal) ? 0 : 1).FirstOrDefault();
        if (ons is not null)
        {
            return ons.Aged(0, 25);
        }

        decimal? Children(int y) => data.Rows(Profiles.Areas, "population-0-17", code).FirstOrDefault(r => r.Year == y)?.Value("population_estimate");
        if (Children(year) is not { } children)
        {
            return null;
        }

        var anchor = data.Population[code].Where(p => Children(p.Year) is > 0).OrderBy(p => Math.Abs(p.Year - year)).ThenBy(p => p.Year).FirstOrDefault();
        return anchor is null ? null : (int)Math.Round(children * anchor.Aged(0, 25) / Children(anchor.Year)!.Value, MidpointRounding.AwayFromZero);
    }

    /// <summary>Each year's plans with that year's population aged 0 to 25, where both are known.</summary>
    public static IReadOnlyList<PrevalencePoint> For(EvidenceSnapshot data, string code) =>
        Plans(data, code)
            .Select(p => (p.Year, p.Plans, People: Population0To25(data, code, p.Year)))
            .Where(p => p.People is > 0)
            .Select(p => new PrevalencePoint(p.Year, p.Plans, p.People!.Value))
            .ToList();

    /// <summary>The latest ONS mid-year estimate by single year of age (0 to 89, 90 and over), the population a forecast ages forward.</summary>
    public static PopulationEstimate? BasePopulation(EvidenceSnapshot data, string code) =>
        data.Population[code].Where(p => p.Dataset.StartsWith("ons-mye", StringComparison.Ordinal)).OrderByDescending(p => p.Year).FirstOrDefault();
}
