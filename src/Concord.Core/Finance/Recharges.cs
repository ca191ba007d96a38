using Concord.Core.Access;

namespace Concord.Core.Finance;

/// <summary>
/// A council's measure of an apportionment driver for a year (for example Tameside's pupils on
/// roll in the January 2022 census), entered with its source until imported public data provides it.
/// </summary>
public sealed class ApportionmentMeasure : Entity, IPartnershipOwned
{
    public Guid PartnershipId { get; private set; }

    public Guid AuthorityId { get; private set; }

    public ApportionmentDriver Driver { get; private set; }

    public int Year { get; private set; }

    public decimal Value { get; private set; }

    public string Source { get; private set; } = string.Empty;

    private ApportionmentMeasure()
    {
    }

    public static ApportionmentMeasure Create(Guid partnershipId, Guid? authorityId, ApportionmentDriver? driver, int? year, decimal? value, string? source, IReadOnlyCollection<Guid> members)
    {
        var checks = new Checks();
        checks.Require(authorityId is { } a && members.Contains(a), "AuthorityId", "Select a council of the partnership");
        var chosen = checks.Choice("Driver", driver, "Select the measure");
        var measureYear = checks.Number("Year", year, 2000, 2100, "the year the measure is for");
        checks.Require(value is not null, "Value", "Enter the value");
        checks.Require(value is null or >= 0, "Value", "The value cannot be negative");
        var sourceText = checks.Text("Source", source, "Enter where the figure comes from", 300, "Source");
        checks.ThrowIfAny();
        return new ApportionmentMeasure
        {
            PartnershipId = partnershipId,
            AuthorityId = authorityId!.Value,
            Driver = chosen,
            Year = measureYear,
            Value = value!.Value,
            Source = sourceText,
        };
    }

    public void Change(decimal? value, string? source)
    {
        var checks = new Checks();
        checks.Require(value is not null, "Value", "Enter the value");
        checks.Require(value is null or >= 0, "Value", "The value cannot be negative");
        var sourceText = checks.Text("Source", source, "Enter where the figure comes from", 300, "Source");
        checks.ThrowIfAny();
        (Value, Source) = (value!.Value, sourceText);
    }

    /// <summary>
    /// A driver rule for the parties from the measures for that driver and year, or the problem
    /// (which council's figure is missing) when there is not one for every party.
    /// </summary>
    public static ApportionmentRule RuleFor(ApportionmentDriver driver, int year, IEnumerable<ApportionmentMeasure> measures, IReadOnlyList<Guid> parties,
        Func<Guid, string> names, string field = "Rule")
    {
        var found = measures.Where(m => m.Driver == driver && m.Year == year).ToList();
        var missing = parties.Where(p => found.All(m => m.AuthorityId != p)).Select(names).ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolationException(
                [new RuleViolation($"{field}Driver", $"There is no {driver.Display().ToLowerInvariant()} figure for {string.Join(" and ", missing)} in {year}: enter it under apportionment measures first")]);
        }

        return ApportionmentRule.Create(ApportionmentMethod.Driver, driver, year,
            found.Where(m => parties.Contains(m.AuthorityId)).Select(m => new AuthorityShare(m.AuthorityId, m.Value)).ToList(), parties, field);
    }
}

/// <summary>
/// One cost shared in a recharge statement: a shared post or an agreement's contributions in the
/// period; what each council put in (in money or in kind) and its share under the rule.
/// </summary>
public sealed record RechargeItem(
    string Kind,
    Guid SourceId,
    string Title,
    string Rule,
    decimal Cost,
    IReadOnlyDictionary<Guid, decimal> Paid,
    IReadOnlyDictionary<Guid, decimal> InKind,
    IReadOnlyDictionary<Guid, decimal> Shares,
    IReadOnlyDictionary<Guid, string> Funding)
{
    public decimal Balance(Guid authorityId) => Paid.GetValueOrDefault(authorityId) + InKind.GetValueOrDefault(authorityId) - Shares.GetValueOrDefault(authorityId);
}

/// <summary>A council's position in the statement: what it paid, provided in kind, and its fair share.</summary>
public sealed record CouncilPosition(Guid AuthorityId, string Name, decimal Paid, decimal InKind, decimal Share)
{
    /// <summary>Positive: the council is owed this much; negative: it owes it.</summary>
    public decimal Balance => Paid + InKind - Share;
}

/// <summary>What one council owes another, net, for the period.</summary>
public sealed record Settlement(Guid From, string FromName, Guid To, string ToName, decimal Amount);

/// <summary>A recharge statement for a financial year or quarter.</summary>
public sealed record RechargeStatement(
    Period Period,
    FinancialYear Year,
    IReadOnlyList<RechargeItem> Items,
    IReadOnlyList<CouncilPosition> Councils,
    IReadOnlyList<Settlement> Settlements)
{
    public decimal TotalCost => Items.Sum(i => i.Cost);
}

/// <summary>A council's share of a cost under each of several rules, for comparing them side by side.</summary>
public sealed record WhatIfColumn(string Label, ApportionmentRule Rule, IReadOnlyDictionary<Guid, decimal> Amounts);

