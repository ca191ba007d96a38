using Concord.Core.Finance;
using Concord.Core.Partnerships;
using Concord.Core.Programme;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure.Demo;

/// <summary>
/// The money of the partnership as DOMAIN.md tells it: the joint Director of Education seconded
/// from Tameside to Stockport under an SLA and funded from School Improvement grant; the four
/// early years leadership roles funded half by each council under their agreement; the options'
/// cost-benefit analyses; and Stockport's 2020-21 high needs budget, whose deficit reconciliation
/// reproduces the council's own figures to the penny. Salaries, KPI actuals, spending-line splits
/// and recovery assumptions are illustrative; the reconciliation totals, the DSG and high needs
/// block figures, and the apportionment measures are the published ones.
/// </summary>
internal sealed class FinanceDemo(ConcordDbContext db, Partnership partnership, Authority stockport, Authority tameside, DateOnly today)
{
    private IReadOnlyCollection<Guid> Members => [stockport.Id, tameside.Id];

    private static Actor At(DateOnly date, Guid authority, string who) =>
        new(null, who, authority, new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero));

    /// <summary>
    /// Four shared roles in place of part-covered leadership in each council: about £95,000 a year of
    /// leadership capacity released in each council, with recruitment costs in the first year.
    /// </summary>
    public CostBenefitAnalysis EarlyYearsCostBenefit(Option poc)
    {
        var s = stockport.Id;
        var t = tameside.Id;
        CostBenefitLine Line(CostBenefitScenario scenario, Guid council, CostBenefitKind kind, string description, params decimal[] amounts) =>
            new(scenario, council, kind, description, amounts);
        return CostBenefitAnalysis.Create(partnership.Id, poc.Id, new CostBenefitDetails(2022, 5, CostBenefitAnalysis.GreenBookRate, 0.10m,
        [
            Line(CostBenefitScenario.DoNothing, s, CostBenefitKind.RecurringCost, "Early years leadership, part-covered by eight officers", 237_500, 237_500, 237_500, 237_500, 237_500),
            Line(CostBenefitScenario.DoNothing, t, CostBenefitKind.RecurringCost, "Early years leadership, part-covered by eight officers", 237_500, 237_500, 237_500, 237_500, 237_500),
            Line(CostBenefitScenario.Option, s, CostBenefitKind.OneOffCost, "Recruitment and HR", 12_000, 0, 0, 0, 0),
            Line(CostBenefitScenario.Option, t, CostBenefitKind.OneOffCost, "Recruitment and HR", 12_000, 0, 0, 0, 0),
            Line(CostBenefitScenario.Option, s, CostBenefitKind.RecurringCost, "Half of the four shared roles", 142_500, 142_500, 142_500, 142_500, 142_500),
            Line(CostBenefitScenario.Option, t, CostBenefitKind.RecurringCost, "Half of the four shared roles", 142_500, 142_500, 142_500, 142_500, 142_500),
        ], ["One quality standard for settings in both boroughs", "Leaders with time to support settings judged to need improvement"],
            "Illustrative figures for the demo. The shared roles are funded within existing budgets; the capacity released is not a cash saving."),
            Members, At(new DateOnly(2022, 1, 14), s, "Morgan Ellis"));
    }

    /// <summary>One rota of 14 staff in place of two of 9: about £180,000 a year less from year 2, after one-off costs of £60,000, split by call volume.</summary>
    public CostBenefitAnalysis OutOfHoursCostBenefit(Option option)
    {
        var s = stockport.Id;
        var t = tameside.Id;
        var first = FinancialYear.Of(today).StartYear;
        return CostBenefitAnalysis.Create(partnership.Id, option.Id, new CostBenefitDetails(first, 5, CostBenefitAnalysis.GreenBookRate, 0.1m,
        [
            new(CostBenefitScenario.DoNothing, s, CostBenefitKind.RecurringCost, "Stockport emergency duty team (9 staff)", [420_000, 420_000, 420_000, 420_000, 420_000]),
            new(CostBenefitScenario.DoNothing, t, CostBenefitKind.RecurringCost, "Tameside emergency duty team (9 staff)", [400_000, 400_000, 400_000, 400_000, 400_000]),
            new(CostBenefitScenario.Option, s, CostBenefitKind.OneOffCost, "Systems, training and change", [30_000, 0, 0, 0, 0]),
            new(CostBenefitScenario.Option, t, CostBenefitKind.OneOffCost, "Systems, training and change", [30_000, 0, 0, 0, 0]),
            new(CostBenefitScenario.Option, s, CostBenefitKind.RecurringCost, "Both rotas in year 1, then 55% of one rota (call volume)", [420_000, 352_000, 352_000, 352_000, 352_000]),
            new(CostBenefitScenario.Option, t, CostBenefitKind.RecurringCost, "Both rotas in year 1, then 45% of one rota (call volume)", [400_000, 288_000, 288_000, 288_000, 288_000]),
        ], ["Fewer hand-offs for families who live near the border"], "Illustrative figures for the demo; optimism bias of 10% on the option's costs."),
            Members, At(today.AddDays(-80), t, "Jamie Clarke"));
    }

    /// <summary>The early years leadership agreement as drafted in May 2022 (signed in August).</summary>
    public Agreement EarlyYearsAgreement(Option poc) =>
        Agreement.Create(partnership.Id, EarlyYearsDetails(poc.Id, AgreementStatus.Draft, null), Members, [poc.Id]);

    public void SignEarlyYearsAgreement(Agreement agreement) =>
        agreement.Change(EarlyYearsDetails(agreement.OptionId, AgreementStatus.Signed, new DateOnly(2022, 8, 15)), Members, [agreement.OptionId!.Value]);

    private AgreementDetails EarlyYearsDetails(Guid? optionId, AgreementStatus status, DateOnly? signedOn) => new(
        "Early years leadership shared services agreement",
        optionId,
        Members,
        [
            new Contribution(stockport.Id, ContributionKind.Money, "Training fund for early years settings", 10_000m),
            new Contribution(tameside.Id, ContributionKind.Money, "Training fund for early years settings", 10_000m),
            new Contribution(stockport.Id, ContributionKind.Premises, "Meeting space for the early years leadership team", 4_000m),
            new Contribution(tameside.Id, ContributionKind.StaffTime, "Business support, 0.2 FTE", 7_500m),
        ],
        "Each council bears half of any overspend on the shared roles; neither bears the cost of the other council's own early years delivery teams.",
        "If a shared role is vacant for more than three months, each council's Head of Service covers its own borough until it is filled.",
        "Either council may leave on six months' notice after the first year; the postholders return to their employing council's own structure.",
        new DateOnly(2022, 9, 1), null, today.AddDays(120), status, signedOn, ApportionmentRule.Equal);

    /// <summary>Shared posts, the Director's SLA, KPIs, apportionment measures and the high needs budgets.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var earlyYears = await db.Agreements.SingleAsync(a => a.PartnershipId == partnership.Id && a.Title == "Early years leadership shared services agreement", cancellationToken);
        var sla = Agreement.Create(partnership.Id, new AgreementDetails(
            "Joint Director of Education service level agreement",
            null,
            Members,
            [new Contribution(stockport.Id, ContributionKind.Premises, "Office base and support at Stockport", 3_500m)],
            "Each council funds half of the post from its School Improvement grant; sharing it frees grant money in both.",
            "Each council's Director of Children's Services remains accountable for its statutory education functions.",
            "Either council may end the secondment on three months' notice; the Director returns to Tameside.",
            new DateOnly(2021, 9, 1), new DateOnly(2027, 8, 31), today.AddDays(45), AgreementStatus.Signed, new DateOnly(2021, 8, 20), ApportionmentRule.Equal),
            Members, []);
        db.Agreements.Add(sla);

        var takeUp = earlyYears.AddKpi("Take-up of funded early education by eligible two-year-olds", "%", 80m, KpiPolarity.HigherIsBetter, KpiFrequency.Termly, "Early years census and DWP eligibility lists");
        takeUp.Record("Spring term 2026", new DateOnly(2026, 3, 31), 78m, null);
        takeUp.Record("Summer term 2026", new DateOnly(2026, 7, 31), 70m, "Fewer childminders offering funded places");
        takeUp.Record("Autumn term 2026", new DateOnly(2026, 10, 31), 68m, null);
        var quality = earlyYears.AddKpi("Settings judged good or outstanding by Ofsted", "%", 95m, KpiPolarity.HigherIsBetter, KpiFrequency.Termly, "Ofsted early years inspection data");
        quality.Record("Spring term 2026", new DateOnly(2026, 3, 31), 96m, null);
        quality.Record("Summer term 2026", new DateOnly(2026, 7, 31), 94m, null);
        quality.Record("Autumn term 2026", new DateOnly(2026, 10, 31), 96.5m, null);
        var responses = sla.AddKpi("Termly reports to both scrutiny committees delivered on time", "reports", 2m, KpiPolarity.HigherIsBetter, KpiFrequency.Termly, "Committee minutes");
        responses.Record("Summer term 2026", new DateOnly(2026, 7, 31), 2m, null);
        responses.Record("Autumn term 2026", new DateOnly(2026, 10, 31), 2m, null);
        await db.SaveChangesAsync(cancellationToken);

        SharedPost Post(string title, PostArrangement arrangement, Authority employer, string holder, DateOnly start, DateOnly? initialTermEnds, DateOnly[] reviews,
            decimal salary, decimal onCosts, decimal other, FundingSource funding, Agreement agreement) =>
            SharedPost.Create(partnership.Id, new SharedPostDetails(title, arrangement, employer.Id, Members, holder, 1m, start, initialTermEnds, null, reviews,
                salary, onCosts, other, [new PostFunding(stockport.Id, funding, null), new PostFunding(tameside.Id, funding, null)], agreement.Id, ApportionmentRule.Equal),
                Members, [agreement.Id]);

        db.SharedPosts.AddRange(
            Post("Joint Director of Education", PostArrangement.Secondment, tameside, "Dr Robin Hart", new DateOnly(2021, 9, 1), new DateOnly(2024, 8, 31),
                [new DateOnly(2022, 9, 1), new DateOnly(2023, 9, 1), new DateOnly(2024, 6, 1), today.AddDays(45)], 118_000m, 33_040m, 4_000m, FundingSource.SchoolImprovementGrant, sla),
            Post("Head of Education Improvement for Early Years", PostArrangement.SharedLeadershipRole, stockport, "Leah Morrison", new DateOnly(2022, 9, 1), new DateOnly(2023, 8, 31),
                [new DateOnly(2023, 6, 1), today.AddDays(60)], 62_000m, 17_360m, 1_500m, FundingSource.GeneralFund, earlyYears),
            Post("Lead Childminder Officer", PostArrangement.SharedLeadershipRole, tameside, "Owen Pritchard", new DateOnly(2022, 9, 1), new DateOnly(2023, 8, 31),
                [new DateOnly(2023, 6, 1), today.AddDays(60)], 41_000m, 11_480m, 800m, FundingSource.GeneralFund, earlyYears),
            Post("Lead Officer for QTS", PostArrangement.SharedLeadershipRole, stockport, "Hannah Rees", new DateOnly(2022, 9, 1), new DateOnly(2023, 8, 31),
                [new DateOnly(2023, 6, 1), today.AddDays(60)], 46_000m, 12_880m, 800m, FundingSource.GeneralFund, earlyYears),
            Post("Lead for Early Years Settings (PVI)", PostArrangement.SharedLeadershipRole, tameside, "Aisha Begum", new DateOnly(2022, 9, 1), new DateOnly(2023, 8, 31),
                [new DateOnly(2023, 6, 1), today.AddDays(60)], 44_000m, 12_320m, 800m, FundingSource.GeneralFund, earlyYears));

        db.ApportionmentMeasures.AddRange(
            ApportionmentMeasure.Create(partnership.Id, stockport.Id, ApportionmentDriver.PopulationAged0To25, 2021, 83_763m, "ONS Census 2021, usual residents aged 0 to 25", Members),
            ApportionmentMeasure.Create(partnership.Id, tameside.Id, ApportionmentDriver.PopulationAged0To25, 2021, 70_383m, "ONS Census 2021, usual residents aged 0 to 25", Members),
            ApportionmentMeasure.Create(partnership.Id, stockport.Id, ApportionmentDriver.NumberOfSchools, 2025, 124m, "DfE GIAS, open state-funded schools, 24 May 2025", Members),
            ApportionmentMeasure.Create(partnership.Id, tameside.Id, ApportionmentDriver.NumberOfSchools, 2025, 103m, "DfE GIAS, open state-funded schools, 24 May 2025", Members));

        db.HighNeedsBudgets.AddRange(Stockport2020(), Tameside2022());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Stockport's 2020-21 high needs budget: DSG £258.709m and high needs block £37.810m as the
    /// council gives them; spending lines (illustrative) whose forecast outturn is £2.099m over
    /// budget, so that the reconciliation reads 1.302, (0.163), 2.099, 3.238, (0.870), (0.497), 1.871.
    /// </summary>
    private HighNeedsBudget Stockport2020()
    {
        var budget = HighNeedsBudget.Create(stockport.Id, 2020, 258_709_000m, 37_810_000m, ForecastFrequency.Quarterly,
            "The DSG and high needs block as the council's budget report gives them. DfE's published 2020-21 allocation (shown beside) differs, because the council reports its budget after in-year adjustments. Spending-line splits are illustrative.");
        budget.SetLines(
        [
            new(SpendingLine.SpecialSchools, 14_200_000m, [14_250_000m, 14_310_000m, 14_380_000m, 14_415_000m], "Place and top-up funding, maintained and academy special schools"),
            new(SpendingLine.ResourcedProvision, 3_100_000m, [3_100_000m, 3_120_000m, 3_150_000m, 3_160_000m]),
            new(SpendingLine.IndependentAndNonMaintained, 6_900_000m, [7_400_000m, 7_800_000m, 8_150_000m, 8_364_000m], "More out-of-borough placements than planned"),
            new(SpendingLine.AlternativeProvisionAndPrus, 3_450_000m, [3_450_000m, 3_470_000m, 3_500_000m, 3_520_000m]),
            new(SpendingLine.MainstreamTopUp, 5_860_000m, [5_900_000m, 6_000_000m, 6_100_000m, 6_150_000m], "Growth in EHCPs in mainstream schools"),
            new(SpendingLine.Post16, 2_400_000m, [2_400_000m, 2_420_000m, 2_430_000m, 2_450_000m]),
            new(SpendingLine.Other, 1_900_000m, [1_900_000m, 1_900_000m, 1_890_000m, 1_850_000m]),
        ]);
        budget.SetReconciliation(
        [
            new(ReconciliationEntry.PreviousOutturn, 1_302_000m, "Deficit carried forward from 2019/20, as reported at outturn"),
            new(ReconciliationEntry.CensusAdjustment, -163_000m, "Adjustment to funding following the census"),
            new(ReconciliationEntry.BlockTransfer, -870_000m, "Transfer from the schools block approved by Schools Forum"),
            new(ReconciliationEntry.EarmarkedBaseBudget, -497_000m, "Growth in the high needs base budget ear-marked to reduce the deficit"),
        ], "Forecast outturn at quarter 4 less the budget, from the spending lines");
        budget.SetRecovery(0.06m, 0.08m, [500_000m, 750_000m, 750_000m, 500_000m, 250_000m],
            "Illustrative: demand growing 6% a year; high needs funding growing 8%; savings from the SEND sufficiency plan (more local special and resourced places).");
        return budget;
    }

    /// <summary>Tameside's 2022-23 budget: DfE's published DSG and high needs block; illustrative spending lines.</summary>
    private HighNeedsBudget Tameside2022()
    {
        var budget = HighNeedsBudget.Create(tameside.Id, 2022, 242_051_315m, 32_842_502m, ForecastFrequency.Quarterly,
            "DSG and high needs block from DfE's published 2022-23 allocation (before recoupment). Spending lines are illustrative.");
        budget.SetLines(
        [
            new(SpendingLine.SpecialSchools, 12_400_000m, [12_450_000m, 12_520_000m, null, null]),
            new(SpendingLine.ResourcedProvision, 2_300_000m, [2_300_000m, 2_310_000m, null, null]),
            new(SpendingLine.IndependentAndNonMaintained, 7_100_000m, [7_600_000m, 7_950_000m, null, null]),
            new(SpendingLine.AlternativeProvisionAndPrus, 3_200_000m, [3_200_000m, 3_240_000m, null, null]),
            new(SpendingLine.MainstreamTopUp, 4_842_502m, [4_900_000m, 4_980_000m, null, null]),
            new(SpendingLine.Post16, 1_900_000m, [1_900_000m, 1_920_000m, null, null]),
            new(SpendingLine.Other, 1_100_000m, [1_100_000m, 1_100_000m, null, null]),
        ]);
        budget.SetReconciliation([new(ReconciliationEntry.PreviousOutturn, 2_650_000m, "Illustrative")], null);
        budget.SetRecovery(0.07m, 0.06m, [300_000m, 600_000m, 600_000m, 300_000m, 300_000m], "Illustrative assumptions.");
        return budget;
    }
}
