using Concord.Core.Partnerships;

namespace Concord.Core.Tests;

public sealed class PartnershipTests
{
    private static readonly Guid Stockport = Guid.NewGuid();
    private static readonly Guid Tameside = Guid.NewGuid();
    private static readonly Guid Trafford = Guid.NewGuid();

    [Fact]
    public void A_partnership_of_two_councils_is_created_with_both_as_members()
    {
        var partnership = Partnership.Create("  Stockport and Tameside shared services ", new DateOnly(2021, 9, 1), [Stockport, Tameside], Stockport);

        Assert.Equal("Stockport and Tameside shared services", partnership.Name);
        Assert.Equal(new[] { Stockport, Tameside }.Order(), partnership.Members.Select(m => m.AuthorityId).Order());
        Assert.All(partnership.Members, m => Assert.Equal(partnership.Id, m.PartnershipId));
    }

    [Fact]
    public void One_council_alone_is_not_a_partnership_even_if_named_twice()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Partnership.Create("Alone", new DateOnly(2021, 9, 1), [Stockport, Stockport], Stockport));

        Assert.Equal([new RuleViolation("Members", "Choose at least two member authorities")], refused.Violations);
    }

    [Fact]
    public void Every_missing_part_is_named_at_once()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Partnership.Create(" ", null, [], null));

        Assert.Equal(["Name", "StartDate", "Members"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_council_cannot_create_a_partnership_of_other_councils()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Partnership.Create("Others", new DateOnly(2022, 1, 1), [Tameside, Trafford], Stockport));

        Assert.Equal("Members", refused.Violations.Single().Field);
    }

    [Fact]
    public void Changing_members_adds_and_removes_only_what_changed()
    {
        var partnership = Partnership.Create("Shared services", new DateOnly(2021, 9, 1), [Stockport, Tameside], Stockport);
        var tamesideMembership = partnership.Members.Single(m => m.AuthorityId == Tameside);

        partnership.Change("Shared services", new DateOnly(2021, 9, 1), [Stockport, Tameside, Trafford], Stockport);
        partnership.Change("Shared services", new DateOnly(2021, 9, 1), [Stockport, Trafford, Tameside], Tameside);

        Assert.Equal(3, partnership.Members.Count);
        Assert.Same(tamesideMembership, partnership.Members.Single(m => m.AuthorityId == Tameside));
        Assert.True(partnership.HasMember(Trafford));
    }

    [Fact]
    public void A_refused_change_changes_nothing()
    {
        var partnership = Partnership.Create("Shared services", new DateOnly(2021, 9, 1), [Stockport, Tameside], Stockport);

        Assert.Throws<RuleViolationException>(() => partnership.Change("Renamed", new DateOnly(2021, 9, 1), [Stockport], Stockport));

        Assert.Equal("Shared services", partnership.Name);
        Assert.Equal(2, partnership.Members.Count);
    }

    [Fact]
    public void The_reference_data_holds_the_ten_Greater_Manchester_authorities_with_their_codes()
    {
        Assert.Equal(10, GreaterManchester.Authorities.Count);
        Assert.Contains(("Stockport", "E08000007", 356), GreaterManchester.Authorities);
        Assert.Contains(("Tameside", "E08000008", 357), GreaterManchester.Authorities);
        Assert.Equal(10, GreaterManchester.Authorities.Select(a => a.OnsCode).Distinct().Count());
        Assert.Equal(Enumerable.Range(350, 10), GreaterManchester.Authorities.Select(a => a.DfeCode).Order());
    }
}