/// <summary>
/// Builds recharge statements. A shared post's cost in the period (its annual cost for the days
/// it was in place) is paid by the employing council and shared by the councils it serves under
/// its rule. An agreed or signed agreement's contributions in the period (money, or staff time and
/// premises valued in kind) are shared by its parties under its rule. Each council's balance is
/// what it put in less its share; the balances are settled pair by pair, largest debt against
/// largest credit, and the settlements between each pair are netted.
/// </summary>
public static class Recharges
{
    public static RechargeStatement Build(FinancialYear year, Period period, IReadOnlyList<(Guid Id, string Name)> councils,
        IEnumerable<SharedPost> posts, IEnumerable<Agreement> agreements)
    {
        var items = new List<RechargeItem>();
        foreach (var post in posts.OrderBy(p => p.Title, StringComparer.Ordinal))
        {
            if (period.DaysWithin(post.Start, post.End) == 0)
            {
                continue;
            }

            var cost = post.CostIn(period, year);

            var parties = councils.Select(c => c.Id).Where(post.ServedAuthorityIds.Contains).ToList();
            items.Add(new RechargeItem("Shared post", post.Id, post.Title, post.Rule.Describe(), cost,
                new Dictionary<Guid, decimal> { [post.EmployingAuthorityId] = cost },
                new Dictionary<Guid, decimal>(),
                post.Rule.Split(cost, parties),
                post.Funding.ToDictionary(f => f.AuthorityId, f => f.Source.Display())));
        }

        foreach (var agreement in agreements.Where(a => a.Status != AgreementStatus.Draft).OrderBy(a => a.Title, StringComparer.Ordinal))
        {
            var days = period.DaysWithin(agreement.Starts ?? period.Start, agreement.Ends);
            if (days == 0 || agreement.Contributions.Count == 0)
            {
                continue;
            }

            var valued = agreement.Contributions.Select(c => (c, Value: Money.Pence(c.AnnualValue * days / year.Days))).ToList();
            var cost = valued.Sum(v => v.Value);
            var parties = councils.Select(c => c.Id).Where(agreement.Parties.Contains).ToList();
            items.Add(new RechargeItem("Agreement", agreement.Id, agreement.Title, agreement.Rule.Describe(), cost,
                valued.Where(v => !v.c.InKind).GroupBy(v => v.c.AuthorityId).ToDictionary(g => g.Key, g => g.Sum(v => v.Value)),
                valued.Where(v => v.c.InKind).GroupBy(v => v.c.AuthorityId).ToDictionary(g => g.Key, g => g.Sum(v => v.Value)),
                cost == 0 ? parties.ToDictionary(p => p, _ => 0m) : agreement.Rule.Split(cost, parties),
                new Dictionary<Guid, string>()));
        }

        var positions = councils.Select(c => new CouncilPosition(c.Id, c.Name,
            items.Sum(i => i.Paid.GetValueOrDefault(c.Id)), items.Sum(i => i.InKind.GetValueOrDefault(c.Id)), items.Sum(i => i.Shares.GetValueOrDefault(c.Id)))).ToList();
        return new RechargeStatement(period, year, items, positions, Settle(items, councils));
    }

    /// <summary>Who owes whom: each item's debts settled against its credits, then netted pair by pair.</summary>
    public static IReadOnlyList<Settlement> Settle(IEnumerable<RechargeItem> items, IReadOnlyList<(Guid Id, string Name)> councils)
    {
        var owed = new Dictionary<(Guid From, Guid To), decimal>();
        foreach (var item in items)
        {
            var debtors = councils.Select(c => (c.Id, Amount: -item.Balance(c.Id))).Where(x => x.Amount > 0).ToList();
            var creditors = councils.Select(c => (c.Id, Amount: item.Balance(c.Id))).Where(x => x.Amount > 0).ToList();
            int d = 0, c = 0;
            while (d < debtors.Count && c < creditors.Count)
            {
                var amount = Math.Min(debtors[d].Amount, creditors[c].Amount);
                owed[(debtors[d].Id, creditors[c].Id)] = owed.GetValueOrDefault((debtors[d].Id, creditors[c].Id)) + amount;
                debtors[d] = debtors[d] with { Amount = debtors[d].Amount - amount };
                creditors[c] = creditors[c] with { Amount = creditors[c].Amount - amount };
                d += debtors[d].Amount == 0 ? 1 : 0;
                c += creditors[c].Amount == 0 ? 1 : 0;
            }
        }

        var settlements = new List<Settlement>();
        for (var i = 0; i < councils.Count; i++)
        {
            for (var j = i + 1; j < councils.Count; j++)
            {
                var (a, b) = (councils[i], councils[j]);
                var net = owed.GetValueOrDefault((a.Id, b.Id)) - owed.GetValueOrDefault((b.Id, a.Id));
                if (net > 0)
                {
                    settlements.Add(new Settlement(a.Id, a.Name, b.Id, b.Name, net));
                }
                else if (net < 0)
                {
                    settlements.Add(new Settlement(b.Id, b.Name, a.Id, a.Name, -net));
                }
            }
        }

        return settlements;
    }

    /// <summary>Each council's share of <paramref name="cost"/> under each rule, exactly to the penny.</summary>
    public static IReadOnlyList<WhatIfColumn> WhatIf(decimal cost, IReadOnlyList<Guid> parties, IEnumerable<(string Label, ApportionmentRule Rule)> rules) =>
        rules.Select(r => new WhatIfColumn(r.Label, r.Rule, r.Rule.Split(cost, parties))).ToList();
}
