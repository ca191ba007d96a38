using Concord.Core.Access;

namespace Concord.Core.Finance;

public enum PostArrangement
{
    Secondment = 1,
    JointAppointment = 2,
    SharedLeadershipRole = 3,
}

public enum FundingSource
{
    SchoolImprovementGrant = 1,
    GeneralFund = 2,
    Dsg = 3,
    OtherGrant = 4,
}

public static class SharedPostNames
{
    public static string Display(this PostArrangement arrangement) => arrangement switch
    {
        PostArrangement.Secondment => "Secondment",
        PostArrangement.JointAppointment => "Joint appointment",
        PostArrangement.SharedLeadershipRole => "Shared leadership role",
        _ => arrangement.ToString(),
    };

    public static string Display(this FundingSource source) => source switch
    {
        FundingSource.SchoolImprovementGrant => "School Improvement grant",
        FundingSource.GeneralFund => "General fund",
        FundingSource.Dsg => "Dedicated Schools Grant",
        FundingSource.OtherGrant => "Other grant",
        _ => source.ToString(),
    };
}

/// <summary>Where one council's part of a post's cost comes from.</summary>
public sealed record PostFunding(Guid AuthorityId, FundingSource Source, string? Note);

/// <summary>What a shared post is: every field of the councils' register of shared posts.</summary>
public sealed record SharedPostDetails(
    string? Title,
    PostArrangement? Arrangement,
    Guid? EmployingAuthorityId,
    IReadOnlyCollection<Guid> ServedAuthorityIds,
    string? Holder,
    decimal? Fte,
    DateOnly? Start,
    DateOnly? InitialTermEnds,
    DateOnly? End,
    IReadOnlyCollection<DateOnly> ReviewDates,
    decimal? Salary,
    decimal? OnCosts,
    decimal? OtherCosts,
    IReadOnlyCollection<PostFunding> Funding,
    Guid? AgreementId,
    ApportionmentRule Rule);

