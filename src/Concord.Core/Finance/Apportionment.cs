namespace Concord.Core.Finance;

public enum ApportionmentMethod
{
    EqualShares = 1,
    FixedPercentages = 2,
    Driver = 3,
}

/// <summary>A measure that drives a split: what each council has, for a stated year.</summary>
public enum ApportionmentDriver
{
    PupilsOnRoll = 1,
    PopulationAged0To25 = 2,
    NumberOfSchools = 3,
    Ehcps = 4,
}

public static class ApportionmentNames
{
    public static string Display(this ApportionmentMethod method) => method switch
    {
        ApportionmentMethod.EqualShares => "Equal shares",
        ApportionmentMethod.FixedPercentages => "Fixed percentages",
        ApportionmentMethod.Driver => "Driven by a measure",
        _ => method.ToString(),
    };

    public static string Display(this ApportionmentDriver driver) => driver switch
    {
        ApportionmentDriver.PupilsOnRoll => "Pupils on roll",
        ApportionmentDriver.PopulationAged0To25 => "Population aged 0 to 25",
        ApportionmentDriver.NumberOfSchools => "Number of schools",
        ApportionmentDriver.Ehcps => "Education, health and care plans",
        _ => driver.ToString(),
    };
}

/// <summary>A council's value in a split: its percentage, or its measure of the driver.</summary>
public sealed record AuthorityShare(Guid AuthorityId, decimal Value);

/// <summary>
/// How a shared cost is split between the councils that share it: equally, by fixed percentages
/// that add up to 100, or in proportion to a measure (pupils on roll, population aged 0 to 25,
/// number of schools, EHCPs) for a stated year. Every split is exact to the penny.
/// </summary>
public sealed record ApportionmentRule
{
    public ApportionmentMethod Method { get; init; } = ApportionmentMethod.EqualShares;

    public ApportionmentDriver? Driver { get; init; }

    /// <summary>The year the driver's measures are for, for example 2021 for the January 2021 school census.</summary>
    public int? DriverYear { get; init; }

    /// <summary>Percentages (fixed) or measures (driver), one per council; empty for equal shares.</summary>
    public IReadOnlyList<AuthorityShare> Shares { get; init; } = [];

    public static ApportionmentRule Equal { get; } = new();

    /// <summary>
    /// Builds a rule for the councils in <paramref name="parties"/>, refusing percentages that do
    /// not add up to 100, negative values, values for councils outside the parties, a missing
    /// driver or year, and measures that are all zero.
    /// </summary>
    public static ApportionmentRule Create(ApportionmentMethod? method, ApportionmentDriver? driver, int? driverYear,
        IReadOnlyCollection<AuthorityShare> values, IReadOnlyCollection<Guid> parties, string field = "Rule")
    {
        var checks = new Checks();
        var chosen = checks.Choice($"{field}Method", method, "Select how the cost is split");
        var shares = values.Where(v => parties.Contains(v.AuthorityId)).ToList();
        checks.Require(values.All(v => parties.Contains(v.AuthorityId)), $"{field}Shares", "Shares can only be for the councils that share the cost");
        checks.Require(values.All(v => v.Value >= 0), $"{field}Shares", "Shares cannot be negative");
        checks.Require(values.Select(v => v.AuthorityId).Distinct().Count() == values.Count, $"{field}Shares", "Give each council one share");
        switch (chosen)
        {
            case ApportionmentMethod.FixedPercentages:
                checks.Require(parties.All(p => shares.Any(s => s.AuthorityId == p)), $"{field}Shares", "Give a percentage for every council that shares the cost");
                var total = shares.Sum(s => s.Value);
                checks.Require(total == 100m, $"{field}Shares", $"Percentages must add up to 100; these add up to {total.ToString("0.##", Formats.UkCulture)}");
                break;
            case ApportionmentMethod.Driver:
                checks.Require(driver is { } d && Enum.IsDefined(d), $"{field}Driver", "Select the measure that drives the split");
                checks.Require(driverYear is >= 2000 and <= 2100, $"{field}DriverYear", "Enter the year the measures are for, like 2021");
                checks.Require(parties.All(p => shares.Any(s => s.AuthorityId == p)), $"{field}Shares", "Give the measure for every council that shares the cost");
                checks.Require(shares.Sum(s => s.Value) > 0, $"{field}Shares", "At least one council's measure must be more than zero");
                break;
        }

        checks.ThrowIfAny();
        return chosen switch
        {
            ApportionmentMethod.FixedPercentages => new ApportionmentRule { Method = chosen, Shares = Ordered(shares, parties) },
            ApportionmentMethod.Driver => new ApportionmentRule { Method = chosen, Driver = driver, DriverYear = driverYear, Shares = Ordered(shares, parties) },
            _ => Equal,
        };
    }

    private static List<AuthorityShare> Ordered(IEnumerable<AuthorityShare> shares, IReadOnlyCollection<Guid> parties) =>
        parties.Select(p => shares.Single(s => s.AuthorityId == p)).ToList();

    /// <summary>What each party's weight is under this rule, in the order of <paramref name="parties"/>.</summary>
    public IReadOnlyList<decimal> Weights(IReadOnlyList<Guid> parties) => Method switch
    {
        ApportionmentMethod.EqualShares => parties.Select(_ => 1m).ToList(),
        _ => parties.Select(p => Shares.FirstOrDefault(s => s.AuthorityId == p)?.Value ?? 0m).ToList(),
    };

    /// <summary>Splits <paramref name="amount"/> between the parties, exactly to the penny.</summary>
    public IReadOnlyDictionary<Guid, decimal> Split(decimal amount, IReadOnlyList<Guid> parties)
    {
        var amounts = Money.Allocate(amount, Weights(parties));
        return parties.Select((p, i) => (p, amounts[i])).ToDictionary(x => x.p, x => x.Item2);
    }

    /// <summary>Each party's proportion of the whole (0 to 1), for showing percentages.</summary>
    public IReadOnlyDictionary<Guid, decimal> Proportions(IReadOnlyList<Guid> parties)
    {
        var weights = Weights(parties);
        var sum = weights.Sum();
        return parties.Select((p, i) => (p, sum == 0 ? 0 : weights[i] / sum)).ToDictionary(x => x.p, x => x.Item2);
    }

    public string Describe() => Method switch
    {
        ApportionmentMethod.Driver => $"In proportion to {Driver?.Display().ToLowerInvariant()} ({DriverYear})",
        _ => Method.Display(),
    };
}
