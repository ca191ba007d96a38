using Concord.Core.Access;
using Concord.Core.Programme;

namespace Concord.Core.Outcomes;

/// <summary>An option of the programme aims to move an indicator of its partnership's outcomes framework.</summary>
public sealed class OptionIndicator : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; private set; }

    public Guid OptionId { get; private set; }

    public Guid IndicatorId { get; private set; }

    private OptionIndicator()
    {
    }

    /// <summary>
    /// The links to add and to remove so that <paramref name="option"/> aims to move exactly the
    /// <paramref name="chosen"/> indicators. Each must be in the option's partnership's library
    /// (<paramref name="library"/>); <paramref name="current"/> are the option's links now.
    /// </summary>
    public static (IReadOnlyList<OptionIndicator> Added, IReadOnlyList<OptionIndicator> Removed) Choose(
        Option option, IReadOnlyCollection<OptionIndicator> current, IReadOnlyCollection<Guid> chosen, IReadOnlyCollection<Indicator> library)
    {
        var known = library.Where(i => i.PartnershipId == option.PartnershipId).Select(i => i.Id).ToHashSet();
        if (chosen.Any(id => !known.Contains(id)))
        {
            throw new RuleViolationException([new("IndicatorIds", "Select indicators of the partnership's outcomes framework")]);
        }

        var wanted = chosen.ToHashSet();
        var removed = current.Where(l => l.OptionId == option.Id && !wanted.Contains(l.IndicatorId)).ToList();
        var added = wanted.Where(id => current.All(l => l.OptionId != option.Id || l.IndicatorId != id))
            .Select(id => new OptionIndicator { PartnershipId = option.PartnershipId, OptionId = option.Id, IndicatorId = id })
            .ToList();
        return (added, removed);
    }
}
