using Concord.Core.Finance;
using Concord.Core.Partnerships;

namespace Concord.Web.Finance;

/// <summary>A partnership as the money pages and API show it: its councils in name order, and its programme's options when they are needed.</summary>
public sealed record PartnershipView(Partnership Partnership, IReadOnlyDictionary<Guid, string> Options)
{
    public PartnershipView(Partnership partnership)
        : this(partnership, new Dictionary<Guid, string>())
    {
    }

    public Guid Id => Partnership.Id;

    public Guid PartnershipId => Partnership.Id;

    /// <summary>The member councils, in name order.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Councils { get; } =
        Partnership.Members.Select(m => (m.AuthorityId, m.Authority!.Name)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Guid> Members => Councils.Select(c => c.Id).ToList();

    public IReadOnlyDictionary<Guid, string> AuthorityNames => Councils.ToDictionary(c => c.Id, c => c.Name);

    public string NameOf(Guid? authorityId) =>
        Councils.FirstOrDefault(c => c.Id == authorityId) is { Name: { } name } ? name : "Unknown council";

    public string NamesOf(IEnumerable<Guid> authorityIds) => string.Join(" and ", Councils.Where(c => authorityIds.Contains(c.Id)).Select(c => c.Name));

    /// <summary>The councils of <paramref name="authorityIds"/>, in the partnership's order.</summary>
    public IReadOnlyList<Guid> InOrder(IEnumerable<Guid> authorityIds) => Members.Where(authorityIds.Contains).ToList();

    public string? OptionTitle(Guid? optionId) => optionId is { } id ? Options.GetValueOrDefault(id) : null;

    /// <summary>"Equal shares"; "Fixed percentages: Stockport 55%, Tameside 45%"; "In proportion to pupils on roll (2022)".</summary>
    public string Describe(ApportionmentRule rule) => rule.Method switch
    {
        ApportionmentMethod.FixedPercentages => $"{rule.Describe()}: " + string.Join(", ", rule.Shares.Select(s => $"{NameOf(s.AuthorityId)} {s.Value.ToString("0.##", Core.Formats.UkCulture)}%")),
        _ => rule.Describe(),
    };
}
