namespace Concord.Web.PublicData;

/// <summary>
/// DfE's pupil attendance in schools, 2025/26 year to date, from daily registers: schools,
/// enrolments, sessions present and absent by reason, and the percentages (persistent absence
/// among them), by education phase (Primary, Secondary, Special, Total), for England, the regions
/// and every authority.
/// </summary>
public sealed class AttendanceImport : StatisticsDataset
{
    public const string Key = "dfe-attendance";

    public const string FileName = "attendance_ytd_la_2025_26.csv";

    public static readonly StatisticsTable Table = new()
    {
        Dataset = Key,
        File = FileName,
        BreakdownColumns = ["education_phase"],
        MeasureColumns = ("num_schools", "pa_perc"),
    };

    public override string Dataset => Key;

    public override string Folder => Key;

    public override string Title => "Pupil attendance in schools, 2025/26 year to date, by education phase, England, regions and local authorities";

    public override string Publisher => "Department for Education";

    protected override IReadOnlyList<StatisticsTable> Tables => [Table];
}
