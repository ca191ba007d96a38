using Concord.Core.Finance;

namespace Concord.Core.Tests.Finance;

public sealed class RechargeTests
{
    private static readonly Guid Partnership = Guid.NewGuid();
    private static readonly Guid Stockport = Guid.NewGuid();
    private static readonly Guid Tameside = Guid.NewGuid();
    private static readonly Guid Trafford = Guid.NewGuid();
    private static readonly (Guid, string)[] Councils = [(Stockport, "Stockport"), (Tameside, "Tameside")];
    private static readonly FinancialYear Year = new(2022);

    /// <summary>A post costing £80,000 a year (60,000 + 15,000 + 5,000), employed by Tameside, shared equally.</summary>
    private static SharedPost Post(DateOnly start, ApportionmentRule? rule = null, Guid? employer = null, Guid[]? served = null) =>
        SharedPost.Create(Partnership, new SharedPostDetails("Joint Director of Education", PostArrangement.Secondment, employer ?? Tameside, served ?? [Stockport, Tameside],
            "A. Holder", 1m, start, null, null, [], 60_000m, 15_000m, 5_000m,
            [new PostFunding(Stockport, FundingSource.SchoolImprovementGrant, null)], null, rule ?? ApportionmentRule.Equal),
            [Stockport, Tameside, Trafford], []);

    /// <summary>Stockport pays £30,000 a year; Tameside gives £10,000 of staff time; shared equally.</summary>
    private static Agreement SignedOrNot(AgreementStatus status) =>
        Agreement.Create(Partnership, new AgreementDetails("Early years leadership", null, [Stockport, Tameside],
            [new Contribution(Stockport, ContributionKind.Money, "Budget", 30_000m), new Contribution(Tameside, ContributionKind.StaffTime, "Admin support", 10_000m)],
            null, null, null, new DateOnly(2022, 4, 1), null, null, status, status == AgreementStatus.Signed ? new DateOnly(2022, 3, 1) : null, ApportionmentRule.Equal),
            [Stockport, Tameside], []);

    [Fact]
    public void A_whole_year_statement_nets_posts_and_agreements_into_who_owes_whom()
    {
        // Post: Tameside paid 80,000; each council's share 40,000 → Stockport owes Tameside 40,000.
        // Agreement: 40,000 in all (30,000 money from Stockport, 10,000 in kind from Tameside); shares 20,000 each
        // → Stockport is owed 10,000 by Tameside. Net: Stockport owes Tameside 30,000.
        var statement = Recharges.Build(Year, Year.Whole, Councils, [Post(new DateOnly(2020, 9, 1))], [SignedOrNot(AgreementStatus.Signed)]);

        Assert.Equal(120_000m, statement.TotalCost);
        var stockport = statement.Councils.Single(c => c.AuthorityId == Stockport);
        var tameside = statement.Councils.Single(c => c.AuthorityId == Tameside);
        Assert.Equal((30_000m, 0m, 60_000m, -30_000m), (stockport.Paid, stockport.InKind, stockport.Share, stockport.Balance));
        Assert.Equal((80_000m, 10_000m, 60_000m, 30_000m), (tameside.Paid, tameside.InKind, tameside.Share, tameside.Balance));
        var settlement = Assert.Single(statement.Settlements);
        Assert.Equal(("Stockport", "Tameside", 30_000m), (settlement.FromName, settlement.ToName, settlement.Amount));
    }

    [Fact]
    public void A_quarter_takes_the_days_of_the_quarter_and_splits_to_the_penny()
    {
        // Quarter 1 is 1 April to 30 June 2022: 91 of the year's 365 days. 80,000 × 91 / 365 = 19,945.2054… → £19,945.21.
        // Half each is 997,260.5p: the odd penny goes to the first council, Stockport (ties go to the earlier).
        var statement = Recharges.Build(Year, Year.Quarter(1), Councils, [Post(new DateOnly(2020, 9, 1))], []);

        var item = Assert.Single(statement.Items);
        Assert.Equal(19_945.21m, item.Cost);
        Assert.Equal(9_972.61m, item.Shares[Stockport]);
        Assert.Equal(9_972.60m, item.Shares[Tameside]);
        Assert.Equal(9_972.61m, statement.Settlements.Single().Amount);
        Assert.Equal("School Improvement grant", item.Funding[Stockport]);
    }

    [Fact]
    public void A_post_that_starts_during_the_year_costs_only_the_days_it_is_in_place()
    {
        // From 1 October 2022 to 31 March 2023 is 182 days: 80,000 × 182 / 365 = 39,890.41.
        var statement = Recharges.Build(Year, Year.Whole, Councils, [Post(new DateOnly(2022, 10, 1))], []);
        var later = Recharges.Build(Year, Year.Whole, Councils, [Post(new DateOnly(2023, 4, 1))], []);

        Assert.Equal(39_890.41m, statement.Items.Single().Cost);
        Assert.Empty(later.Items);
        Assert.Empty(later.Settlements);
    }

    [Fact]
    public void Draft_agreements_are_not_recharged()
    {
        var statement = Recharges.Build(Year, Year.Whole, Councils, [], [SignedOrNot(AgreementStatus.Draft)]);

        Assert.Empty(statement.Items);
    }

    [Fact]
    public void Three_councils_settle_pair_by_pair()
    {
        // Trafford employs a £90,000 post shared 50:30:20 by Stockport, Tameside and Trafford:
        // Stockport owes Trafford 45,000 and Tameside owes Trafford 27,000. Tameside employs an
        // £80,000 post shared equally with Stockport: Stockport owes Tameside 40,000.
        var three = new (Guid, string)[] { (Stockport, "Stockport"), (Tameside, "Tameside"), (Trafford, "Trafford") };
        var rule = ApportionmentRule.Create(ApportionmentMethod.FixedPercentages, null, null,
            [new(Stockport, 50), new(Tameside, 30), new(Trafford, 20)], [Stockport, Tameside, Trafford]);
        var traffordPost = SharedPost.Create(Partnership, new SharedPostDetails("Head of virtual school", PostArrangement.JointAppointment, Trafford, [Stockport, Tameside, Trafford],
            null, 1m, new DateOnly(2021, 1, 1), null, null, [], 90_000m, 0m, 0m, [], null, rule), [Stockport, Tameside, Trafford], []);

        var statement = Recharges.Build(Year, Year.Whole, three, [traffordPost, Post(new DateOnly(2020, 9, 1))], []);

        Assert.Equal(
        [
            ("Stockport", "Tameside", 40_000m),
            ("Stockport", "Trafford", 45_000m),
            ("Tameside", "Trafford", 27_000m),
        ], statement.Settlements.Select(s => (s.FromName, s.ToName, s.Amount)));
        Assert.Equal(0m, statement.Councils.Sum(c => c.Balance));
    }

    [Fact]
    public void A_shared_post_refuses_bad_input_naming_each_field()
    {
        var refused = Assert.Throws<RuleViolationException>(() => SharedPost.Create(Partnership,
            new SharedPostDetails("", PostArrangement.Secondment, Guid.NewGuid(), [Stockport], null, 1.5m, new DateOnly(2022, 4, 1), null, new DateOnly(2022, 3, 1), [],
                -1m, 0m, null, [], null, ApportionmentRule.Equal),
            [Stockport, Tameside], []));

        Assert.Equal(["Title", "EmployingAuthorityId", "ServedAuthorityIds", "Fte", "End", "Salary", "OtherCosts"], refused.Violations.Select(v => v.Field));
    }
}
