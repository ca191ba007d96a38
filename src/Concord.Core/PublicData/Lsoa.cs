using Concord.Core.Access;

namespace Concord.Core.PublicData;

/// <summary>
/// A lower layer super output area (2011 boundaries): its ward and local authority (2019) and its
/// centre point, from ONS. Used to place deprivation on a map and to sum it by authority or ward.
/// </summary>
public sealed class Lsoa : Entity, IPublicData
{
    /// <summary>For example E01005837.</summary>
    public string Code { get; init; } = string.Empty;

    /// <summary>For example "Stockport 001A".</summary>
    public string Name { get; init; } = string.Empty;

    public string WardCode { get; init; } = string.Empty;

    public string WardName { get; init; } = string.Empty;

    /// <summary>ONS code of its local authority district (2019).</summary>
    public string AuthorityCode { get; init; } = string.Empty;

    public string AuthorityName { get; init; } = string.Empty;

    /// <summary>Centre point, WGS84 degrees; null where ONS gives none.</summary>
    public double? Longitude { get; init; }

    public double? Latitude { get; init; }
}

/// <summary>
/// The English Indices of Deprivation 2019 for one LSOA: ranks of 32,844 (1 is most deprived) and
/// deciles (1 is the 10 % most deprived nationally), for the index, its seven domains and the
/// income deprivation affecting children (IDACI) and older people (IDAOPI) indices.
/// </summary>
public sealed class LsoaDeprivation : Entity, IPublicData
{
    public const int LsoasInEngland = 32_844;

    public string LsoaCode { get; init; } = string.Empty;

    /// <summary>ONS code of its local authority district (2019).</summary>
    public string AuthorityCode { get; init; } = string.Empty;

    public int ImdRank { get; init; }

    public int ImdDecile { get; init; }

    public int IdaciRank { get; init; }

    public int IdaciDecile { get; init; }

    public int IdaopiRank { get; init; }

    public int IdaopiDecile { get; init; }

    /// <summary>The seven domains' deciles, by domain name ("Income", "Employment", …).</summary>
    public Dictionary<string, int> DomainDeciles { get; init; } = [];

    /// <summary>Mid-2015 population (excluding prisoners), the denominators the indices used.</summary>
    public int Population { get; init; }

    /// <summary>Dependent children aged 0 to 15, mid-2015.</summary>
    public int Children { get; init; }
}
