namespace Concord.Core.Sufficiency;

/// <summary>Whether each council places only in its own register, or the partnership shares places across the border.</summary>
public enum PlanMode
{
    /// <summary>Each council alone: its children go only to provisions in its own register.</summary>
    Alone = 1,

    /// <summary>The partnership shares: a child may take a place in any member council's register, recharged at that council's cost.</summary>
    Sharing = 2,
}

public static class PlanModes
{
    public static string Display(this PlanMode mode) => mode == PlanMode.Sharing ? "Sharing places across the partnership" : "Each council alone";

    public static PlanMode? Parse(string? text) =>
        Enum.TryParse<PlanMode>(text?.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(text, out _) ? mode : null;
}

/// <summary>A council taking part in a plan: its children, its register, its area.</summary>
public sealed record PlanCouncil(Guid AuthorityId, string Name, string AreaCode);

/// <summary>
/// Children of one council who need a specialist place and are alike for planning (same primary
/// need, age and home neighbourhood): one node of the flow with <see cref="Count"/> units of supply.
/// </summary>
public sealed record PlanDemand(Guid AuthorityId, NeedType Need, int Age, GeoPoint Home, int Count, string? HomeLsoa = null);

/// <summary>A provision as a plan sees it on one date: its places then and its annual cost of a place.</summary>
public sealed record PlanPlace(
    Guid ProvisionId,
    string Name,
    Guid RegisterAuthorityId,
    ProvisionKind Kind,
    string AreaCode,
    GeoPoint Location,
    int AgeFrom,
    int AgeTo,
    IReadOnlySet<NeedType> Needs,
    int Places,
    decimal CostPerPlace)
{
    public bool Serves(NeedType need, int age) => age >= AgeFrom && age <= AgeTo && Needs.Contains(need);

    /// <summary>The provision on <paramref name="on"/>: its places then and its cost (its own, or its council's band).</summary>
    public static PlanPlace From(Provision provision, SufficiencySettings settings, DateOnly on) =>
        new(provision.Id, provision.Name, provision.AuthorityId, provision.Kind, provision.AreaCode, provision.Location, provision.AgeFrom, provision.AgeTo,
            provision.Needs.ToHashSet(), provision.PlacesOn(on), provision.CostPerPlace(settings));
}

/// <summary>
/// How a plan weighs its choices: the furthest a child may travel (straight line), what a
/// kilometre of travel costs a year, and the cost of leaving a child unplaced (by default far above
/// any placement, so a child goes unplaced only when no place within reach is free).
/// </summary>
public sealed record PlanOptions(PlanMode Mode, double MaxTravelKm, decimal TravelCostPerKm, decimal? UnplacedCost = null);
