namespace Concord.Web.PublicData;

/// <summary>
/// DfE's Early Years Foundation Stage Profile results for 2021/22: the headline measures, among
/// them the Good Level of Development, for England, the regions and every authority, by
/// characteristic and gender (authority districts are skipped). The file publishes each
/// characteristic's group in the column named characteristic and the group's member in
/// characteristic_type, so a breakdown reads "Free school meal eligibility / Known to be eligible
/// for free school meals / Total".
/// </summary>
public sealed class EyfspImport : StatisticsDataset
{
    public const string Key = "dfe-eyfsp";

    public const string FileName = "eyfsp_headline_measures_2022.csv.gz";

    public static readonly StatisticsTable Table = new()
    {
        Dataset = Key,
        File = FileName,
        BreakdownColumns = ["characteristic", "characteristic_type", "gender"],
        Measures = ["children_number", "average_elgs", "elg_number", "elg_percentage", "comm_lang_lit_number", "comm_lang_lit_percentage", "gld_number", "gld_percentage"],
    };

    public override string Dataset => Key;

    public override string Folder => Key;

    public override string Title => "Early years foundation stage profile results 2021/22: headline measures, including the Good Level of Development, by characteristic, England, regions and local authorities";

    public override string Publisher => "Department for Education";

    protected override IReadOnlyList<StatisticsTable> Tables => [Table];
}
