namespace Concord.Web.PublicData;

/// <summary>
/// DfE's children's social care time series for England, the regions and every authority, as one
/// dataset of four tables: children in need (years to 31 March 2013 to 2025), referrals and
/// re-referrals, child protection plans at 31 March by duration, and children looked after
/// (number and rate per 10,000 children, 2021 to 2025) by population type. The 0 to 17 population
/// file in the same folder is the register of areas (<see cref="AreaImport"/>), not imported here.
/// </summary>
public sealed class ChildrensSocialCareImport : StatisticsDataset
{
    public const string Key = "dfe-children-social-care";

    public static readonly StatisticsTable ChildrenInNeed = new()
    {
        Dataset = Key,
        Table = "children-in-need",
        File = "b1_children_in_need_2013_to_2025.csv",
        Measures = ["Anypoint_episodes", "Anypoint_child", "Started_episodes", "Started_child", "Ended_episodes", "Ended_child", "At31_episodes", "awaiting_assessment"],
    };

    public static readonly StatisticsTable Referrals = new()
    {
        Dataset = Key,
        Table = "referrals",
        File = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
        Measures =
        [
            "referral_count", "rereferral_count", "rereferral_percent", "no_further_action_count", "no_further_action_percent",
            "not_in_need_count", "not_in_need_percent", "referral_child_count", "rereferral_child_count", "rereferral_child_percent",
        ],
    };

    public static readonly StatisticsTable ChildProtectionPlans = new()
    {
        Dataset = Key,
        Table = "child-protection-plans",
        File = "d5_cpps_at31march_by_duration_2013_to_2025.csv",
        Measures = ["CPP_At31"],
        MeasureColumns = ("3_months_or_less", "2_years_or_more_percent"),
    };

    public static readonly StatisticsTable LookedAfter = new()
    {
        Dataset = Key,
        Table = "looked-after",
        File = "cla_number_and_rate_per_10k_children.csv",
        BreakdownColumns = ["population_type"],
        Measures = ["population_estimate", "children_count", "rate_per_10000"],
    };

    public override string Dataset => Key;

    public override string Folder => Key;

    public override string Title => "Children's social care: children in need, referrals, child protection plans (2013 to 2025) and children looked after (2021 to 2025), England, regions and local authorities";

    public override string Publisher => "Department for Education";

    protected override IReadOnlyList<StatisticsTable> Tables => [ChildrenInNeed, Referrals, ChildProtectionPlans, LookedAfter];
}
