using Concord.Core.Access;

namespace Concord.Core.PublicData;

/// <summary>
/// ONS mid-year population estimate for one area and year, persons by single year of age
/// (0 to 89, and 90 and over): public data for every UK local authority, region and country.
/// </summary>
public sealed class PopulationEstimate : Entity, IPublicData
{
    public const int OldestAge = 90;

    /// <summary>ONS area code, for example E08000007.</summary>
    public string AreaCode { get; init; } = string.Empty;

    public string AreaName { get; init; } = string.Empty;

    /// <summary>The kind of area as ONS gives it, for example "Metropolitan District".</summary>
    public string Geography { get; init; } = string.Empty;

    /// <summary>The dataset it was imported with: "ons-mye-2020", "census-2021".</summary>
    public string Dataset { get; init; } = string.Empty;

    /// <summary>The year of the estimate (mid-year, 30 June; or Census day 21 March 2021).</summary>
    public int Year { get; init; }

    /// <summary>Persons aged 0, 1, … 89, then 90 and over: 91 counts.</summary>
    public List<int> ByAge { get; init; } = [];

    public int AllAges => ByAge.Sum();

    /// <summary>Persons aged <paramref name="from"/> to <paramref name="to"/> inclusive (90 counts 90 and over).</summary>
    public int Aged(int from, int to) => ByAge.Skip(from).Take(to - from + 1).Sum();
}
