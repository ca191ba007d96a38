namespace Concord.Web.PublicData;

/// <summary>
/// DfE's SEN2 management information on Education, Health and Care plans, calendar years 2014 to
/// 2022: requests, assessments, new plans and their timeliness, plans ceased, mediation and
/// tribunals, for England, the regions and every authority. Every column after la_name is a
/// measure, the requests and new plans among them.
/// </summary>
public sealed class Sen2Import : StatisticsDataset
{
    public const string Key = "dfe-sen2-ehcp";

    public const string FileName = "sen2_mi.csv";

    public static readonly StatisticsTable Table = new() { Dataset = Key, File = FileName, Measures = ["inreq_ehc", "new_all_ehc"], MeasureColumns = ("ass_nodecision", null) };

    public override string Dataset => Key;

    public override string Folder => Key;

    public override string Title => "Education, health and care plans (SEN2 collection): management information by local authority, 2014 to 2022";

    public override string Publisher => "Department for Education";

    protected override IReadOnlyList<StatisticsTable> Tables => [Table];
}
