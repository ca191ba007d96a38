namespace Concord.Core.Sufficiency;

/// <summary>
/// A placement plan: where the children who need a specialist place go, what it costs each
/// council, how far the children travel, how full each provision is, and what the councils
/// recharge each other. Every cost, distance and percentage a page shows comes from here.
/// </summary>
/// <param name="Mode">Whether each council planned alone or the councils shared places.</param>
/// <param name="Status">The solver's verdict: "Optimal" when the plan is the cheapest there is.</param>
/// <param name="Objective">
/// What the solver minimised, in whole pounds: every placed child's cost of a place plus travel
/// (each rounded to the pound), and <see cref="UnplacedCost"/> for every child left unplaced.
/// </param>
/// <param name="UnplacedCost">The cost the plan puts on leaving one child unplaced, in whole pounds.</param>
/// <param name="Councils">One line per council, in the order the councils were given.</param>
/// <param name="Combined">
/// The councils together (AuthorityId <see cref="Guid.Empty"/>, named <see cref="CombinedName"/>):
/// counts and costs are the sums of the councils' lines, so a table of them adds up to the penny;
/// mean and 95th percentile travel are over every placed child.
/// </param>
/// <param name="Provisions">Each provision's places and how many the plan uses, in the order given.</param>
/// <param name="Recharges">What each council pays another for places in that council's register (sharing only).</param>
/// <param name="Assignments">Where the children of each of the caller's demand entries go, by the entry's index.</param>
/// <param name="Groups">Groups of children after entries with the same choices are merged (see <see cref="PlacementPlanner.Plan"/>).</param>
/// <param name="Arcs">Arcs from groups to provisions: the choices the solver weighed.</param>
/// <param name="BuildTime">Merging demand, finding the provisions within reach and building the flow.</param>
/// <param name="SolveTime">The min-cost flow solve alone.</param>
/// <param name="ReadTime">Reading the flows and working out the figures.</param>
public sealed record PlacementResult(
    PlanMode Mode,
    string Status,
    long Objective,
    decimal UnplacedCost,
    IReadOnlyList<CouncilPlacement> Councils,
    CouncilPlacement Combined,
    IReadOnlyList<ProvisionUse> Provisions,
    IReadOnlyList<PlacementRecharge> Recharges,
    IReadOnlyList<PlacementAssignment> Assignments,
    int Groups,
    int Arcs,
    TimeSpan BuildTime,
    TimeSpan SolveTime,
    TimeSpan ReadTime)
{
    public const string CombinedName = "All councils together";

    public TimeSpan TotalTime => BuildTime + SolveTime + ReadTime;

    /// <summary>The council's line; throws when the council was not in the plan.</summary>
    public CouncilPlacement For(Guid authorityId) =>
        Councils.FirstOrDefault(c => c.AuthorityId == authorityId) ?? throw new ArgumentException("That council is not in the plan.", nameof(authorityId));

    /// <summary>The provision's use; throws when the provision was not in the plan.</summary>
    public ProvisionUse Use(Guid provisionId) =>
        Provisions.FirstOrDefault(p => p.ProvisionId == provisionId) ?? throw new ArgumentException("That provision is not in the plan.", nameof(provisionId));
}

/// <summary>
/// A council's children in a plan. Costs are over placed children only: <see cref="PlaceCost"/>
/// is the sum of the places' annual costs, <see cref="TravelCost"/> the sum of each child's
/// kilometres times the cost of a kilometre (to the penny), <see cref="TotalCost"/> the two
/// together. Travel is the straight line from the home neighbourhood's centre, over placed children.
/// </summary>
/// <param name="OutOfBorough">Children placed in a provision standing outside the council's area.</param>
/// <param name="Independent">Children placed in a provision whose places are bought (independent, non-maintained, specialist post-16).</param>
/// <param name="MeanTravelKm">Mean straight-line travel of placed children; null when none is placed.</param>
/// <param name="P95TravelKm">95th percentile (nearest rank) of placed children's travel; null when none is placed.</param>
public sealed record CouncilPlacement(
    Guid AuthorityId,
    string Name,
    int Children,
    int Placed,
    int Unplaced,
    int OutOfBorough,
    int Independent,
    decimal PlaceCost,
    decimal TravelCost,
    decimal TotalCost,
    double? MeanTravelKm,
    double? P95TravelKm)
{
    /// <summary>Percentage of the children placed, to one decimal place; null when there are none.</summary>
    public decimal? PlacedPercent => Percent(Placed, Children);

    /// <summary>Percentage of placed children placed out of borough, to one decimal place.</summary>
    public decimal? OutOfBoroughPercent => Percent(OutOfBorough, Placed);

    /// <summary>Percentage of placed children in bought places, to one decimal place.</summary>
    public decimal? IndependentPercent => Percent(Independent, Placed);

    /// <summary>The average cost of a placed child's place and travel, to the penny.</summary>
    public decimal? CostPerPlacedChild => Placed == 0 ? null : Finance.Money.Pence(TotalCost / Placed);

    private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>How a plan uses one provision: its places, how many are taken, and by which councils' children.</summary>
public sealed record ProvisionUse(Guid ProvisionId, string Name, Guid RegisterAuthorityId, int Places, int Used, IReadOnlyDictionary<Guid, int> ByCouncil)
{
    public int Free => Places - Used;
}

/// <summary>
/// What one council pays another a year for its children's places in the other's register when
/// they share (commissioned places only: bought places are paid to their provider directly).
/// </summary>
public sealed record PlacementRecharge(Guid PayerAuthorityId, Guid ProviderAuthorityId, int Places, decimal Amount);

/// <summary>
/// Where <see cref="Count"/> children of the caller's demand entry <see cref="DemandIndex"/> go:
/// a provision, or none (<see cref="ProvisionId"/> null: unplaced, and <see cref="Km"/> 0).
/// </summary>
public readonly record struct PlacementAssignment(int DemandIndex, Guid? ProvisionId, int Count, double Km);

/// <summary>Each council alone beside the councils sharing: both plans and what sharing changes.</summary>
/// <param name="ObjectiveSaved">
/// How much less the sharing plan's objective is than the plans alone (whole pounds, unplaced
/// children at the unplaced cost): never negative, because sharing only adds choices.
/// </param>
public sealed record PlacementComparison(
    PlacementResult Alone,
    PlacementResult Sharing,
    IReadOnlyList<PlacementDifference> Councils,
    PlacementDifference Combined,
    long ObjectiveSaved);

/// <summary>
/// What sharing changes for a council (or all together). <see cref="CostSaved"/> is the fall in
/// <see cref="CouncilPlacement.TotalCost"/>, over placed children only, so it can be negative when
/// sharing places more children; <see cref="PlanCostSaved"/> also counts each child no longer left
/// unplaced at the plan's unplaced cost. Changes are sharing minus alone: −2 unplaced is two more placed.
/// </summary>
public sealed record PlacementDifference(
    Guid AuthorityId,
    string Name,
    decimal CostSaved,
    decimal PlanCostSaved,
    int UnplacedChange,
    int OutOfBoroughChange,
    int IndependentChange);
