using Concord.Core.Access;

namespace Concord.Core.Sufficiency;

/// <summary>What a scenario changes.</summary>
public enum ScenarioChangeKind
{
    AddPlaces = 1,
    RemovePlaces = 2,
    OpenProvision = 3,
    CloseProvision = 4,
    ChangeCost = 5,
    ChangeGrowth = 6,
}

/// <summary>A provision a scenario opens: a new special school, resourced base or unit.</summary>
public sealed record NewProvision(
    string Name,
    ProvisionKind Kind,
    Guid AuthorityId,
    string AreaCode,
    double Latitude,
    double Longitude,
    int AgeFrom,
    int AgeTo,
    IReadOnlyList<NeedType> Needs,
    int Places,
    decimal? CostPerPlace);

/// <summary>
/// One change a scenario makes, from a date where it has one: places added to or removed from a
/// provision, a provision opened or closed, a provision's cost of a place changed, or the growth in
/// EHC plans (per 1,000 aged 0 to 25, a year) set for a council, or for all when no council is named.
/// </summary>
public sealed record ScenarioChange(
    ScenarioChangeKind Kind,
    Guid? ProvisionId = null,
    int? Places = null,
    DateOnly? From = null,
    decimal? Cost = null,
    decimal? Growth = null,
    Guid? AuthorityId = null,
    NewProvision? Provision = null,
    string? Note = null);

/// <summary>
/// A named "what if" for a partnership's sufficiency plan: places added or removed, provisions opened
/// or closed, costs or growth changed. Applied to the councils' registers it gives the provisions a
/// placement plan uses in each year; saved so that up to four can be compared side by side.
/// </summary>
public sealed class Scenario : Entity, IPartnershipOwned
{
    public const int MaxNameLength = 120;

    public Guid PartnershipId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public PlanMode Mode { get; private set; }

    public List<ScenarioChange> Changes { get; private set; } = [];

    private Scenario()
    {
    }

    /// <param name="provisions">The member councils' provisions, which changes may name.</param>
    /// <param name="members">The partnership's member councils.</param>
    public static Scenario Create(Guid partnershipId, string? name, string? description, PlanMode? mode, IReadOnlyList<ScenarioChange> changes,
        IReadOnlyCollection<Provision> provisions, IReadOnlyCollection<Guid> members)
    {
        var scenario = new Scenario { PartnershipId = partnershipId };
        scenario.Change(name, description, mode, changes, provisions, members);
        return scenario;
    }

    public void Change(string? name, string? description, PlanMode? mode, IReadOnlyList<ScenarioChange> changes,
        IReadOnlyCollection<Provision> provisions, IReadOnlyCollection<Guid> members)
    {
        var checks = new Checks();
        var checkedName = checks.Text("Name", name, "Enter a name for the scenario", MaxNameLength, "Name");
        var checkedDescription = checks.OptionalText("Description", description, 2000, "Description");
        var checkedMode = checks.Choice("Mode", mode, "Select whether the councils plan alone or share places");
        var known = provisions.ToDictionary(p => p.Id);
        for (var i = 0; i < changes.Count; i++)
        {
            Check(changes[i], $"Changes[{i}]", $"Change {i + 1}", known, members, checks);
        }

        checks.ThrowIfAny();
        (Name, Description, Mode) = (checkedName, checkedDescription, checkedMode);
        Changes = changes.ToList();
    }

