using System.Globalization;
using Concord.Core.PublicData;
using Concord.Web.PublicData;
using Concord.Web.Tests.Infrastructure;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>
/// The published statistics of the evidence base (LAIT, EYFSP, SEN2, attendance, school places
/// scorecards, children's social care, Ofsted's inspections of children's services): figures
/// recomputed straight from the shipped files agree with what was imported, and a bad file is
/// refused naming its file, line and column, leaving the dataset as it was.
/// </summary>
public abstract class StatisticsImportTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string Stockport = "E08000007";
    private const string Tameside = "E08000008";

    [Fact]
    public async Task Each_dataset_has_a_row_per_area_period_and_breakdown_of_its_files()
    {
        var lait = await RowsAsync(new LaitImport(), LaitImport.DataFile);
        var dictionary = await RowsAsync(new LaitImport(), LaitImport.DictionaryFile);
        var eyfsp = await RowsAsync(new EyfspImport(), EyfspImport.FileName);
        var scorecards = await RowsAsync(new SchoolPlacesScorecardImport(), SchoolPlacesScorecardImport.Table.File);
        var scorecardMeasures = (await HeaderAsync(new SchoolPlacesScorecardImport(), SchoolPlacesScorecardImport.Table.File)).SkipWhile(c => c != "PriNOR").ToHashSet();
        var metadata = await RowsAsync(new SchoolPlacesScorecardImport(), SchoolPlacesScorecardImport.MetadataFile);
        var social = new ChildrensSocialCareImport();
        var ofsted = new OfstedChildrensServicesImport();

        var counts = await ReadAsync(db => db.PublishedStatistics.GroupBy(s => new { s.Dataset, s.Table }).Select(g => new { g.Key.Dataset, g.Key.Table, Rows = g.Count() }).ToListAsync());
        var measures = await ReadAsync(db => db.PublishedMeasures.GroupBy(m => m.Dataset).Select(g => new { Dataset = g.Key, Rows = g.Count() }).ToListAsync());
        int Count(string dataset, string table = "") => counts.SingleOrDefault(c => c.Dataset == dataset && c.Table == table)?.Rows ?? 0;

        Assert.Equal(lait.Where(r => r["Years"] != "0").Select(r => (r["LA Number"], r["Years"])).Distinct().Count(), Count(LaitImport.Key));
        Assert.Equal(768, Count(LaitImport.Key));
        Assert.Equal(dictionary.Select(r => r["Measure_short"]).Distinct().Count(), measures.Single(m => m.Dataset == LaitImport.Key).Rows);
        Assert.Equal(eyfsp.Count(r => r["geographic_level"] != "Local authority district"), Count(EyfspImport.Key));
        Assert.Equal((await RowsAsync(new Sen2Import(), Sen2Import.FileName)).Count, Count(Sen2Import.Key));
        Assert.Equal((await RowsAsync(new AttendanceImport(), AttendanceImport.FileName)).Count, Count(AttendanceImport.Key));
        Assert.Equal(scorecards.Count, Count(SchoolPlacesScorecardImport.Key));
        Assert.Equal(metadata.Count(m => scorecardMeasures.Contains(m["programmer_friendly_names"])), measures.Single(m => m.Dataset == SchoolPlacesScorecardImport.Key).Rows);
        foreach (var table in new[] { ChildrensSocialCareImport.ChildrenInNeed, ChildrensSocialCareImport.Referrals, ChildrensSocialCareImport.ChildProtectionPlans, ChildrensSocialCareImport.LookedAfter })
        {
            Assert.Equal((await RowsAsync(social, table.File)).Count, Count(ChildrensSocialCareImport.Key, table.Table));
        }

        Assert.Equal((await RowsAsync(ofsted, OfstedChildrensServicesImport.LatestFile)).Count, Count(OfstedChildrensServicesImport.Key, "ilacs-latest"));
        Assert.Equal((await RowsAsync(ofsted, OfstedChildrensServicesImport.HistoryFile)).Count, Count(OfstedChildrensServicesImport.Key, "ilacs-history"));
        Assert.Equal((await RowsAsync(ofsted, OfstedChildrensServicesImport.AreaSendFile)).Count, Count(OfstedChildrensServicesImport.Key, "area-send"));
        var provenance = await ReadAsync(db => db.DatasetImports.AsNoTracking().ToDictionaryAsync(d => d.Dataset, d => d.Rows));
        Assert.Equal(Count(LaitImport.Key) + measures.Single(m => m.Dataset == LaitImport.Key).Rows, provenance[LaitImport.Key]);
        Assert.Equal(counts.Where(c => c.Dataset == ChildrensSocialCareImport.Key).Sum(c => c.Rows), provenance[ChildrensSocialCareImport.Key]);
    }

    [Theory]
    [InlineData(Stockport)]
    [InlineData(Tameside)]
    public async Task The_good_level_of_development_in_2021_22_overall_and_for_disadvantaged_children_matches_the_EYFSP_file(string code)
    {
        var file = (await RowsAsync(new EyfspImport(), EyfspImport.FileName)).Where(r => r["geographic_level"] == "Local authority" && r["new_la_code"] == code && r["gender"] == "Total").ToList();
        var total = file.Single(r => r["characteristic_type"] == "Total");
        var disadvantaged = file.Single(r => r["characteristic_type"] == "Known to be eligible for free school meals");

        var imported = await ReadAsync(db => db.PublishedStatistics.AsNoTracking().Where(s => s.Dataset == EyfspImport.Key && s.AreaCode == code && s.Period == "202122").ToListAsync());
        var overall = imported.Single(s => s.Breakdown == "Total / Total / Total");
        var fsm = imported.Single(s => s.Breakdown == "Free school meal eligibility / Known to be eligible for free school meals / Total");

        Assert.Equal(2022, overall.Year);
        Assert.Equal(Number(total["gld_percentage"]), overall.Value("gld_percentage"));
        Assert.Equal(Number(total["gld_number"]), overall.Value("gld_number"));
        Assert.Equal(Number(total["children_number"]), overall.Value("children_number"));
        Assert.Equal(Number(disadvantaged["gld_percentage"]), fsm.Value("gld_percentage"));
        Assert.Equal(Number(disadvantaged["gld_number"]), fsm.Value("gld_number"));
        Assert.Equal(8, fsm.Values.Count + fsm.Texts.Count);
    }

    [Theory]
    [InlineData("FSP_NEW_GOODDEV", "356")]
    [InlineData("SEN_CASES_JAN", "356")]
    [InlineData("SEN_CASES_JAN", "357")]
    [InlineData("CIN", "970")]
    public async Task LAIT_indicators_match_the_file_in_every_year(string indicator, string number)
    {
        var file = (await RowsAsync(new LaitImport(), LaitImport.DataFile)).Where(r => r["Short Desc"] == indicator && r["LA Number"] == number).ToList();
        var code = number == "970" ? "E92000001" : number == "356" ? Stockport : Tameside;

        var imported = await ReadAsync(db => db.PublishedStatistics.AsNoTracking().Where(s => s.Dataset == LaitImport.Key && s.AreaCode == code).ToListAsync());

        Assert.NotEmpty(file);
        foreach (var line in file)
        {
            var row = imported.Single(s => s.Period == line["Years"]);
            if (decimal.TryParse(line["Values"], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                Assert.Equal(Math.Round(value, 9), Math.Round(row.Value(indicator)!.Value, 9));
            }
            else
            {
                Assert.Equal(line["Values"], row.Text(indicator));
            }
        }
    }

    [Fact]
    public async Task LAIT_figures_keep_the_digits_a_double_holds_and_the_dictionary_defines_each_indicator()
    {
        var definition = (await RowsAsync(new LaitImport(), LaitImport.DictionaryFile)).First(r => r["Measure_short"] == "FSP_NEW_GOODDEV");

        var gld2016 = await ReadAsync(db => db.PublishedStatistics.AsNoTracking().SingleAsync(s => s.Dataset == LaitImport.Key && s.AreaCode == Stockport && s.Period == "2016"));
        var measure = await ReadAsync(db => db.PublishedMeasures.AsNoTracking().SingleAsync(m => m.Dataset == LaitImport.Key && m.Code == "FSP_NEW_GOODDEV"));
        var twoTopics = await ReadAsync(db => db.PublishedMeasures.AsNoTracking().SingleAsync(m => m.Dataset == LaitImport.Key && m.Code == "SusEd_All"));

        Assert.Equal("69.6", gld2016.Value("FSP_NEW_GOODDEV")!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(definition["Measure"], measure.Name);
        Assert.Equal(definition["y_axis_name"], measure.Unit);
        Assert.Equal(("High", Polarity.HigherIsBetter), (definition["Polarity"], measure.Polarity));
        Assert.Equal(definition["Data Owner (DO) /Supplier and Contact Details"].Trim(), measure.Source);
        Assert.Equal(definition["Hyperlink(s)"].Trim(), measure.Link);
        Assert.Equal("Key Stage 4; Children with SEN", twoTopics.Topic);
    }

    [Fact]
    public async Task Children_in_need_looked_after_and_on_plans_in_Stockport_in_2025_match_the_files()
    {
        var social = new ChildrensSocialCareImport();
        Dictionary<string, string> Stockport2025(List<Dictionary<string, string>> rows) => rows.Single(r => r["new_la_code"] == Stockport && r["time_period"] == "2025" && r.GetValueOrDefault("population_type", "Children looked after on 31 March each year") == "Children looked after on 31 March each year");
        var cin = Stockport2025(await RowsAsync(social, ChildrensSocialCareImport.ChildrenInNeed.File));
        var referrals = Stockport2025(await RowsAsync(social, ChildrensSocialCareImport.Referrals.File));
        var plans = Stockport2025(await RowsAsync(social, ChildrensSocialCareImport.ChildProtectionPlans.File));
        var cla = Stockport2025(await RowsAsync(social, ChildrensSocialCareImport.LookedAfter.File));

        var imported = await ReadAsync(db => db.PublishedStatistics.AsNoTracking().Where(s => s.Dataset == ChildrensSocialCareImport.Key && s.AreaCode == Stockport && s.Period == "2025").ToListAsync());
        PublishedStatistic Table(string table, string breakdown = "") => imported.Single(s => s.Table == table && s.Breakdown == breakdown);

        Assert.Equal(Number(cin["At31_episodes"]), Table("children-in-need").Value("At31_episodes"));
        Assert.Equal(Number(referrals["referral_count"]), Table("referrals").Value("referral_count"));
        Assert.Equal(Number(referrals["rereferral_percent"]), Table("referrals").Value("rereferral_percent"));
        Assert.Equal(Number(plans["CPP_At31"]), Table("child-protection-plans").Value("CPP_At31"));
        Assert.Equal(Number(cla["rate_per_10000"]), Table("looked-after", "Children looked after on 31 March each year").Value("rate_per_10000"));
        Assert.Equal(Number(cla["children_count"]), Table("looked-after", "Children looked after on 31 March each year").Value("children_count"));
        Assert.Equal(3, imported.Count(s => s.Table == "looked-after"));
    }

    [Fact]
    public async Task Stockports_attendance_SEN2_and_school_places_match_the_files()
    {
        var attendance = (await RowsAsync(new AttendanceImport(), AttendanceImport.FileName)).Single(r => r["new_la_code"] == Stockport && r["education_phase"] == "Total");
        var sen2 = (await RowsAsync(new Sen2Import(), Sen2Import.FileName)).Single(r => r["new_la_code"] == Stockport && r["time_period"] == "2022");
        var header = await HeaderAsync(new Sen2Import(), Sen2Import.FileName);
        var places = (await RowsAsync(new SchoolPlacesScorecardImport(), SchoolPlacesScorecardImport.Table.File)).Where(r => r["new_la_code"] is Stockport or Tameside).ToList();

        var imported = await ReadAsync(db => db.PublishedStatistics.AsNoTracking().Where(s => s.AreaCode == Stockport || s.AreaCode == Tameside).ToListAsync());
        var total = imported.Single(s => s.Dataset == AttendanceImport.Key && s.AreaCode == Stockport && s.Breakdown == "Total");
        var plans = imported.Single(s => s.Dataset == Sen2Import.Key && s.AreaCode == Stockport && s.Period == "2022");
        var name = await ReadAsync(db => db.PublishedMeasures.AsNoTracking().SingleAsync(m => m.Dataset == SchoolPlacesScorecardImport.Key && m.Code == "Quan_P_In"));

        Assert.Equal(("202526", 2026), (total.Period, total.Year));
        Assert.Equal(Number(attendance["attendance_perc"]), total.Value("attendance_perc"));
        Assert.Equal(Number(attendance["possible_sessions"]), total.Value("possible_sessions"));
        Assert.Equal(Number(attendance["pa_perc"]), total.Value("pa_perc"));
        Assert.Equal(4, imported.Count(s => s.Dataset == AttendanceImport.Key && s.AreaCode == Stockport));
        Assert.Equal(Number(sen2["new_all_ehc"]), plans.Value("new_all_ehc"));
        Assert.Equal(Number(sen2["inreq_ehc"]), plans.Value("inreq_ehc"));
        Assert.Equal(header.SkipWhile(c => c != "la_name").Skip(1).Order(), plans.Values.Keys.Concat(plans.Texts.Keys).Order());
        foreach (var row in places)
        {
            var scorecard = imported.Single(s => s.Dataset == SchoolPlacesScorecardImport.Key && s.AreaCode == row["new_la_code"] && s.Period == row["Year"]);
            Assert.Equal(Number(row["PriNOR"]), scorecard.Value("PriNOR"));
            Assert.Equal(Number(row["SecNOR"]), scorecard.Value("SecNOR"));
        }

        Assert.Equal(6, places.Count);
        Assert.Equal("Primary places created from 2009/10 to SCAP year (2024/25)", name.Name);
    }

    [Fact]
    public async Task Ofsteds_latest_judgements_and_inspections_match_the_files()
    {
        var ofsted = new OfstedChildrensServicesImport();
        var latest = (await RowsAsync(ofsted, OfstedChildrensServicesImport.LatestFile)).Single(r => r["Local authority area code"] == Stockport);
        var history = (await RowsAsync(ofsted, OfstedChildrensServicesImport.HistoryFile)).Where(r => r["Local authority area code"] == Tameside).ToList();
        var oldham = (await RowsAsync(ofsted, OfstedChildrensServicesImport.AreaSendFile)).Single(r => r["Local.area.partnership"] == "Oldham");
        static string Iso(string date) => DateOnly.ParseExact(date, "dd/MM/yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var imported = await ReadAsync(db => db.PublishedStatistics.AsNoTracking().Where(s => s.Dataset == OfstedChildrensServicesImport.Key).ToListAsync());
        var stockport = imported.Single(s => s.Table == "ilacs-latest" && s.AreaCode == Stockport);
        var send = imported.Single(s => s.Table == "area-send" && s.AreaCode == "E08000004");

        Assert.Equal((Iso(latest["Inspection date"]), 2022, string.Empty), (stockport.Period, stockport.Year, stockport.Breakdown));
        Assert.Equal(latest["Overall effectiveness"], stockport.Text("Overall effectiveness"));
        Assert.Equal("Good", stockport.Text("Overall effectiveness"));
        Assert.Equal(Iso(latest["Publication date"]), stockport.Text("Publication date"));
        Assert.Null(stockport.Text(OfstedChildrensServicesImport.CareLeavers));
        Assert.Equal(history.Select(r => (Iso(r["Inspection date"]), r["Overall effectiveness"], r["Inspection type"])).Order(),
            imported.Where(s => s.Table == "ilacs-history" && s.AreaCode == Tameside).Select(s => (s.Period, s.Text("Overall effectiveness")!, s.Text("Inspection type")!)).Order());
        Assert.Equal((Iso(oldham["Inspection.start.date"]), oldham["Inspection.outcome"]), (send.Period, send.Text("Inspection.outcome")));
        Assert.Equal(Number(oldham["Number.of.areas.for.priority.action"]), send.Value("Number.of.areas.for.priority.action"));
    }

    [Fact]
    public async Task A_bad_LAIT_file_is_refused_naming_file_line_and_column_and_the_indicators_stay()
    {
        var dataset = new LaitImport();
        var lines = await ShippedFiles.ReadLinesAsync(dataset, LaitImport.DataFile);
        var before = await SnapshotAsync(LaitImport.Key);
        Task<DataFileException> ImportAsync(string content) => ShippedFiles.RefusedAsync(App.Database, dataset, LaitImport.DataFile, content);
        string Line2(string from, string to) => string.Join('\n', lines.Select((l, i) => i == 1 ? l.Replace(from, to, StringComparison.Ordinal) : l));

        // Line 2 is "RTA,Number of children killed and seriously injured in RTAs,2014-16,Bolton,20.89,350,North West".
        var text = await ImportAsync(Line2(",20.89,", ",lots,"));
        var number = await ImportAsync(Line2(",350,", ",999,"));
        var name = await ImportAsync(Line2(",Bolton,", ",Bury,"));
        var period = await ImportAsync(Line2(",2014-16,", ",2014-16 (est),"));
        var zero = await ImportAsync(Line2(",2014-16,", ",0,"));
        var missing = await ImportAsync(string.Join('\n', lines).Replace("LA Number", "LA Code", StringComparison.Ordinal));
        var empty = await ImportAsync(string.Empty);
        var dictionary = await ShippedFiles.RefusedAsync(App.Database, dataset, LaitImport.DictionaryFile,
            (await ShippedFiles.ReadTextAsync(dataset, LaitImport.DictionaryFile)).Replace("Measure_short", "Short", StringComparison.Ordinal));

        Assert.Equal(("lait_bds_long_greater_manchester.csv", 2, "Values"), (text.File, text.Line, text.Column));
        Assert.Equal("'lots' is not a number or a published suppression code (c, x, z, k, u, low)", text.Problem);
        Assert.Equal((2, "LA Number"), (number.Line, number.Column));
        Assert.Equal((2, "LA and Regions"), (name.Line, name.Column));
        Assert.Equal((2, "Years", "'2014-16 (est)' is not a year, an academic or financial year, or a run of years"), (period.Line, period.Column, period.Problem));
        Assert.Equal((2, "Years"), (zero.Line, zero.Column));
        Assert.Equal((1, "LA Number"), (missing.Line, missing.Column));
        Assert.Equal(("lait_bds_long_greater_manchester.csv", 1), (empty.File, empty.Line));
        Assert.Contains("the file is empty", empty.Problem, StringComparison.Ordinal);
        Assert.Equal(("lait_data_dictionary.csv", 1, "Measure_short"), (dictionary.File, dictionary.Line, dictionary.Column));
        Assert.Equal(before, await SnapshotAsync(LaitImport.Key));
    }

    [Fact]
    public async Task A_bad_statistics_table_is_refused_naming_file_line_and_column_and_the_whole_dataset_stays()
    {
        var dataset = new ChildrensSocialCareImport();
        var file = ChildrensSocialCareImport.ChildrenInNeed.File;
        var lines = await ShippedFiles.ReadLinesAsync(dataset, file);
        var before = await SnapshotAsync(ChildrensSocialCareImport.Key);
        Task<DataFileException> ImportAsync(string content) => ShippedFiles.RefusedAsync(App.Database, dataset, file, content);
        var stockport = Array.FindIndex(lines, l => l.StartsWith("2025,", StringComparison.Ordinal) && l.Contains(",E08000007,", StringComparison.Ordinal));
        var header = lines[0].Split(',');
        string Stockport(string column, string? value) => string.Join('\n', lines.Select((l, i) => i != stockport ? l
            : string.Join(',', l.Split(',').Select((field, f) => header[f] == column ? value : field).OfType<string>())));

        var text = await ImportAsync(Stockport("At31_episodes", "many"));
        var code = await ImportAsync(Stockport("new_la_code", "E08999999"));
        var period = await ImportAsync(Stockport("time_period", "March 2025"));
        var twice = await ImportAsync(string.Join('\n', lines.Append(lines[stockport])));
        var shortRow = await ImportAsync(Stockport("At31_episodes", null));
        var missing = await ImportAsync(string.Join('\n', lines).Replace("At31_episodes", "At31", StringComparison.Ordinal));
        var empty = await ImportAsync(string.Empty);
        var headerOnly = await ImportAsync(lines[0]);

        Assert.Equal((file, stockport + 1, "At31_episodes"), (text.File, text.Line, text.Column));
        Assert.Equal("'many' is not a number or a published suppression code (c, x, z, k, u, low)", text.Problem);
        Assert.Equal((stockport + 1, "new_la_code"), (code.Line, code.Column));
        Assert.Contains("'E08999999' is not an area in the register", code.Problem, StringComparison.Ordinal);
        Assert.Equal((stockport + 1, "time_period"), (period.Line, period.Column));
        Assert.Equal((lines.Length + 1, "new_la_code"), (twice.Line, twice.Column));
        Assert.Equal((stockport + 1, (string?)null), (shortRow.Line, shortRow.Column));
        Assert.Equal((1, "At31_episodes"), (missing.Line, missing.Column));
        Assert.Equal((file, 1, (string?)null), (empty.File, empty.Line, empty.Column));
        Assert.Equal(2, headerOnly.Line);
        Assert.Equal(before, await SnapshotAsync(ChildrensSocialCareImport.Key));
    }

    [Fact]
    public async Task A_bad_Ofsted_file_is_refused_naming_file_line_and_column_and_the_inspections_stay()
    {
        var dataset = new OfstedChildrensServicesImport();
        var latest = await ShippedFiles.ReadLinesAsync(dataset, OfstedChildrensServicesImport.LatestFile);
        var send = await ShippedFiles.ReadLinesAsync(dataset, OfstedChildrensServicesImport.AreaSendFile);
        var before = await SnapshotAsync(OfstedChildrensServicesImport.Key);
        Task<DataFileException> LatestAsync(string content) => ShippedFiles.RefusedAsync(App.Database, dataset, OfstedChildrensServicesImport.LatestFile, content);
        var stockport = Array.FindIndex(latest, l => l.StartsWith("E08000007,", StringComparison.Ordinal));
        string Stockport(string from, string to) => string.Join('\n', latest.Select((l, i) => i == stockport ? l.Replace(from, to, StringComparison.Ordinal) : l));

        var code = await LatestAsync(Stockport("E08000007,", "E08999999,"));
        var grade = await LatestAsync(Stockport(",Good,Good,", ",Great,Good,"));
        var date = await LatestAsync(Stockport("28/03/2022", "2022-03-28"));
        var twice = await LatestAsync(string.Join('\n', latest.Append(latest[stockport])));
        var missing = await LatestAsync(string.Join('\n', latest).Replace("Overall effectiveness", "Overall", StringComparison.Ordinal));
        var empty = await LatestAsync(string.Empty);
        var area = await ShippedFiles.RefusedAsync(App.Database, dataset, OfstedChildrensServicesImport.AreaSendFile,
            string.Join('\n', send.Select((l, i) => i == 9 ? l.Replace("\"Oldham\"", "\"Oldham and District\"", StringComparison.Ordinal) : l)));

        Assert.Equal((OfstedChildrensServicesImport.LatestFile, stockport + 1, "Local authority area code"), (code.File, code.Line, code.Column));
        Assert.Equal((stockport + 1, "Overall effectiveness"), (grade.Line, grade.Column));
        Assert.Equal("'Great' is not a judgement (Outstanding, Good, Requires improvement to be good, Inadequate)", grade.Problem);
        Assert.Equal((stockport + 1, "Inspection date"), (date.Line, date.Column));
        Assert.Equal((latest.Length + 1, "Local authority area code"), (twice.Line, twice.Column));
        Assert.Equal((1, "Overall effectiveness"), (missing.Line, missing.Column));
        Assert.Equal(1, empty.Line);
        Assert.Equal((OfstedChildrensServicesImport.AreaSendFile, 10, "Local.area.partnership"), (area.File, area.Line, area.Column));
        Assert.Equal("'Oldham and District' is not the name of an area in the register", area.Problem);
        Assert.Equal(before, await SnapshotAsync(OfstedChildrensServicesImport.Key));
    }

    /// <summary>A dataset's rows, measures and provenance, to show a refused import changed nothing.</summary>
    private Task<(int Rows, int Measures, string Sha256, DateTimeOffset ImportedAt, int Recorded)> SnapshotAsync(string dataset) => ReadAsync(async db =>
    {
        var provenance = await db.DatasetImports.AsNoTracking().SingleAsync(d => d.Dataset == dataset);
        return (await db.PublishedStatistics.CountAsync(s => s.Dataset == dataset), await db.PublishedMeasures.CountAsync(m => m.Dataset == dataset),
            provenance.Sha256, provenance.ImportedAt, provenance.Rows);
    });

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A shipped CSV file read on its own (not by the importer): each row by column name.</summary>
    private static async Task<List<Dictionary<string, string>>> RowsAsync(IPublicDataset dataset, string file)
    {
        using var csv = new CsvReader(new StringReader(await ShippedFiles.ReadTextAsync(dataset, file)), CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (await csv.ReadAsync())
        {
            rows.Add(header.Select((column, i) => (column, csv.GetField(i) ?? string.Empty)).ToDictionary(f => f.column, f => f.Item2));
        }

        return rows;
    }

    private static async Task<string[]> HeaderAsync(IPublicDataset dataset, string file) =>
        (await ShippedFiles.ReadLinesAsync(dataset, file))[0].Split(',').Select(c => c.Trim('"', '\uFEFF')).ToArray();
}

public sealed class StatisticsImportTestsOnSqlite(SqliteEvidenceApp app) : StatisticsImportTests<SqliteEvidenceApp>(app);

public sealed class StatisticsImportTestsOnPostgres(PostgresEvidenceApp app) : StatisticsImportTests<PostgresEvidenceApp>(app);
