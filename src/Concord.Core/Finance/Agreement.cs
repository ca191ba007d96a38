using Concord.Core.Access;

namespace Concord.Core.Finance;

public enum AgreementStatus
{
    Draft = 1,
    Agreed = 2,
    Signed = 3,
    Ended = 4,
}

public enum ContributionKind
{
    Money = 1,
    StaffTime = 2,
    Premises = 3,
}

public static class AgreementNames
{
    public static string Display(this ContributionKind kind) => kind switch
    {
        ContributionKind.Money => "Money",
        ContributionKind.StaffTime => "Staff time",
        ContributionKind.Premises => "Premises",
        _ => kind.ToString(),
    };

    public static string Display(this AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "Draft",
        AgreementStatus.Agreed => "Agreed",
        AgreementStatus.Signed => "Signed",
        AgreementStatus.Ended => "Ended",
        _ => status.ToString(),
    };

    /// <summary>Signed, or signed and since ended: the gate "agreement signed" is met.</summary>
    public static bool IsSigned(this AgreementStatus status) => status is AgreementStatus.Signed or AgreementStatus.Ended;

    public static string Display(this KpiFrequency frequency) => frequency.ToString();

    public static string Display(this KpiRag rag) => rag.ToString();
}

/// <summary>What one council puts into the shared service each year: money, or staff time or premises (in kind, valued).</summary>
public sealed record Contribution(Guid AuthorityId, ContributionKind Kind, string Description, decimal AnnualValue)
{
    public bool InKind => Kind != ContributionKind.Money;
}

/// <summary>What an agreement is: parties, contributions, clauses, term and status.</summary>
public sealed record AgreementDetails(
    string? Title,
    Guid? OptionId,
    IReadOnlyCollection<Guid> Parties,
    IReadOnlyCollection<Contribution> Contributions,
    string? RiskSharing,
    string? Contingency,
    string? ExitArrangements,
    DateOnly? Starts,
    DateOnly? Ends,
    DateOnly? ReviewDate,
    AgreementStatus? Status,
    DateOnly? SignedOn,
    ApportionmentRule Rule);

/// <summary>
/// A shared services agreement: each council's contribution to the shared structure, the
/// performance levels (KPIs), risk-sharing, and the contingency and exit arrangements that let each
/// council still discharge its statutory duties if the shared service fails. An option's stage
/// gates read whether its agreement is drafted and signed from here.
/// </summary>
public sealed class Agreement : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public Guid? OptionId { get; private set; }

    public List<Guid> Parties { get; private set; } = [];

    public List<Contribution> Contributions { get; private set; } = [];

    public string? RiskSharing { get; private set; }

    public string? Contingency { get; private set; }

    public string? ExitArrangements { get; private set; }

    public DateOnly? Starts { get; private set; }

    public DateOnly? Ends { get; private set; }

    public DateOnly? ReviewDate { get; private set; }

    public AgreementStatus Status { get; private set; } = AgreementStatus.Draft;

    public DateOnly? SignedOn { get; private set; }

    public ApportionmentRule Rule { get; private set; } = ApportionmentRule.Equal;

    public List<Kpi> Kpis { get; private set; } = [];

    private Agreement()
    {
    }

    public static Agreement Create(Guid partnershipId, AgreementDetails details, IReadOnlyCollection<Guid> partnershipMembers, IReadOnlyCollection<Guid> options)
    {
        var agreement = new Agreement { PartnershipId = partnershipId };
        agreement.Change(details, partnershipMembers, options);
        return agreement;
    }

    public void Change(AgreementDetails details, IReadOnlyCollection<Guid> partnershipMembers, IReadOnlyCollection<Guid> options)
    {
        var checks = new Checks();
        var title = checks.Text("Title", details.Title, "Enter the agreement's title", 300, "Title");
        checks.Require(details.OptionId is null || options.Contains(details.OptionId.Value), "OptionId", "Select one of the programme's options");
        var parties = details.Parties.Distinct().ToList();
        if (parties.Any(p => !partnershipMembers.Contains(p)))
        {
            checks.Fail("Parties", "The parties must be members of the partnership");
        }
        else if (parties.Count < 2)
        {
            checks.Fail("Parties", "Select at least two councils that are party to the agreement");
        }

        foreach (var (contribution, line) in details.Contributions.Select((c, i) => (c, i + 1)))
        {
            checks.Require(parties.Contains(contribution.AuthorityId), "Contributions", $"Contribution {line}: select one of the parties");
            checks.Require(Enum.IsDefined(contribution.Kind), "Contributions", $"Contribution {line}: select money, staff time or premises");
            checks.Require(!string.IsNullOrWhiteSpace(contribution.Description), "Contributions", $"Contribution {line}: describe what is contributed");
            checks.Require(contribution.AnnualValue >= 0, "Contributions", $"Contribution {line}: the yearly value cannot be negative");
        }

        var risk = checks.OptionalText("RiskSharing", details.RiskSharing, 8000, "Risk-sharing clauses");
        var contingency = checks.OptionalText("Contingency", details.Contingency, 8000, "Contingency arrangements");
        var exit = checks.OptionalText("ExitArrangements", details.ExitArrangements, 8000, "Exit arrangements");
        checks.OptionalDate("Starts", details.Starts, "Start date");
        checks.OptionalDate("Ends", details.Ends, "End of the term");
        checks.OptionalDate("ReviewDate", details.ReviewDate, "Review date");
        checks.Require(details.Starts is null || details.Ends is null || details.Ends > details.Starts, "Ends", "The term must end after it starts");
        var status = checks.Choice("Status", details.Status, "Select the agreement's status");
        checks.Require(status != AgreementStatus.Signed || details.SignedOn is not null, "SignedOn", "Enter the date the agreement was signed");
        checks.OptionalDate("SignedOn", details.SignedOn, "Date signed");
        checks.Require(details.Rule.Method == ApportionmentMethod.EqualShares || details.Rule.Shares.All(s => parties.Contains(s.AuthorityId)), "RuleShares",
            "The split must be between the parties");
        checks.ThrowIfAny();

        (Title, OptionId, RiskSharing, Contingency, ExitArrangements, Starts, Ends, ReviewDate, Status) =
            (title, details.OptionId, risk, contingency, exit, details.Starts, details.Ends, details.ReviewDate, status);
        SignedOn = status is AgreementStatus.Signed or AgreementStatus.Ended ? details.SignedOn : null;
        Parties = parties;
        Contributions = details.Contributions.Select(c => c with { Description = c.Description.Trim(), AnnualValue = Money.Pence(c.AnnualValue) }).ToList();
        Rule = details.Rule;
    }

    public Kpi AddKpi(string? measure, string? unit, decimal? target, KpiPolarity? polarity, KpiFrequency? frequency, string? source)
    {
        var kpi = new Kpi { PartnershipId = PartnershipId, AgreementId = Id };
        kpi.Change(measure, unit, target, polarity, frequency, source);
        Kpis.Add(kpi);
        return kpi;
    }

    /// <summary>The KPIs red in each of their last two periods: each raises an alert.</summary>
    public IEnumerable<Kpi> Alerts => Kpis.Where(k => k.RedTwiceRunning);
}
