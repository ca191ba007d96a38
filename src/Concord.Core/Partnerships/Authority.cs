namespace Concord.Core.Partnerships;

/// <summary>
/// A local authority (council). It stays legally and financially its own master: its own records
/// are seen only by its own staff.
/// </summary>
public sealed class Authority : Entity
{
    /// <summary>Short name as councils use it in joint reports, for example "Stockport".</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>ONS local authority district code, for example "E08000007".</summary>
    public string OnsCode { get; init; } = string.Empty;

    /// <summary>DfE local authority code, for example 356.</summary>
    public int DfeCode { get; init; }

    /// <summary>The combined authority area or region it sits in, for example "Greater Manchester".</summary>
    public string Area { get; init; } = string.Empty;
}

/// <summary>Reference data: the ten Greater Manchester authorities, with their ONS and DfE codes.</summary>
public static class GreaterManchester
{
    public const string AreaName = "Greater Manchester";

    public static readonly IReadOnlyList<(string Name, string OnsCode, int DfeCode)> Authorities =
    [
        ("Bolton", "E08000001", 350),
        ("Bury", "E08000002", 351),
        ("Manchester", "E08000003", 352),
        ("Oldham", "E08000004", 353),
        ("Rochdale", "E08000005", 354),
        ("Salford", "E08000006", 355),
        ("Stockport", "E08000007", 356),
        ("Tameside", "E08000008", 357),
        ("Trafford", "E08000009", 358),
        ("Wigan", "E08000010", 359),
    ];
}
