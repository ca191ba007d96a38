using Concord.Core.Access;

namespace Concord.Core.Finance;

public enum CostBenefitScenario
{
    DoNothing = 1,
    Option = 2,
}

public enum CostBenefitKind
{
    OneOffCost = 1,
    RecurringCost = 2,
    CashableSaving = 3,
    ValuedBenefit = 4,
}

public static class CostBenefitNames
{
    public static string Display(this CostBenefitScenario scenario) => scenario switch
    {
        CostBenefitScenario.DoNothing => "Do nothing",
        CostBenefitScenario.Option => "The option",
        _ => scenario.ToString(),
    };

    public static string Display(this CostBenefitKind kind) => kind switch
    {
        CostBenefitKind.OneOffCost => "One-off cost",
        CostBenefitKind.RecurringCost => "Recurring cost",
        CostBenefitKind.CashableSaving => "Cashable saving",
        CostBenefitKind.ValuedBenefit => "Non-cashable benefit (valued)",
        _ => kind.ToString(),
    };

    public static bool IsCost(this CostBenefitKind kind) => kind is CostBenefitKind.OneOffCost or CostBenefitKind.RecurringCost;
}

/// <summary>One line of a cost-benefit analysis: a council's cost, saving or valued benefit, year by year.</summary>
public sealed record CostBenefitLine(CostBenefitScenario Scenario, Guid AuthorityId, CostBenefitKind Kind, string Description, IReadOnlyList<decimal> Amounts);

/// <summary>
/// The cost-benefit analysis of an option, per council and per year over a horizon: one-off and
/// recurring costs, cashable savings, non-cashable benefits valued or described, optimism bias on
/// the option's costs, and the net present value at the HM Treasury Green Book discount rate,
/// the option against doing nothing. Its existence satisfies the gate criterion "cost-benefit
/// analysis drafted".
/// </summary>
public sealed class CostBenefitAnalysis : Entity, IPartnershipOwned
{
    /// <summary>The Green Book's social time preference rate.</summary>
    public const decimal GreenBookRate = 0.035m;

    public const int DefaultHorizon = 5;

    public Guid PartnershipId { get; private set; }

    public Guid OptionId { get; private set; }

    /// <summary>The financial year of year 0, the first year of the horizon (not discounted).</summary>
    public int FirstYear { get; private set; }

    public int HorizonYears { get; private set; } = DefaultHorizon;

    public decimal DiscountRate { get; private set; } = GreenBookRate;

    /// <summary>The uplift applied to the option's costs, as a proportion (0.2 for 20%).</summary>
    public decimal OptimismBias { get; private set; }

    public List<CostBenefitLine> Lines { get; private set; } = [];

    /// <summary>Non-cashable benefits described but not valued.</summary>
    public List<string> DescribedBenefits { get; private set; } = [];

    public string? Notes { get; private set; }

    public DateTimeOffset PreparedAt { get; private set; }

    public string PreparedBy { get; private set; } = string.Empty;

    private CostBenefitAnalysis()
    {
    }

    public FinancialYear Year0 => new(FirstYear);

    public static CostBenefitAnalysis Create(Guid partnershipId, Guid optionId, CostBenefitDetails details, IReadOnlyCollection<Guid> participants, Programme.Actor actor)
    {
        var analysis = new CostBenefitAnalysis { PartnershipId = partnershipId, OptionId = optionId };
        analysis.Change(details, participants, actor);
        return analysis;
    }