/// <summary>
/// A post shared by councils: a secondment (the joint Director of Education, seconded from
/// Tameside to Stockport under an SLA), a joint appointment, or a shared leadership role (the early
/// years leads, funded half by each council). Its cost is split between the councils it serves by
/// its apportionment rule; the employing council pays, and the others reimburse it.
/// </summary>
public sealed class SharedPost : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public PostArrangement Arrangement { get; private set; }

    public Guid EmployingAuthorityId { get; private set; }

    public List<Guid> ServedAuthorityIds { get; private set; } = [];

    public string? Holder { get; private set; }

    public decimal Fte { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly? InitialTermEnds { get; private set; }

    public DateOnly? End { get; private set; }

    public List<DateOnly> ReviewDates { get; private set; } = [];

    public decimal Salary { get; private set; }

    public decimal OnCosts { get; private set; }

    public decimal OtherCosts { get; private set; }

    public List<PostFunding> Funding { get; private set; } = [];

    public Guid? AgreementId { get; private set; }

    public ApportionmentRule Rule { get; private set; } = ApportionmentRule.Equal;

    private SharedPost()
    {
    }

    public decimal AnnualCost => Salary + OnCosts + OtherCosts;

    public static SharedPost Create(Guid partnershipId, SharedPostDetails details, IReadOnlyCollection<Guid> partnershipMembers, IReadOnlyCollection<Guid> agreements)
    {
        var post = new SharedPost { PartnershipId = partnershipId };
        post.Change(details, partnershipMembers, agreements);
        return post;
    }

    public void Change(SharedPostDetails details, IReadOnlyCollection<Guid> partnershipMembers, IReadOnlyCollection<Guid> agreements)
    {
        var checks = new Checks();
        var title = checks.Text("Title", details.Title, "Enter the post's title", 200, "Title");
        var arrangement = checks.Choice("Arrangement", details.Arrangement, "Select the arrangement");
        checks.Require(details.EmployingAuthorityId is { } e && partnershipMembers.Contains(e), "EmployingAuthorityId", "Select the employing council from the partnership's members");
        var served = details.ServedAuthorityIds.Distinct().ToList();
        if (served.Any(s => !partnershipMembers.Contains(s)))
        {
            checks.Fail("ServedAuthorityIds", "The councils served must be members of the partnership");
        }
        else if (served.Count < 2)
        {
            checks.Fail("ServedAuthorityIds", "Select at least two councils the post serves");
        }

        var holder = checks.OptionalText("Holder", details.Holder, 200, "Holder");
        var fte = details.Fte ?? 0;
        checks.Require(details.Fte is > 0 and <= 1, "Fte", "FTE must be more than 0 and no more than 1, like 0.5 or 1");
        var start = checks.Date("Start", details.Start, "Enter the date the post started", "Start date");
        checks.OptionalDate("InitialTermEnds", details.InitialTermEnds, "End of the initial term");
        checks.OptionalDate("End", details.End, "End date");
        checks.Require(details.Start is null || details.InitialTermEnds is null || details.InitialTermEnds > details.Start, "InitialTermEnds", "The initial term must end after the post starts");
        checks.Require(details.Start is null || details.End is null || details.End >= details.Start, "End", "The end date must be the same as or after the start date");
        checks.Require(details.ReviewDates.All(d => d.Year is >= 2000 and <= 2100), "ReviewDates", "Review dates must be between 2000 and 2100");
        Money("Salary", details.Salary, "salary", checks);
        Money("OnCosts", details.OnCosts, "on-costs", checks);
        Money("OtherCosts", details.OtherCosts, "other costs", checks);
        checks.Require(details.Funding.All(f => served.Contains(f.AuthorityId) && Enum.IsDefined(f.Source)), "Funding", "Give a funding source for councils the post serves");
        checks.Require(details.Funding.Select(f => f.AuthorityId).Distinct().Count() == details.Funding.Count, "Funding", "Give each council one funding source");
        checks.Require(details.AgreementId is null || agreements.Contains(details.AgreementId.Value), "AgreementId", "Select one of the partnership's agreements");
        checks.Require(details.Rule.Method == ApportionmentMethod.EqualShares || details.Rule.Shares.All(s => served.Contains(s.AuthorityId)), "RuleShares",
            "The split must be between the councils the post serves");
        checks.ThrowIfAny();

        (Title, Arrangement, EmployingAuthorityId, Holder, Fte, Start, InitialTermEnds, End) =
            (title, arrangement, details.EmployingAuthorityId!.Value, holder, fte, start, details.InitialTermEnds, details.End);
        ServedAuthorityIds = served;
        ReviewDates = details.ReviewDates.Distinct().Order().ToList();
        (Salary, OnCosts, OtherCosts) = (Finance.Money.Pence(details.Salary ?? 0), Finance.Money.Pence(details.OnCosts ?? 0), Finance.Money.Pence(details.OtherCosts ?? 0));
        Funding = details.Funding.ToList();
        AgreementId = details.AgreementId;
        Rule = details.Rule;
    }

    private static void Money(string field, decimal? value, string label, Checks checks)
    {
        checks.Require(value is not null, field, $"Enter the {label} (0 if none)");
        checks.Require(value is null or >= 0, field, $"The {label} cannot be negative");
    }

    /// <summary>The next review on or after <paramref name="today"/>, if any.</summary>
    public DateOnly? NextReview(DateOnly today) => ReviewDates.Where(d => d >= today).Order().Cast<DateOnly?>().FirstOrDefault();

    public bool IsActive(DateOnly on) => Start <= on && (End is null || End >= on);

    /// <summary>
    /// The post's cost in a period: its annual cost for the days of the period it was in place,
    /// out of the days of the financial year, to the penny.
    /// </summary>
    public decimal CostIn(Period period, FinancialYear year) =>
        Finance.Money.Pence(AnnualCost * period.DaysWithin(Start, End) / year.Days);
}
