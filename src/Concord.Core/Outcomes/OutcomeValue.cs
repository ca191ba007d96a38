using Concord.Core.Access;
using Concord.Core.Programme;

namespace Concord.Core.Outcomes;

/// <summary>
/// Who writes a council's figures in a joint framework. The framework itself (its themes and
/// indicators) is the partnership's: every member council's staff read and change it. A council's
/// baseline, target and entered values are that council's own record: its partners see them
/// through the partnership, since the framework is joint, but only its own staff, with a role that
/// may edit (not a Viewer), set or change them. The database's write guard enforces the same rule
/// on every save (<see cref="IWrittenByAuthority"/>); this check says so in words first.
/// </summary>
public static class OutcomeOwnership
{
    public static void RequireOwnCouncil(Guid authorityId, Guid? actingAuthorityId, IReadOnlyCollection<Guid> members)
    {
        if (!members.Contains(authorityId))
        {
            throw new RuleViolationException([new("Council", "Select a council of the partnership")]);
        }

        if (actingAuthorityId != authorityId)
        {
            throw new AccessDeniedException("A council's baselines, targets and values are set only by its own staff, and you are working for another council.");
        }
    }
}

/// <summary>A council's baseline and target for an indicator, as a form or request gives them.</summary>
public sealed record TargetDetails(string? BaselinePeriod, decimal? BaselineValue, decimal? Target, string? TargetPeriod);

/// <summary>
/// One council's baseline (a value in a period) and target for one indicator of its partnership's
/// framework: the council's own choice, recorded by its own staff.
/// </summary>
public sealed class OutcomeTarget : Entity, IWrittenByAuthority
{
    public Guid PartnershipId { get; private set; }

    public Guid IndicatorId { get; private set; }

    public Guid AuthorityId { get; private set; }

    public string? BaselinePeriod { get; private set; }

    public decimal? BaselineValue { get; private set; }

    public decimal Target { get; private set; }

    /// <summary>By when the target should be reached, for example "2026/27".</summary>
    public string? TargetPeriod { get; private set; }

    private OutcomeTarget()
    {
    }

    /// <summary>
    /// Sets <paramref name="authorityId"/>'s baseline and target, changing <paramref name="existing"/>
    /// when there is one. Refused unless the actor works for that council.
    /// </summary>
    public static OutcomeTarget Set(Indicator indicator, Guid authorityId, OutcomeTarget? existing, TargetDetails details, IReadOnlyCollection<Guid> members, Guid? actingAuthorityId)
    {
        OutcomeOwnership.RequireOwnCouncil(authorityId, actingAuthorityId, members);
        var checks = new Checks();
        var baselinePeriod = checks.OptionalText("BaselinePeriod", details.BaselinePeriod, 50, "Baseline period");
        checks.Require(baselinePeriod is not null || details.BaselineValue is null, "BaselinePeriod", "Enter the period of the baseline, for example 2022");
        checks.Require(baselinePeriod is null || details.BaselineValue is not null, "BaselineValue", "Enter the baseline value");
        checks.Require(details.Target is not null, "Target", "Enter the target");
        var targetPeriod = checks.OptionalText("TargetPeriod", details.TargetPeriod, 50, "Target period");
        checks.ThrowIfAny();

        var target = existing ?? new OutcomeTarget { PartnershipId = indicator.PartnershipId, IndicatorId = indicator.Id, AuthorityId = authorityId };
        (target.BaselinePeriod, target.BaselineValue, target.Target, target.TargetPeriod) = (baselinePeriod, details.BaselineValue, details.Target!.Value, targetPeriod);
        return target;
    }
}

/// <summary>A value for a period, as a form, request or uploaded line gives it.</summary>
public sealed record ValueDetails(string? Period, DateOnly? PeriodEnd, decimal? Value, string? Note);

/// <summary>
/// One council's value of an indicator for a period, entered or uploaded by its own staff, for an
/// indicator that is not mapped to published data. A second value for the same period end replaces
/// the first.
/// </summary>
public sealed class OutcomeValue : Entity, IWrittenByAuthority
{
    public Guid PartnershipId { get; private set; }

    public Guid IndicatorId { get; private set; }

    public Guid AuthorityId { get; private set; }

    /// <summary>The period as the council reports it: "Autumn term 2025", "2024/25", "2025-26 quarter 1".</summary>
    public string Period { get; private set; } = string.Empty;

    /// <summary>The last day of the period: it orders the trend and identifies the period.</summary>
    public DateOnly PeriodEnd { get; private set; }

    public decimal Value { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    private OutcomeValue()
    {
    }

    /// <summary>
    /// Records <paramref name="authorityId"/>'s value for a period, replacing the value in
    /// <paramref name="existing"/> (that council's values of the indicator) for the same period end.
    /// Refused for a mapped indicator (its values are read from the published data) and unless the
    /// actor works for that council. Returns the value, new or changed.
    /// </summary>
    public static OutcomeValue Record(Indicator indicator, Guid authorityId, IReadOnlyCollection<Guid> members, IEnumerable<OutcomeValue> existing, ValueDetails details, Actor actor)
    {
        OutcomeOwnership.RequireOwnCouncil(authorityId, actor.AuthorityId, members);
        var checks = new Checks();
        checks.Require(indicator.Mapping is null, "Value",
            $"{indicator.Name} is read from published data ({indicator.Mapping?.Describe()}), so its values cannot be entered");
        var period = checks.Text("Period", details.Period, "Enter the period, for example Autumn term 2025 or 2024/25", 50, "Period");
        var end = checks.Date("PeriodEnd", details.PeriodEnd, "Enter the last day of the period", "End of the period");
        checks.Require(details.Value is not null, "Value", "Enter the value for the period");
        var note = checks.OptionalText("Note", details.Note, 1000, "Note");
        checks.ThrowIfAny();

        var value = existing.FirstOrDefault(v => v.IndicatorId == indicator.Id && v.AuthorityId == authorityId && v.PeriodEnd == end)
            ?? new OutcomeValue { PartnershipId = indicator.PartnershipId, IndicatorId = indicator.Id, AuthorityId = authorityId, PeriodEnd = end };
        (value.Period, value.Value, value.Note, value.RecordedAt, value.RecordedBy) = (period, details.Value!.Value, note, actor.At, actor.Name);
        return value;
    }
}
