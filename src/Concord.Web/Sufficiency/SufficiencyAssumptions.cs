using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Sufficiency;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Sufficiency;

/// <summary>A council's sufficiency assumptions as a reader sees them: saved by the council, or Concord's defaults until it saves its own.</summary>
public sealed record AssumptionsView(RegisterCouncil Council, SufficiencySettings Settings, bool Saved, bool Own);

/// <summary>A change to a council's assumptions: any value left out keeps the one shown now.</summary>
public sealed record AssumptionsChange(
    IReadOnlyDictionary<ProvisionKind, decimal?> CostBands,
    IReadOnlyDictionary<NeedType, decimal?> NeedMix,
    IReadOnlyDictionary<AgeBand, decimal?> AgeMix,
    IReadOnlyDictionary<NeedType, decimal?> SpecialistShare,
    double? MaxTravelKm,
    decimal? TravelCostPerKm);

/// <summary>
/// Each council's sufficiency assumptions: read by its own staff and its partners' (the query filter
/// lets no one else see them), changed only by its own staff who may edit. A council that has saved
/// none is shown Concord's stated defaults; its first save records them with its changes.
/// </summary>
public sealed class SufficiencyAssumptions(ConcordDbContext db, ProvisionRegister register, IUserContext user)
{
    /// <summary>Why the figures are assumptions, wherever they show.</summary>
    public const string WhyAssumptions =
        "These are assumptions. The public data Concord ships give each council's total of EHC plans (DfE's SEN2 return), but not its mix of primary needs or ages, nor its costs. " +
        "They start from Concord's stated defaults, for each council to replace with its own SEN2 return and costs.";

    /// <summary>The council with the ONS code when the reader may see its assumptions (their own, or a partner's); null otherwise.</summary>
    public async Task<RegisterCouncil?> ReadableAsync(string? onsCode, CancellationToken cancellationToken)
    {
        var councils = await register.ReadableCouncilsAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(onsCode)
            ? councils.FirstOrDefault(c => c.Id == user.ActiveAuthorityId)
            : councils.FirstOrDefault(c => string.Equals(c.OnsCode, onsCode.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public async Task<AssumptionsView> ViewAsync(RegisterCouncil council, CancellationToken cancellationToken)
    {
        var saved = await db.SufficiencySettings.AsNoTracking().SingleOrDefaultAsync(s => s.AuthorityId == council.Id, cancellationToken);
        return new AssumptionsView(council, saved ?? SufficiencySettings.Default(council.Id), saved is not null, council.Id == user.ActiveAuthorityId);
    }

    /// <summary>
    /// Changes the assumptions of the council worked for (recording Concord's defaults with the change
    /// if it had saved none), or refuses every problem; refused outright for another council's. The
    /// version is the one read, required once they are saved. The caller saves.
    /// </summary>
    public async Task<SufficiencySettings> ChangeAsync(RegisterCouncil council, AssumptionsChange change, Guid? version, CancellationToken cancellationToken)
    {
        if (council.Id != user.ActiveAuthorityId)
        {
            throw new AccessDeniedException($"{council.Name}'s sufficiency assumptions are changed only by {council.Name}'s own staff.");
        }

        var settings = await db.SufficiencySettings.SingleOrDefaultAsync(s => s.AuthorityId == council.Id, cancellationToken);
        var isNew = settings is null;
        settings ??= SufficiencySettings.Default(council.Id);
        if (!isNew)
        {
            db.ExpectVersion(settings, version is { } v && v != Guid.Empty
                ? v
                : throw new RuleViolationException([new RuleViolation("Version", "Send the version of the assumptions you read, so that nobody's change is overwritten")]));
        }

        settings.Change(
            Merge(change.CostBands, ProvisionKinds.All, settings.BandFor),
            Merge(change.NeedMix, Needs.All, settings.ShareOf),
            Merge(change.AgeMix, AgeBands.All, settings.ShareOf),
            Merge(change.SpecialistShare, Needs.All, settings.SpecialistShareOf),
            change.MaxTravelKm ?? settings.MaxTravelKm,
            change.TravelCostPerKm ?? settings.TravelCostPerKm);
        if (isNew)
        {
            db.SufficiencySettings.Add(settings);
        }

        return settings;
    }

    /// <summary>The values given, and the current ones for any left out.</summary>
    private static Dictionary<T, decimal?> Merge<T>(IReadOnlyDictionary<T, decimal?> given, IReadOnlyList<T> keys, Func<T, decimal> current)
        where T : struct, Enum =>
        keys.ToDictionary(k => k, k => given.TryGetValue(k, out var value) ? value : current(k));
}
