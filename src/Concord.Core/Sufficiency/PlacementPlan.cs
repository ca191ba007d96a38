using Concord.Core.Access;

namespace Concord.Core.Sufficiency;

/// <summary>A plan's figures as they are kept: everything but where each group of children went and the timings.</summary>
public sealed record PlacementSummary(
    string Status,
    long Objective,
    decimal UnplacedCost,
    IReadOnlyList<CouncilPlacement> Councils,
    CouncilPlacement Combined,
    IReadOnlyList<ProvisionUse> Provisions,
    IReadOnlyList<PlacementRecharge> Recharges,
    int Groups,
    int Arcs)
{
    public static PlacementSummary From(PlacementResult result) => new(result.Status, result.Objective, result.UnplacedCost, result.Councils, result.Combined,
        result.Provisions, result.Recharges, result.Groups, result.Arcs);
}

/// <summary>What the councils' children were, for a plan: how many need a place and whether they were synthetic.</summary>
public sealed record PlacementChildren(Guid AuthorityId, int Children, bool Synthetic, int? ScaledFrom);

/// <summary>
/// A placement plan the councils ran, kept so that it can be read again and traced: for which
/// school year, with which scenario and limits, by whom and when, and its figures each council
/// alone and sharing places, with what sharing changes.
/// </summary>
public sealed class PlacementPlan : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; private set; }

    public Guid? ScenarioId { get; private set; }

    /// <summary>The scenario's name when the plan ran ("Current plans" with no scenario).</summary>
    public string ScenarioName { get; private set; } = string.Empty;

    /// <summary>The mode the plan is read in first; both modes are kept.</summary>
    public PlanMode Mode { get; private set; }

    /// <summary>The school year planned for, by the year it starts (places on 1 September).</summary>
    public int Year { get; private set; }

    public double MaxTravelKm { get; private set; }

    public decimal TravelCostPerKm { get; private set; }

    public List<PlacementChildren> Children { get; private set; } = [];

    public PlacementSummary Alone { get; private set; } = null!;

    public PlacementSummary Sharing { get; private set; } = null!;

    public List<PlacementDifference> Differences { get; private set; } = [];

    public PlacementDifference CombinedDifference { get; private set; } = null!;

    public long ObjectiveSaved { get; private set; }

    public double SolveMilliseconds { get; private set; }

    public double TotalMilliseconds { get; private set; }

    public DateTimeOffset RunAt { get; private set; }

    public string RunBy { get; private set; } = string.Empty;

    private PlacementPlan()
    {
    }

    public const string NoScenario = "Current plans";

    public bool Synthetic => Children.Any(c => c.Synthetic);

    public PlacementSummary In(PlanMode mode) => mode == PlanMode.Sharing ? Sharing : Alone;

    public static PlacementPlan Record(Guid partnershipId, Scenario? scenario, PlanMode mode, int year, PlanOptions options, IReadOnlyList<PlacementChildren> children,
        PlacementComparison comparison, DateTimeOffset runAt, string runBy) => new()
        {
            PartnershipId = partnershipId,
            ScenarioId = scenario?.Id,
            ScenarioName = scenario?.Name ?? NoScenario,
            Mode = mode,
            Year = year,
            MaxTravelKm = options.MaxTravelKm,
            TravelCostPerKm = options.TravelCostPerKm,
            Children = children.ToList(),
            Alone = PlacementSummary.From(comparison.Alone),
            Sharing = PlacementSummary.From(comparison.Sharing),
            Differences = comparison.Councils.ToList(),
            CombinedDifference = comparison.Combined,
            ObjectiveSaved = comparison.ObjectiveSaved,
            SolveMilliseconds = (comparison.Alone.SolveTime + comparison.Sharing.SolveTime).TotalMilliseconds,
            TotalMilliseconds = (comparison.Alone.TotalTime + comparison.Sharing.TotalTime).TotalMilliseconds,
            RunAt = runAt,
            RunBy = runBy,
        };
}