    private static void Check(ScenarioChange change, string field, string label, Dictionary<Guid, Provision> known, IReadOnlyCollection<Guid> members, Checks checks)
    {
        checks.Require(Enum.IsDefined(change.Kind), field, $"{label}: choose what it changes");
        checks.Require(change.Note is null || change.Note.Length <= 200, field, $"{label}: the note must be 200 characters or fewer");
        checks.Require(change.From is null || change.From.Value.Year is >= 2000 and <= 2100, field, $"{label}: the date must be between 2000 and 2100");
        var namesProvision = change.Kind is ScenarioChangeKind.AddPlaces or ScenarioChangeKind.RemovePlaces or ScenarioChangeKind.CloseProvision or ScenarioChangeKind.ChangeCost;
        if (namesProvision)
        {
            checks.Require(change.ProvisionId is { } id && known.ContainsKey(id), field, $"{label}: choose a provision in a member council's register");
        }

        switch (change.Kind)
        {
            case ScenarioChangeKind.AddPlaces or ScenarioChangeKind.RemovePlaces:
                checks.Require(change.Places is >= 1 and <= 5000, field, $"{label}: give the number of places, from 1 to 5,000");
                checks.Require(change.From is not null, field, $"{label}: give the date the change takes effect");
                break;
            case ScenarioChangeKind.CloseProvision:
                checks.Require(change.From is not null, field, $"{label}: give the date the provision closes");
                break;
            case ScenarioChangeKind.ChangeCost:
                checks.Require(change.Cost is >= 0 and <= 1_000_000, field, $"{label}: give the annual cost of a place, from £0 to £1,000,000");
                break;
            case ScenarioChangeKind.ChangeGrowth:
                checks.Require(change.Growth is >= -50 and <= 50, field, $"{label}: give the growth in EHC plans per 1,000 aged 0 to 25 a year, from -50 to 50");
                checks.Require(change.AuthorityId is null || members.Contains(change.AuthorityId.Value), field, $"{label}: choose one of the partnership's councils, or all");
                break;
            case ScenarioChangeKind.OpenProvision:
                checks.Require(change.From is not null, field, $"{label}: give the date the provision opens");
                if (change.Provision is not { } opened)
                {
                    checks.Fail(field, $"{label}: describe the provision it opens");
                    break;
                }

                checks.Require(!string.IsNullOrWhiteSpace(opened.Name) && opened.Name.Length <= Provision.MaxNameLength, field, $"{label}: give the new provision a name");
                checks.Require(members.Contains(opened.AuthorityId), field, $"{label}: the new provision must be in a member council's register");
                checks.Require(Enum.IsDefined(opened.Kind), field, $"{label}: choose the kind of provision");
                checks.Require(new GeoPoint(opened.Latitude, opened.Longitude).IsInBritain, field, $"{label}: give a location in Great Britain");
                checks.Require(opened.AgeFrom is >= AgeBands.YoungestAge and <= AgeBands.OldestAge && opened.AgeTo is >= AgeBands.YoungestAge and <= AgeBands.OldestAge, field, $"{label}: ages must be from 0 to 25");
                checks.Require(opened.AgeFrom <= opened.AgeTo, field, $"{label}: the age range is upside down ({opened.AgeFrom} to {opened.AgeTo})");
                checks.Require(opened.Needs.Count > 0 && opened.Needs.All(Enum.IsDefined), field, $"{label}: choose the needs it is designated for");
                checks.Require(opened.Places is >= 1 and <= 5000, field, $"{label}: a provision must have at least one place");
                checks.Require(opened.CostPerPlace is null or (>= 0 and <= 1_000_000), field, $"{label}: the annual cost of a place must be from £0 to £1,000,000");
                break;
        }
    }

    /// <summary>
    /// The provisions a plan uses on <paramref name="on"/>: the registers' provisions with their
    /// planned changes, and with this scenario's changes that have taken effect by then.
    /// </summary>
    public IReadOnlyList<PlanPlace> Apply(IEnumerable<Provision> provisions, IReadOnlyDictionary<Guid, SufficiencySettings> settings, DateOnly on) =>
        Apply(Changes, provisions, settings, on);

    /// <summary>The provisions on a date with no scenario: the registers as they are, with their planned changes.</summary>
    public static IReadOnlyList<PlanPlace> Current(IEnumerable<Provision> provisions, IReadOnlyDictionary<Guid, SufficiencySettings> settings, DateOnly on) =>
        Apply([], provisions, settings, on);