    public void Change(CostBenefitDetails details, IReadOnlyCollection<Guid> participants, Programme.Actor actor)
    {
        var checks = new Checks();
        var first = checks.Number("FirstYear", details.FirstYear, 2000, 2100, "the first financial year");
        var horizon = checks.Number("HorizonYears", details.HorizonYears ?? DefaultHorizon, 1, 20, "the number of years");
        var rate = details.DiscountRate ?? GreenBookRate;
        checks.Require(rate is >= 0 and <= 0.2m, "DiscountRate", "The discount rate must be between 0% and 20%");
        var bias = details.OptimismBias ?? 0;
        checks.Require(bias is >= 0 and <= 2m, "OptimismBias", "Optimism bias must be between 0% and 200%");
        foreach (var (line, number) in details.Lines.Select((l, i) => (l, i + 1)))
        {
            checks.Require(Enum.IsDefined(line.Scenario) && Enum.IsDefined(line.Kind), "Lines", $"Line {number}: choose the scenario and kind");
            checks.Require(participants.Contains(line.AuthorityId), "Lines", $"Line {number}: choose one of the councils taking part in the option");
            checks.Require(!string.IsNullOrWhiteSpace(line.Description), "Lines", $"Line {number}: describe the cost or benefit");
            checks.Require(line.Amounts.Count == horizon, "Lines", $"Line {number}: give an amount for each of the {horizon} years");
            checks.Require(line.Amounts.All(a => a >= 0), "Lines", $"Line {number}: amounts cannot be negative; enter costs and savings as positive amounts");
        }

        var described = details.DescribedBenefits.Select(b => b.Trim()).Where(b => b.Length > 0).ToList();
        var notes = checks.OptionalText("Notes", details.Notes, 4000, "Notes");
        checks.ThrowIfAny();

        (FirstYear, HorizonYears, DiscountRate, OptimismBias, Notes) = (first, horizon, rate, bias, notes);
        Lines = details.Lines.Select(l => l with { Description = l.Description.Trim(), Amounts = l.Amounts.Select(Money.Pence).ToList() }).ToList();
        DescribedBenefits = described;
        (PreparedAt, PreparedBy) = (actor.At, actor.Name);
    }

    public CostBenefitResult Evaluate() => CostBenefitCalculator.Evaluate(this);

    /// <summary>0.035 as "3.5%".</summary>
    public static string Percent(decimal proportion) => (proportion * 100).ToString("0.##", Formats.UkCulture) + "%";

    /// <summary>The analysis in a paragraph, for a committee report's financial implications.</summary>
    public string Summarise(IReadOnlyDictionary<Guid, string> authorityNames)
    {
        var result = Evaluate();
        var payback = result.Payback is { } p ? $"it pays back in year {p.Index + 1} ({p.Year})" : $"it does not pay back within the {HorizonYears} years";
        var split = result.Split.Select(s => $"\u2022 {authorityNames.GetValueOrDefault(s.AuthorityId, "A council")}: costs {Money.Format(s.Costs)}, cashable savings {Money.Format(s.CashableSavings)} (present values).");
        var bias = OptimismBias > 0 ? $", with optimism bias of {Percent(OptimismBias)} on its costs" : string.Empty;
        return string.Join("\n", [
            $"Over {HorizonYears} years from {Year0}, discounted at {Percent(DiscountRate)} a year{bias}, the option's net present value against doing nothing is {Money.Format(result.NetPresentValueCashable)} in cashable terms and {Money.Format(result.NetPresentValue)} counting valued benefits; {payback}.",
            .. split,
            .. DescribedBenefits.Select(b => $"\u2022 Not valued: {b}."),
        ]);
    }
}

public sealed record CostBenefitDetails(
    int? FirstYear,
    int? HorizonYears,
    decimal? DiscountRate,
    decimal? OptimismBias,
    IReadOnlyCollection<CostBenefitLine> Lines,
    IReadOnlyCollection<string> DescribedBenefits,
    string? Notes);

/// <summary>One year of a scenario: its flows, discount factor and present values.</summary>
public sealed record CostBenefitYear(
    int Index, FinancialYear Year, decimal DiscountFactor, decimal Costs, decimal CostsWithBias, decimal CashableSavings, decimal ValuedBenefits,
    decimal NetCashable, decimal Net, decimal PresentValueCashable, decimal PresentValue);

public sealed record ScenarioResult(CostBenefitScenario Scenario, IReadOnlyList<CostBenefitYear> Years)
{
    public decimal NpvCashable => Money.Pence(Years.Sum(y => y.PresentValueCashable));

    public decimal Npv => Money.Pence(Years.Sum(y => y.PresentValue));
}

/// <summary>The option against doing nothing in one year: net benefit, present value, and running total.</summary>
public sealed record IncrementalYear(int Index, FinancialYear Year, decimal NetCashable, decimal PresentValueCashable, decimal CumulativePresentValueCashable, decimal PresentValue);

