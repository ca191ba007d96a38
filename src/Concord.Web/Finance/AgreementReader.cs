using Concord.Core.Finance;
using Concord.Core.Partnerships;
using Concord.Core.Programme;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Finance;

/// <summary>One council's contributions to an agreement: money, and staff time and premises in kind.</summary>
public sealed record ContributionTotal(Guid AuthorityId, string Council, decimal Money, decimal InKind)
{
    public decimal Total => Money + InKind;
}

/// <summary>
/// Reads and writes shared services agreements and their KPIs for pages and the API alike,
/// through the signed-in person's scoped database context: a council outside the partnership
/// never sees them.
/// </summary>
public sealed class AgreementReader(ConcordDbContext db)
{
    public async Task<PartnershipView?> PartnershipAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Id == partnershipId, cancellationToken);
        if (partnership is null)
        {
            return null;
        }

        var options = await db.Options.Where(o => o.PartnershipId == partnershipId).ToDictionaryAsync(o => o.Id, o => o.Title, cancellationToken);
        return new PartnershipView(partnership, options);
    }

    public async Task<IReadOnlyList<Agreement>> AgreementsAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        (await Agreements().Where(a => a.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .OrderBy(a => a.Title, StringComparer.Ordinal).ToList();

    public Task<Agreement?> AgreementAsync(Guid id, CancellationToken cancellationToken) =>
        Agreements().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>The agreement and its partnership, or nothing if the council worked for may not see it.</summary>
    public async Task<(Agreement Agreement, PartnershipView View)?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await AgreementAsync(id, cancellationToken) is { } agreement && await PartnershipAsync(agreement.PartnershipId, cancellationToken) is { } view
            ? (agreement, view)
            : null;

    /// <summary>A KPI with its agreement and partnership, or nothing if hidden.</summary>
    public async Task<(Kpi Kpi, Agreement Agreement, PartnershipView View)?> FindKpiAsync(Guid id, CancellationToken cancellationToken)
    {
        var agreementId = await db.Kpis.Where(k => k.Id == id).Select(k => (Guid?)k.AgreementId).SingleOrDefaultAsync(cancellationToken);
        return agreementId is { } a && await FindAsync(a, cancellationToken) is var (agreement, view)
            ? (agreement.Kpis.Single(k => k.Id == id), agreement, view)
            : null;
    }

    /// <summary>A new agreement of the partnership, added to the context (not yet saved).</summary>
    public Agreement Create(PartnershipView view, AgreementDetails details)
    {
        var agreement = Agreement.Create(view.PartnershipId, details, view.Members, view.Options.Keys.ToList());
        db.Agreements.Add(agreement);
        return agreement;
    }

    /// <summary>Changes an agreement made against <paramref name="version"/> (not yet saved).</summary>
    public void Change(Agreement agreement, PartnershipView view, AgreementDetails details, Guid version)
    {
        agreement.Change(details, view.Members, view.Options.Keys.ToList());
        db.ExpectVersion(agreement, version);
        db.Touch(agreement);
    }

    /// <summary>Adds a KPI to an agreement (not yet saved).</summary>
    public Kpi AddKpi(Agreement agreement, string? measure, string? unit, decimal? target, KpiPolarity? polarity, KpiFrequency? frequency, string? source)
    {
        var kpi = agreement.AddKpi(measure, unit, target, polarity, frequency, source);
        db.Kpis.Add(kpi);
        return kpi;
    }

    /// <summary>Records a KPI's actual for a period, replacing the value for the same period (not yet saved).</summary>
    public KpiActual Record(Kpi kpi, string? period, DateOnly? periodEnd, decimal? value, string? note)
    {
        var known = kpi.Actuals.Select(a => a.Id).ToHashSet();
        var actual = kpi.Record(period, periodEnd, value, note);
        if (!known.Contains(actual.Id))
        {
            db.KpiActuals.Add(actual);
        }

        return actual;
    }

    /// <summary>Each party's contributions, money and in kind, in the order of the councils' names.</summary>
    public static IReadOnlyList<ContributionTotal> Totals(Agreement agreement, PartnershipView view) =>
        agreement.Parties
            .Select(p => new ContributionTotal(p, view.NameOf(p),
                agreement.Contributions.Where(c => c.AuthorityId == p && !c.InKind).Sum(c => c.AnnualValue),
                agreement.Contributions.Where(c => c.AuthorityId == p && c.InKind).Sum(c => c.AnnualValue)))
            .OrderBy(t => t.Council, StringComparer.Ordinal)
            .ToList();

    /// <summary>"1 September 2022 to 31 August 2025", "From 1 September 2022", or "Not set".</summary>
    public static string Term(Agreement a) => (a.Starts, a.Ends) switch
    {
        ({ } s, { } e) => $"{Core.Formats.Date(s)} to {Core.Formats.Date(e)}",
        ({ } s, null) => $"From {Core.Formats.Date(s)}",
        (null, { } e) => $"Until {Core.Formats.Date(e)}",
        _ => "Not set",
    };

    /// <summary>The tag colour of a RAG rating.</summary>
    public static string TagClass(KpiRag rag) => rag switch
    {
        KpiRag.Green => "govuk-tag--green",
        KpiRag.Amber => "govuk-tag--yellow",
        _ => "govuk-tag--red",
    };

    public static string StatusTagClass(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "govuk-tag--grey",
        AgreementStatus.Agreed => "govuk-tag--blue",
        AgreementStatus.Signed => "govuk-tag--green",
        _ => "govuk-tag--purple",
    };

    private IQueryable<Agreement> Agreements() => db.Agreements.Include(a => a.Kpis).ThenInclude(k => k.Actuals).AsSplitQuery();
}

/// <summary>Builds an agreement's apportionment rule and applies the agreement's details, reporting every broken rule of both together.</summary>
public static class AgreementRules
{
    public static void Apply(Func<ApportionmentRule> rule, Action<ApportionmentRule> apply)
    {
        var violations = new List<Core.RuleViolation>();
        var chosen = ApportionmentRule.Equal;
        try
        {
            chosen = rule();
        }
        catch (Core.RuleViolationException broken)
        {
            violations.AddRange(broken.Violations);
        }

        try
        {
            apply(chosen);
        }
        catch (Core.RuleViolationException broken)
        {
            violations.AddRange(broken.Violations);
        }

        Core.RuleViolationException.ThrowIfAny(violations);
    }
}