    private static List<PlanPlace> Apply(IReadOnlyList<ScenarioChange> changes, IEnumerable<Provision> provisions, IReadOnlyDictionary<Guid, SufficiencySettings> settings, DateOnly on)
    {
        bool InEffect(ScenarioChange c) => c.From is null || c.From <= on;
        var places = new List<PlanPlace>();
        foreach (var provision in provisions)
        {
            var mine = changes.Where(c => c.ProvisionId == provision.Id && InEffect(c)).ToList();
            var place = PlanPlace.From(provision, settings.TryGetValue(provision.AuthorityId, out var own) ? own : SufficiencySettings.Default(provision.AuthorityId), on);
            var count = mine.Any(c => c.Kind == ScenarioChangeKind.CloseProvision) || place.Places == 0 && !provision.IsOpenOn(on)
                ? 0
                : Math.Max(0, place.Places + mine.Where(c => c.Kind == ScenarioChangeKind.AddPlaces).Sum(c => c.Places!.Value)
                    - mine.Where(c => c.Kind == ScenarioChangeKind.RemovePlaces).Sum(c => c.Places!.Value));
            var cost = mine.LastOrDefault(c => c.Kind == ScenarioChangeKind.ChangeCost)?.Cost ?? place.CostPerPlace;
            places.Add(place with { Places = count, CostPerPlace = cost });
        }

        foreach (var (change, index) in changes.Select((c, i) => (c, i)).Where(c => c.c.Kind == ScenarioChangeKind.OpenProvision && InEffect(c.c) && c.c.Provision is not null))
        {
            var opened = change.Provision!;
            var band = settings.TryGetValue(opened.AuthorityId, out var own) ? own : SufficiencySettings.Default(opened.AuthorityId);
            places.Add(new PlanPlace(OpenedId(index), opened.Name, opened.AuthorityId, opened.Kind, opened.AreaCode, new GeoPoint(opened.Latitude, opened.Longitude),
                opened.AgeFrom, opened.AgeTo, opened.Needs.ToHashSet(), opened.Places, opened.CostPerPlace ?? band.BandFor(opened.Kind)));
        }

        return places;
    }

    /// <summary>A provision opened by a scenario has no record of its own: its id in plans is made from the change's position.</summary>
    public static Guid OpenedId(int changeIndex) => new(changeIndex + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0x5C, 0xE7]);

    /// <summary>The growth in EHC plans per 1,000 aged 0 to 25 a year that the scenario sets for a council; null when it leaves the fitted trend.</summary>
    public decimal? GrowthFor(Guid authorityId) =>
        Changes.LastOrDefault(c => c.Kind == ScenarioChangeKind.ChangeGrowth && c.AuthorityId == authorityId)?.Growth
        ?? Changes.LastOrDefault(c => c.Kind == ScenarioChangeKind.ChangeGrowth && c.AuthorityId is null)?.Growth;

    /// <summary>A change in words, for the scenario's page and comparisons.</summary>
    public static string Describe(ScenarioChange change, Func<Guid, string> provisionName, Func<Guid?, string> councilName) => change.Kind switch
    {
        ScenarioChangeKind.AddPlaces => $"+{change.Places} places at {provisionName(change.ProvisionId!.Value)} from {change.From:d MMMM yyyy}",
        ScenarioChangeKind.RemovePlaces => $"-{change.Places} places at {provisionName(change.ProvisionId!.Value)} from {change.From:d MMMM yyyy}",
        ScenarioChangeKind.CloseProvision => $"{provisionName(change.ProvisionId!.Value)} closes on {change.From:d MMMM yyyy}",
        ScenarioChangeKind.ChangeCost => $"{provisionName(change.ProvisionId!.Value)} costs {Finance.Money.Format(change.Cost!.Value)} a place a year",
        ScenarioChangeKind.ChangeGrowth => $"EHC plans grow by {change.Growth:0.##} per 1,000 aged 0 to 25 a year in {councilName(change.AuthorityId)}",
        _ => $"{change.Provision?.Name} opens with {change.Provision?.Places} places on {change.From:d MMMM yyyy}",
    };
}
