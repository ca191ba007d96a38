using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Web.Evidence;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Web.Tests;

/// <summary>
/// The evidence base's profile and comparison: every figure recomputed here straight from the
/// shipped files (not through the importer) and compared with what the API and pages show.
/// </summary>
public abstract class EvidenceTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string Stockport = "E08000007", Tameside = "E08000008";

    private static decimal D(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static decimal Per(decimal part, decimal whole, decimal scale = 100) => Math.Round(part * scale / whole, 1, MidpointRounding.AwayFromZero);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Figure(JsonElement area, string key) =>
        area.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key);

    private static decimal Value(JsonElement area, string key) => Figure(area, key).GetProperty("value").GetDecimal();

    private static async Task<Dictionary<string, decimal>> ExpectedAsync(string code)
    {
        var expected = new Dictionary<string, decimal>();

        // Population aged 0 to 25, ONS mid-2020.
        var mye = (await ShippedFiles.ReadCsvAsync("ons-mye", "ons_mye_mid2020_single_year_of_age_persons.csv")).Single(r => r["Code"] == code);
        expected["population-0-25"] = Enumerable.Range(0, 26).Sum(a => D(mye[a.ToString(CultureInfo.InvariantCulture)]));
        expected["population-0-4"] = Enumerable.Range(0, 5).Sum(a => D(mye[a.ToString(CultureInfo.InvariantCulture)]));

        // LSOAs in IMD and IDACI decile 1.
        var imd = (await ShippedFiles.ReadCsvAsync("imd2019", "File_3_-_IoD2019_Supplementary_Indices_-_IDACI_and_IDAOPI.csv.gz"))
            .Where(r => r["Local Authority District code (2019)"] == code).ToList();
        expected["imd-most-deprived"] = Per(imd.Count(r => D(r["Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)"]) == 1), imd.Count);
        expected["idaci-most-deprived"] = Per(imd.Count(r => D(r["Income Deprivation Affecting Children Index (IDACI) Decile (where 1 is most deprived 10% of LSOAs)"]) == 1), imd.Count);

        // Good level of development, 2021/22, all children and those eligible for free school meals.
        var eyfsp = (await ShippedFiles.ReadCsvAsync("dfe-eyfsp", "eyfsp_headline_measures_2022.csv.gz"))
            .Where(r => r["geographic_level"] == "Local authority" && r["new_la_code"] == code && r["gender"] == "Total").ToList();
        var all = eyfsp.Single(r => r["characteristic"] == "Total");
        // The file has characteristic and characteristic_type the other way round from their names.
        var fsm = eyfsp.Single(r => r["characteristic_type"] == "Known to be eligible for free school meals");
        expected["gld"] = Per(D(all["gld_number"]), D(all["children_number"]));
        expected["gld-fsm"] = Per(D(fsm["gld_number"]), D(fsm["children_number"]));

        // Children in need at 31 March 2025 over the mid-2024 estimate of children aged 0 to 17; looked after likewise.
        var cin = (await ShippedFiles.ReadCsvAsync("dfe-children-social-care", "b1_children_in_need_2013_to_2025.csv")).Single(r => r["new_la_code"] == code && r["time_period"] == "2025");
        var children = (await ShippedFiles.ReadCsvAsync("dfe-children-social-care", "ons_mid-year_population_estimates_2012_to_2024.csv")).Single(r => r["new_la_code"] == code && r["time_period"] == "2024");
        expected["cin-rate"] = Per(D(cin["At31_episodes"]), D(children["population_estimate"]), 10_000);
        var cla = (await ShippedFiles.ReadCsvAsync("dfe-children-social-care", "cla_number_and_rate_per_10k_children.csv"))
            .Single(r => r["new_la_code"] == code && r["time_period"] == "2025" && r["population_type"] == "Children looked after on 31 March each year");
        expected["cla-rate"] = Per(D(cla["children_count"]), D(cla["population_estimate"]), 10_000);
        expected["cla-published"] = D(cla["rate_per_10000"]);

        // Attendance 2025/26 to date, all phases.
        var attendance = (await ShippedFiles.ReadCsvAsync("dfe-attendance", "attendance_ytd_la_2025_26.csv")).Single(r => r["new_la_code"] == code && r["education_phase"] == "Total");
        expected["attendance"] = Per(D(attendance["overall_attendance"]), D(attendance["possible_sessions"]));

        // DSG 2023-24 before recoupment over primary and secondary pupils on roll in the 2023/24 scorecard.
        var dsg = (await ShippedFiles.ReadCsvAsync("dfe-dsg", "dsg_allocations_la_summary_2020-21_to_2023-24.csv")).Single(r => r["financial_year"] == "2023-24" && r["la_code"] == (code == Stockport ? "356" : "357"));
        var scorecard = (await ShippedFiles.ReadCsvAsync("dfe-school-places-scorecards", "scorecard_data_2025_2023.csv")).Single(r => r["new_la_code"] == code && r["Year"] == "2023/24");
        expected["dsg-per-pupil"] = Math.Round(D(dsg["before_recoupment_total_dsg"]) / (D(scorecard["PriNOR"]) + D(scorecard["SecNOR"])), 0, MidpointRounding.AwayFromZero);
        return expected;
    }

    [Theory]
    [InlineData(Stockport)]
    [InlineData(Tameside)]
    public async Task Each_profile_figure_matches_the_shipped_files_read_independently(string code)
    {
        var client = await SignInAsync("viewer@tameside.demo");
        var expected = await ExpectedAsync(code);

        var profile = await JsonAsync(await client.GetAsync($"/api/authorities/{code}/profile"));
        var authority = profile.GetProperty("authority");

        foreach (var key in expected.Keys.Where(k => k != "cla-published"))
        {
            Assert.True(expected[key] == Value(authority, key), $"{key}: expected {expected[key]}, the profile says {Value(authority, key)}");
            Assert.False(string.IsNullOrEmpty(Figure(authority, key).GetProperty("source").GetString()));
            Assert.False(string.IsNullOrEmpty(Figure(authority, key).GetProperty("year").GetString()));
        }

        // DfE's own rates: LAIT's children in need per 10,000 for 2025, and the looked-after rate published as a whole number.
        var lait = (await ShippedFiles.ReadCsvAsync("dfe-lait", "lait_bds_long_greater_manchester.csv.gz")).Single(r => r["Short Desc"] == "CIN" && r["Years"] == "2025" && r["LA Number"] == (code == Stockport ? "356" : "357"));
        Assert.Equal(Math.Round(D(lait["Values"]), 1), Value(authority, "cin-rate"));
        Assert.True(Math.Abs(Value(authority, "cla-rate") - expected["cla-published"]) <= 0.5m);
        Assert.Equal("mid-2020", Figure(authority, "population-0-25").GetProperty("year").GetString());
        Assert.Equal("2025", Figure(authority, "cin-rate").GetProperty("year").GetString());
        Assert.Equal(["Greater Manchester", "North West", "England"], profile.GetProperty("benchmarks").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_share_of_LSOAs_in_the_most_deprived_tenth_matches_MHCLGs_own_district_summary()
    {
        var client = await SignInAsync("viewer@stockport.demo");
        var comparison = await JsonAsync(await client.GetAsync($"/api/compare?authorities={Stockport},{Tameside}"));

        foreach (var authority in comparison.GetProperty("authorities").EnumerateArray())
        {
            var code = authority.GetProperty("code").GetString()!;
            foreach (var (sheet, key) in new[] { ("IMD", "imd-most-deprived"), ("IDACI", "idaci-most-deprived") })
            {
                var proportion = (decimal)ShippedFiles.DistrictSummary(sheet, $"{sheet} - Proportion of LSOAs in most deprived 10% nationally", code);
                // MHCLG gives the proportion to four places (Stockport 0.0895 for 17 of 190, 8.947 %): agree within that.
                Assert.True(Math.Abs(proportion * 100 - Value(authority, key)) <= 0.05m, $"{code} {key}: MHCLG {proportion}, profile {Value(authority, key)}");
            }
        }
    }

    [Fact]
    public async Task Greater_Manchester_is_the_sum_of_its_ten_authorities_and_England_has_its_own_row()
    {
        var client = await SignInAsync("viewer@stockport.demo");
        var mye = (await ShippedFiles.ReadCsvAsync("ons-mye", "ons_mye_mid2020_single_year_of_age_persons.csv")).ToDictionary(r => r["Code"]);
        var gmCodes = Enumerable.Range(1, 10).Select(i => $"E080000{i:00}").ToList();
        var eyfsp = (await ShippedFiles.ReadCsvAsync("dfe-eyfsp", "eyfsp_headline_measures_2022.csv.gz"))
            .Where(r => r["characteristic"] == "Total" && r["gender"] == "Total").ToList();
        var gmGld = eyfsp.Where(r => r["geographic_level"] == "Local authority" && gmCodes.Contains(r["new_la_code"])).ToList();
        var england = eyfsp.Single(r => r["geographic_level"] == "National");

        var comparison = await JsonAsync(await client.GetAsync($"/api/compare?authorities={Stockport},{Tameside}"));
        var benchmarks = comparison.GetProperty("benchmarks").EnumerateArray().ToDictionary(b => b.GetProperty("code").GetString()!);

        Assert.Equal(10, gmGld.Count);
        Assert.Equal(gmCodes.Sum(c => Enumerable.Range(0, 26).Sum(a => D(mye[c][a.ToString(CultureInfo.InvariantCulture)]))), Value(benchmarks["E47000001"], "population-0-25"));
        Assert.Equal(Per(gmGld.Sum(r => D(r["gld_number"])), gmGld.Sum(r => D(r["children_number"]))), Value(benchmarks["E47000001"], "gld"));
        Assert.Equal(Per(D(england["gld_number"]), D(england["children_number"])), Value(benchmarks["E92000001"], "gld"));
        Assert.Equal(10.0m, Value(benchmarks["E92000001"], "imd-most-deprived"));
    }

    [Fact]
    public async Task Any_English_authority_can_be_compared_and_bad_requests_name_the_parameter()
    {
        var client = await SignInAsync("viewer@tameside.demo");

        var cornwall = await JsonAsync(await client.GetAsync("/api/compare?authorities=E06000052,E08000008"));
        var unknown = await client.GetAsync("/api/compare?authorities=E08000007,E99999999");
        var none = await client.GetAsync("/api/compare");
        var format = await client.GetAsync($"/api/compare?authorities={Stockport}&format=pdf");
        var notFound = await client.GetAsync("/api/authorities/E99999999/profile");
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["Cornwall", "Tameside"], cornwall.GetProperty("authorities").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(["Greater Manchester", "North West", "South West", "England"], cornwall.GetProperty("benchmarks").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.True(Value(cornwall.GetProperty("authorities")[0], "population-0-25") > 100_000);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("E99999999 is not an English local authority", problem.GetProperty("errors").GetProperty("authorities")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task The_comparison_downloads_as_CSV_with_the_same_figures()
    {
        var client = await SignInAsync("viewer@stockport.demo");
        var expected = await ExpectedAsync(Stockport);

        var response = await client.GetAsync($"/api/compare?authorities={Stockport},{Tameside}&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Figure,Unit,Stockport,Tameside,Greater Manchester,North West,England,", lines[0], StringComparison.Ordinal);
        var gld = lines.Single(l => l.StartsWith("Good level of development at the end of reception,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(expected["gld"], D(gld[2]));
    }

    [Fact]
    public async Task The_page_shows_the_table_charts_and_a_map_of_each_authoritys_LSOAs()
    {
        var client = await SignInAsync("director@partnership.demo");
        var expected = await ExpectedAsync(Stockport);

        var (response, page) = await client.GetPageAsync("/evidence");
        var (single, profile) = await client.GetPageAsync($"/evidence/{Stockport}");
        var missing = await client.GetAsync("/evidence/E99999999");
        var (bad, badPage) = await client.GetPageAsync("/evidence?authorities=E99999999");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = page.QuerySelectorAll("#comparison thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Figure", "Stockport", "Tameside", "Greater Manchester", "North West", "England", "Source"], headers);
        var gldRow = page.QuerySelector("#comparison tr[data-figure='gld']")!;
        Assert.StartsWith(expected["gld"].ToString("0.0", CultureInfo.InvariantCulture) + "%", gldRow.QuerySelectorAll("td")[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#bar-imd-most-deprived svg desc"));
        Assert.NotNull(page.QuerySelector("#trend-gld svg desc"));
        Assert.NotNull(page.QuerySelector("section[aria-labelledby='trend-gld-heading'] table tbody tr"));
        Assert.Equal(190 + 141, page.QuerySelectorAll("#deprivation-map svg[role='img'] circle").Length);
        Assert.Contains("Stockport has 190 LSOAs", page.QuerySelector("#map-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal("Stockport: contextual profile", profile.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("E99999999 is not an English local authority", badPage.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_from_public_data_is_made_once_per_import_and_made_again_after_an_import()
    {
        var cache = App.Services.GetRequiredService<EvidenceCache>();
        var made = 0;
        Task<byte[]> Make() => Task.FromResult(new[] { (byte)++made });
        var key = $"test|{Guid.NewGuid()}";

        var first = await cache.ResponseAsync(key, Make, CancellationToken.None);
        var again = await cache.ResponseAsync(key, Make, CancellationToken.None);
        await using (var db = App.Database.OpenAsSystem())
        {
            // An import records itself in the provenance table; that is what the cache watches.
            var import = await db.DatasetImports.FirstAsync();
            import.ImportedAt = import.ImportedAt.AddSeconds(1);
            await db.SaveChangesAsync();
        }

        var afterImport = await cache.ResponseAsync(key, Make, CancellationToken.None);

        Assert.Equal([1, 1, 2], new[] { first[0], again[0], afterImport[0] });
    }

    [Fact]
    public async Task The_evidence_needs_sign_in()
    {
        var anonymous = App.Anonymous();

        var page = await anonymous.GetAsync("/evidence");
        var api = await anonymous.GetAsync($"/api/authorities/{Stockport}/profile");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/sign-in", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}

public sealed class EvidenceTestsOnSqlite(SqliteEvidenceApp app) : EvidenceTests<SqliteEvidenceApp>(app);

public sealed class EvidenceTestsOnPostgres(PostgresEvidenceApp app) : EvidenceTests<PostgresEvidenceApp>(app);
