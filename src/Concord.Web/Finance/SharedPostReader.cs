using Concord.Core;
using Concord.Core.Finance;
using Concord.Core.Partnerships;
using Concord.Data;
using Concord.Web.PublicData;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Finance;

/// <summary>A partnership with the names of its councils, in name order.</summary>
/// <summary>The rule as entered: a method, the fixed percentages per council, or a driver and the year of its measures.</summary>
public sealed record RuleChoice(ApportionmentMethod? Method, IReadOnlyCollection<AuthorityShare> Percentages, ApportionmentDriver? Driver, int? DriverYear);

/// <summary>A driver with the latest year in which every council of the partnership has a measure.</summary>
public sealed record DriverYear(ApportionmentDriver Driver, int Year);

/// <summary>
/// Reads and writes a partnership's shared posts, apportionment measures and recharge statements
/// for pages and the API alike, through the signed-in person's scoped database context, so that a
/// council outside the partnership never reaches them.
/// </summary>
public sealed class SharedPostReader(ConcordDbContext db, TimeProvider clock)
{
    public DateOnly Today => Formats.UkDate(clock.GetUtcNow());

    public async Task<PartnershipView?> PartnershipAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await db.Partnerships.SingleOrDefaultAsync(p => p.Id == partnershipId, cancellationToken) is { } partnership ? new PartnershipView(partnership) : null;

    /// <summary>Every partnership the caller's council belongs to.</summary>
    public async Task<IReadOnlyList<PartnershipView>> PartnershipsAsync(CancellationToken cancellationToken) =>
        (await db.Partnerships.ToListAsync(cancellationToken)).Select(p => new PartnershipView(p)).ToList();

    public Task<SharedPost?> PostAsync(Guid id, CancellationToken cancellationToken) =>
        db.SharedPosts.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>A post with its partnership, or nothing if the caller's council may not see it.</summary>
    public async Task<(SharedPost Post, PartnershipView View)?> PostWithPartnershipAsync(Guid id, CancellationToken cancellationToken) =>
        await PostAsync(id, cancellationToken) is { } post && await PartnershipAsync(post.PartnershipId, cancellationToken) is { } view ? (post, view) : null;