/// <summary>A council's part of the option: present values of its costs (with optimism bias), savings and valued benefits.</summary>
public sealed record CouncilSplit(Guid AuthorityId, decimal Costs, decimal CashableSavings, decimal ValuedBenefits)
{
    public decimal NetCashable => CashableSavings - Costs;
}

public sealed record CostBenefitResult(
    ScenarioResult DoNothing,
    ScenarioResult Option,
    IReadOnlyList<IncrementalYear> Increment,
    IReadOnlyList<CouncilSplit> Split)
{
    /// <summary>The option's cashable net present value against doing nothing.</summary>
    public decimal NetPresentValueCashable => Money.Pence(Increment.Sum(y => y.PresentValueCashable));

    /// <summary>The same, counting valued non-cashable benefits too.</summary>
    public decimal NetPresentValue => Money.Pence(Increment.Sum(y => y.PresentValue));

    /// <summary>The first year in which the cumulative discounted cashable net benefit is no longer negative, if any.</summary>
    public IncrementalYear? Payback => Increment.FirstOrDefault(y => y.CumulativePresentValueCashable >= 0);
}

/// <summary>
/// The Green Book arithmetic: year t of the horizon (t = 0 for the first year) is discounted by
/// 1 / (1 + r)^t; optimism bias raises the option's costs; each scenario's net flows are
/// discounted and summed; the option is judged by the difference from doing nothing.
/// </summary>
public static class CostBenefitCalculator
{
    public static CostBenefitResult Evaluate(CostBenefitAnalysis analysis)
    {
        var factors = DiscountFactors(analysis.DiscountRate, analysis.HorizonYears);
        ScenarioResult Scenario(CostBenefitScenario scenario)
        {
            var lines = analysis.Lines.Where(l => l.Scenario == scenario).ToList();
            var bias = scenario == CostBenefitScenario.Option ? analysis.OptimismBias : 0;
            var years = Enumerable.Range(0, analysis.HorizonYears).Select(t =>
            {
                decimal Sum(Func<CostBenefitKind, bool> kind) => lines.Where(l => kind(l.Kind)).Sum(l => l.Amounts[t]);
                var costs = Sum(k => k.IsCost());
                var withBias = costs * (1 + bias);
                var savings = Sum(k => k == CostBenefitKind.CashableSaving);
                var benefits = Sum(k => k == CostBenefitKind.ValuedBenefit);
                var netCashable = savings - withBias;
                var net = netCashable + benefits;
                return new CostBenefitYear(t, new FinancialYear(analysis.FirstYear + t), factors[t], costs, withBias, savings, benefits,
                    netCashable, net, netCashable * factors[t], net * factors[t]);
            }).ToList();
            return new ScenarioResult(scenario, years);
        }

        var doNothing = Scenario(CostBenefitScenario.DoNothing);
        var option = Scenario(CostBenefitScenario.Option);
        var running = 0m;
        var increment = option.Years.Zip(doNothing.Years, (o, d) =>
        {
            var pv = o.PresentValueCashable - d.PresentValueCashable;
            running += pv;
            return new IncrementalYear(o.Index, o.Year, o.NetCashable - d.NetCashable, pv, running, o.PresentValue - d.PresentValue);
        }).ToList();

        var split = analysis.Lines.Where(l => l.Scenario == CostBenefitScenario.Option)
            .GroupBy(l => l.AuthorityId)
            .Select(g =>
            {
                decimal Present(Func<CostBenefitKind, bool> kind, decimal uplift) =>
                    Money.Pence(g.Where(l => kind(l.Kind)).Sum(l => l.Amounts.Select((a, t) => a * uplift * factors[t]).Sum()));
                return new CouncilSplit(g.Key, Present(k => k.IsCost(), 1 + analysis.OptimismBias),
                    Present(k => k == CostBenefitKind.CashableSaving, 1), Present(k => k == CostBenefitKind.ValuedBenefit, 1));
            })
            .ToList();
        return new CostBenefitResult(doNothing, option, increment, split);
    }

    /// <summary>1 / (1 + rate)^t for t = 0 to years - 1.</summary>
    public static IReadOnlyList<decimal> DiscountFactors(decimal rate, int years)
    {
        var factors = new decimal[years];
        var factor = 1m;
        for (var t = 0; t < years; t++)
        {
            factors[t] = factor;
            factor /= 1 + rate;
        }

        return factors;
    }
}
