using Concord.Core.Access;

namespace Concord.Core.PublicData;

/// <summary>What kind of area a published figure is for.</summary>
public enum AreaLevel
{
    Country = 0,
    Region = 1,
    LocalAuthority = 2,
}

/// <summary>
/// An area that DfE publishes children's figures for: England, a region, or an upper-tier local
/// authority with its ONS code and DfE number. The register of areas every other import checks
/// its codes against (an unknown authority code is refused).
/// </summary>
public sealed class PublicArea : Entity, IPublicData
{
    /// <summary>ONS code: E92000001 England, E12000002 North West, E08000007 Stockport.</summary>
    public string Code { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public AreaLevel Level { get; init; }

    /// <summary>DfE's three-digit number for a local authority (Stockport 356); null for England and regions.</summary>
    public int? DfeNumber { get; init; }

    /// <summary>The region a local authority is in (E12000002); null for England and regions.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The last year DfE published it: an authority since merged or split stops at its last year.</summary>
    public int LastYear { get; init; }
}

/// <summary>The benchmarks the councils compare themselves with.</summary>
public static class Benchmarks
{
    public const string England = "E92000001";

    public const string NorthWest = "E12000002";

    /// <summary>Greater Manchester is not a DfE region: its ten districts, summed where the data allows.</summary>
    public const string GreaterManchester = "E47000001";

    public static IReadOnlyList<string> GreaterManchesterAuthorities { get; } =
        ["E08000001", "E08000002", "E08000003", "E08000004", "E08000005", "E08000006", "E08000007", "E08000008", "E08000009", "E08000010"];
}