    public async Task<IReadOnlyList<SharedPost>> PostsAsync(Guid? partnershipId, CancellationToken cancellationToken)
    {
        var query = partnershipId is { } id ? db.SharedPosts.Where(p => p.PartnershipId == id) : db.SharedPosts;
        return (await query.ToListAsync(cancellationToken)).OrderBy(p => p.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>The partnership's agreements (any status), by title, for choosing the one a post falls under.</summary>
    public async Task<IReadOnlyList<Agreement>> AgreementsAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        (await db.Agreements.Where(a => a.PartnershipId == partnershipId).ToListAsync(cancellationToken)).OrderBy(a => a.Title, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<ApportionmentMeasure>> MeasuresAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        (await db.ApportionmentMeasures.Where(m => m.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .OrderBy(m => m.Driver).ThenByDescending(m => m.Year).ThenBy(m => m.AuthorityId).ToList();

    /// <summary>
    /// The rule as entered, for the councils the post serves: a driver's values come from the
    /// partnership's measures (naming the council whose figure is missing); percentages as given.
    /// </summary>
    public async Task<ApportionmentRule> RuleAsync(PartnershipView view, RuleChoice choice, IEnumerable<Guid> served, CancellationToken cancellationToken)
    {
        var parties = view.InOrder(served);
        if (choice.Method == ApportionmentMethod.Driver && choice.Driver is { } driver && Enum.IsDefined(driver) && choice.DriverYear is { } year)
        {
            return ApportionmentMeasure.RuleFor(driver, year, await MeasuresAsync(view.Id, cancellationToken), parties, id => view.NameOf(id));
        }

        return ApportionmentRule.Create(choice.Method, choice.Driver, choice.DriverYear, choice.Percentages, parties);
    }

    /// <summary>
    /// Adds a post to the partnership (when <paramref name="post"/> is null) or changes it as read
    /// at <paramref name="version"/>, with the rule as entered; not saved yet. Every broken rule of
    /// the post and of its split is thrown together, and nothing is changed then.
    /// </summary>
    public async Task<SharedPost> SaveAsync(PartnershipView view, SharedPost? post, SharedPostDetails details, RuleChoice rule, Guid version, CancellationToken cancellationToken)
    {
        var agreements = await AgreementIdsAsync(view.Id, cancellationToken);
        ApportionmentRule chosen;
        try
        {
            chosen = await RuleAsync(view, rule, details.ServedAuthorityIds, cancellationToken);
        }
        catch (RuleViolationException ruleProblems)
        {
            var problems = new List<RuleViolation>();
            try
            {
                // Only to find the post's own problems too, so that every one is named at once.
                SharedPost.Create(view.Id, details, view.Members, agreements);
            }
            catch (RuleViolationException postProblems)
            {
                problems.AddRange(postProblems.Violations);
            }

            throw new RuleViolationException([.. problems, .. ruleProblems.Violations]);
        }

        details = details with { Rule = chosen };
        if (post is null)
        {
            post = SharedPost.Create(view.Id, details, view.Members, agreements);
            db.SharedPosts.Add(post);
            return post;
        }

        post.Change(details, view.Members, agreements);
        db.ExpectVersion(post, version);
        db.Touch(post);
        return post;
    }

    private async Task<IReadOnlyCollection<Guid>> AgreementIdsAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await db.Agreements.Where(a => a.PartnershipId == partnershipId).Select(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>Records a council's measure for a driver and year, or changes the one already recorded (not saved yet).</summary>
    public async Task<ApportionmentMeasure> RecordMeasureAsync(PartnershipView view, Guid? authorityId, ApportionmentDriver? driver, int? year, decimal? value, string? source,
        CancellationToken cancellationToken)
    {
        var existing = await db.ApportionmentMeasures.SingleOrDefaultAsync(
            m => m.PartnershipId == view.Id && m.AuthorityId == authorityId && m.Driver == driver && m.Year == year, cancellationToken);
        if (existing is not null)
        {
            existing.Change(value, source);
            return existing;
        }

        var measure = ApportionmentMeasure.Create(view.Id, authorityId, driver, year, value, source, view.Members);
        db.ApportionmentMeasures.Add(measure);
        return measure;
    }

    /// <summary>
    /// Each council's population aged 0 to 25 from the imported ONS mid-year estimates, recorded as
    /// measures for every year imported (replacing values entered for those years).
    /// </summary>
    public async Task<IReadOnlyList<ApportionmentMeasure>> RecordPopulationFromOnsAsync(PartnershipView view, CancellationToken cancellationToken)
    {
        var codes = view.Partnership.Members.ToDictionary(m => m.Authority!.OnsCode, m => m.AuthorityId);
        var estimates = await db.PopulationEstimates.Where(p => codes.Keys.Contains(p.AreaCode)).ToListAsync(cancellationToken);
        var recorded = new List<ApportionmentMeasure>();
        foreach (var estimate in estimates.OrderBy(e => e.Year).ThenBy(e => view.NameOf(codes[e.AreaCode]), StringComparer.Ordinal))
        {
            recorded.Add(await RecordMeasureAsync(view, codes[estimate.AreaCode], ApportionmentDriver.PopulationAged0To25, estimate.Year, estimate.Aged(0, 25),
                estimate.Dataset == CensusImport.Key
                    ? "ONS Census 2021, usual residents aged 0 to 25 (imported)"
                    : $"ONS mid-{estimate.Year} population estimates, persons aged 0 to 25 (imported)", cancellationToken));
        }

        return recorded;
    }

    /// <summary>The recharge statement of the partnership's shared posts and agreements for a year or one of its quarters.</summary>
    public async Task<RechargeStatement> StatementAsync(PartnershipView view, FinancialYear year, int? quarter, CancellationToken cancellationToken)
    {
        var posts = await PostsAsync(view.Id, cancellationToken);
        var agreements = await AgreementsAsync(view.Id, cancellationToken);
        return Recharges.Build(year, quarter is { } q ? year.Quarter(q) : year.Whole, view.Councils, posts, agreements);
    }

    /// <summary>Each driver with the latest year for which every council of the partnership has a measure.</summary>
    public static IReadOnlyList<DriverYear> CompleteDrivers(PartnershipView view, IEnumerable<ApportionmentMeasure> measures) =>
        measures.GroupBy(m => (m.Driver, m.Year))
            .Where(g => view.Members.All(id => g.Any(m => m.AuthorityId == id)))
            .GroupBy(g => g.Key.Driver)
            .Select(g => new DriverYear(g.Key, g.Max(x => x.Key.Year)))
            .OrderBy(d => d.Driver)
            .ToList();

    /// <summary>
    /// The year's total shared cost split under the rules now in force (each post's and agreement's
    /// own), equally, and by each driver with a measure for every council in its latest year.
    /// </summary>
    /// <summary>
    /// The year's shared cost split under each rule: all of it, or only one post's or agreement's
    /// (<paramref name="itemId"/>), between the councils that share that one.
    /// </summary>
    public async Task<WhatIf> WhatIfAsync(PartnershipView view, FinancialYear year, Guid? itemId, CancellationToken cancellationToken)
    {
        var statement = await StatementAsync(view, year, null, cancellationToken);
        var measures = await MeasuresAsync(view.Id, cancellationToken);
        if (itemId is { } id && statement.Items.FirstOrDefault(i => i.SourceId == id) is { } item)
        {
            var sharing = view.InOrder(item.Shares.Keys);
            var alternativesForItem = new List<(string Label, ApportionmentRule Rule)> { ("Equal shares", ApportionmentRule.Equal) };
            alternativesForItem.AddRange(CompleteDrivers(view, measures).Select(d =>
            {
                var rule = ApportionmentMeasure.RuleFor(d.Driver, d.Year, measures, sharing, x => view.NameOf(x));
                return (rule.Describe(), rule);
            }));
            return new WhatIf(statement, [new WhatIfColumn($"Its rule: {item.Rule}", ApportionmentRule.Equal, item.Shares), .. Recharges.WhatIf(item.Cost, sharing, alternativesForItem)], item);
        }

        var current = new WhatIfColumn("Current rules", ApportionmentRule.Equal, statement.Councils.ToDictionary(c => c.AuthorityId, c => c.Share));
        var alternatives = new List<(string Label, ApportionmentRule Rule)> { ("Equal shares", ApportionmentRule.Equal) };
        alternatives.AddRange(CompleteDrivers(view, measures).Select(d =>
        {
            var rule = ApportionmentMeasure.RuleFor(d.Driver, d.Year, measures, view.Members, id => view.NameOf(id));
            return (rule.Describe(), rule);
        }));
        return new WhatIf(statement, [current, .. Recharges.WhatIf(statement.TotalCost, view.Members, alternatives)]);
    }
}

/// <summary>A year's statement and its total shared cost split under each rule compared.</summary>
public sealed record WhatIf(RechargeStatement Statement, IReadOnlyList<WhatIfColumn> Columns, RechargeItem? Item = null)
{
    /// <summary>The cost compared: one item's, or the whole year's.</summary>
    public decimal Cost => Item?.Cost ?? Statement.TotalCost;
}
