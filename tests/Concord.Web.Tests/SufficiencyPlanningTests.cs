using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core.Sufficiency;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>
/// SEND sufficiency planning with every public dataset imported and the demo's registers and
/// synthetic children: forecasts from LAIT's counts (read here from the shipped file), placement
/// plans kept and read back, scenarios saved and compared, synthetic children generated.
/// </summary>
public abstract class SufficiencyPlanningTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string Stockport = "E08000007", Tameside = "E08000008";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>EHC plans at January of a year for a council (by DfE number), straight from LAIT's shipped file.</summary>
    private static async Task<int> LaitPlansAsync(int dfeNumber, int year)
    {
        var rows = await ShippedFiles.ReadCsvAsync("dfe-lait", "lait_bds_long_greater_manchester.csv.gz");
        return int.Parse(rows.Single(r => r["Short Desc"] == "SEN_CASES_JAN" && r["LA Number"] == dfeNumber.ToString(CultureInfo.InvariantCulture) && r["Years"] == year.ToString(CultureInfo.InvariantCulture))["Values"], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_forecast_starts_from_LAITs_latest_count_and_its_plans_are_prevalence_times_population()
    {
        var client = await SignInAsync("viewer@tameside.demo");

        var forecast = await JsonAsync(await client.GetAsync($"/api/authorities/{Stockport}/sufficiency?years=3"));

        var history = forecast.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(await LaitPlansAsync(356, 2025), history.Single(h => h.GetProperty("year").GetInt32() == 2025).GetProperty("plans").GetInt32());
        Assert.Equal(await LaitPlansAsync(356, 2019), history.Single(h => h.GetProperty("year").GetInt32() == 2019).GetProperty("plans").GetInt32());
        Assert.Equal(2025, forecast.GetProperty("trend").GetProperty("startsFrom").GetInt32());
        Assert.Equal([2019, 2020, 2021, 2022], forecast.GetProperty("trend").GetProperty("fittedYears").EnumerateArray().Select(y => y.GetInt32()));
        var years = forecast.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(3, years.Count);
        foreach (var year in years)
        {
            // Plans = EHC plans per 1,000 × people aged 0 to 25 ÷ 1,000, each shown to one decimal place.
            var expected = year.GetProperty("perThousand").GetDecimal() * year.GetProperty("population0To25").GetInt32() / 1000m;
            Assert.True(Math.Abs(expected - year.GetProperty("plans").GetDecimal()) <= year.GetProperty("population0To25").GetInt32() * 0.05m / 1000m + 0.1m);
            var byNeed = year.GetProperty("specialistByNeed").EnumerateObject().Sum(n => n.Value.GetDecimal());
            Assert.True(Math.Abs(byNeed - year.GetProperty("specialistPlaces").GetDecimal()) <= 1m);
            Assert.True(Math.Abs(year.GetProperty("specialistPlaces").GetDecimal() - year.GetProperty("localPlaces").GetInt32() - year.GetProperty("gap").GetDecimal()) <= 0.1m);
        }

        var backtests = forecast.GetProperty("backtests").EnumerateArray().ToList();
        Assert.Equal(2, backtests.Count);
        Assert.Equal([2023, 2024, 2025], backtests[1].GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        Assert.True(backtests[1].GetProperty("meanAbsolutePercentageError").GetDecimal() > 0);
        Assert.Equal(9, forecast.GetProperty("newPlans").GetArrayLength());
    }

    [Fact]
    public async Task The_forecast_page_shows_each_year_its_chart_and_the_backtests()
    {
        var client = await SignInAsync("officer@stockport.demo");

        var (response, page) = await client.GetPageAsync($"/authorities/{Tameside}/sufficiency?years=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tameside: specialist places forecast", page.Text("h1"));
        Assert.Equal(5, page.QuerySelectorAll("#forecast-table tbody tr").Length);
        Assert.NotNull(page.QuerySelector("#places-chart svg desc"));
        Assert.NotNull(page.QuerySelector("#backtest-recent"));
        Assert.Contains((await LaitPlansAsync(357, 2025)).ToString("N0", CultureInfo.GetCultureInfo("en-GB")), page.Text("#forecast-basis"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authority_without_a_history_of_plans_in_the_imported_data_has_no_forecast_and_says_why()
    {
        var client = await SignInAsync("viewer@stockport.demo");

        var leeds = await JsonAsync(await client.GetAsync("/api/authorities/E08000035/sufficiency"));
        var (_, page) = await client.GetPageAsync("/authorities/E08000035/sufficiency");
        var unknown = await client.GetAsync("/api/authorities/E99999999/sufficiency");
        var badGrowth = await client.GetAsync($"/api/authorities/{Stockport}/sufficiency?growth=80");

        Assert.False(leeds.GetProperty("available").GetBoolean());
        Assert.Contains("fewer than two years", leeds.GetProperty("unavailable").GetString(), StringComparison.Ordinal);
        Assert.Contains("No forecast", page.Text("#unavailable"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badGrowth.StatusCode);
    }

    [Fact]
    public async Task A_placement_plan_places_the_councils_children_alone_and_sharing_and_is_kept()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("officer@tameside.demo");
        var (stockport, tameside) = (await AuthorityAsync("Stockport"), await AuthorityAsync("Tameside"));
        var needing = await ReadAsync(db => db.EhcpRecords.Where(r => r.NeedsSpecialistPlace).GroupBy(r => r.AuthorityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));

        var created = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/placement-plans", new { mode = "Alone" });
        var plan = await JsonAsync(created);
        var kept = await JsonAsync(await client.GetAsync(created.Headers.Location));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(plan.GetProperty("id").GetGuid(), kept.GetProperty("id").GetGuid());
        Assert.True(plan.GetProperty("synthetic").GetBoolean());
        Assert.Equal("Alone", plan.GetProperty("mode").GetString());
        foreach (var mode in new[] { "alone", "sharing" })
        {
            var summary = plan.GetProperty(mode);
            var councils = summary.GetProperty("councils").EnumerateArray().ToDictionary(c => c.GetProperty("authorityId").GetGuid());
            Assert.Equal(needing[stockport.Id], councils[stockport.Id].GetProperty("children").GetInt32());
            Assert.Equal(needing[tameside.Id], councils[tameside.Id].GetProperty("children").GetInt32());
            foreach (var council in councils.Values)
            {
                Assert.Equal(council.GetProperty("children").GetInt32(), council.GetProperty("placed").GetInt32() + council.GetProperty("unplaced").GetInt32());
                Assert.Equal(council.GetProperty("placeCost").GetDecimal() + council.GetProperty("travelCost").GetDecimal(), council.GetProperty("totalCost").GetDecimal());
            }

            var combined = summary.GetProperty("combined");
            Assert.Equal(councils.Values.Sum(c => c.GetProperty("totalCost").GetDecimal()), combined.GetProperty("totalCost").GetDecimal());
            Assert.Equal(summary.GetProperty("provisions").EnumerateArray().Sum(p => p.GetProperty("used").GetInt32()), combined.GetProperty("placed").GetInt32());
            Assert.All(summary.GetProperty("provisions").EnumerateArray(), p => Assert.True(p.GetProperty("used").GetInt32() <= p.GetProperty("places").GetInt32()));
        }

        // Alone, nobody takes another council's places, so nothing is recharged; sharing never costs the partnership more.
        Assert.Equal(0, plan.GetProperty("alone").GetProperty("recharges").GetArrayLength());
        Assert.True(plan.GetProperty("sharing").GetProperty("objective").GetInt64() <= plan.GetProperty("alone").GetProperty("objective").GetInt64());
        Assert.True(plan.GetProperty("combinedSharingDifference").GetProperty("planCostSaved").GetDecimal() >= 0);
        var audited = await ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(PlacementPlan) && a.EntityKey == plan.GetProperty("id").GetGuid().ToString()));
        Assert.True(audited);

        // The page says what sharing changes in children placed and in money actually spent (never the planner's weight on an unplaced child).
        var (alone, sharing) = (plan.GetProperty("alone").GetProperty("combined"), plan.GetProperty("sharing").GetProperty("combined"));
        var placedMore = sharing.GetProperty("placed").GetInt32() - alone.GetProperty("placed").GetInt32();
        var extra = sharing.GetProperty("totalCost").GetDecimal() - alone.GetProperty("totalCost").GetDecimal();
        var (_, page) = await client.GetPageAsync($"/placement-plans/{plan.GetProperty("id").GetGuid()}");
        Assert.True(placedMore > 0, "the demo's councils are short of places, so sharing places more of their children");
        Assert.Contains($"sharing places {placedMore:N0} more children for £{Math.Round(Math.Abs(extra)):N0} {(extra > 0 ? "more" : "less")} a year.",
            page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_cannot_run_a_plan_and_a_plan_for_a_year_out_of_range_is_refused_naming_it()
    {
        var partnership = await DemoPartnershipAsync();
        var viewer = await SignInAsync("viewer@stockport.demo");
        var officer = await SignInAsync("officer@stockport.demo");
        var before = await ReadAsync(db => db.PlacementPlans.CountAsync());

        var refused = await viewer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/placement-plans", new { mode = "Sharing" });
        var badYear = await officer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/placement-plans", new { year = 1999 });
        var badScenario = await officer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/placement-plans", new { scenarioId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Contains("The school year must be from", await badYear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badScenario.StatusCode);
        Assert.Equal(before, await ReadAsync(db => db.PlacementPlans.CountAsync()));
    }

    [Fact]
    public async Task A_scenario_adding_local_places_narrows_the_gap_from_its_date_in_the_comparison()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("officer@stockport.demo");
        var resourced = await ReadAsync(db => db.Provisions.FirstAsync(p => p.Kind == ProvisionKind.ResourcedProvision));
        var year = DateTime.UtcNow.Month >= 9 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1;

        var created = await JsonAsync(await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/scenarios", new
        {
            name = "Thirty places in a year",
            mode = "Sharing",
            changes = new[] { new { kind = "AddPlaces", provisionId = resourced.Id, places = 30, from = new DateOnly(year + 1, 9, 1) } },
        }));
        var id = created.GetProperty("id").GetGuid();
        var comparison = await JsonAsync(await client.GetAsync($"/api/partnerships/{partnership.Id}/scenarios/compare?ids=current,{id}&years=3"));
        var csv = await client.GetAsync($"/api/partnerships/{partnership.Id}/scenarios/compare?ids=current,{id}&years=3&format=csv");

        var (current, scenario) = (comparison[0].GetProperty("years"), comparison[1].GetProperty("years"));
        Assert.Equal(current[0].GetProperty("localPlaces").GetInt32(), scenario[0].GetProperty("localPlaces").GetInt32());
        Assert.Equal(current[1].GetProperty("localPlaces").GetInt32() + 30, scenario[1].GetProperty("localPlaces").GetInt32());
        Assert.Equal(current[1].GetProperty("gap").GetDecimal() - 30, scenario[1].GetProperty("gap").GetDecimal());
        Assert.Contains($"+30 places at {resourced.Name} from 1 September {year + 1}", created.GetProperty("described")[0].GetString(), StringComparison.Ordinal);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 6, lines.Length);

        // A plan for next year on its own places the same children at the same cost as the comparison's year.
        var plan = await JsonAsync(await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/placement-plans", new { mode = "Sharing", year = year + 1 }));
        var planned = plan.GetProperty("sharing").GetProperty("combined");
        Assert.Equal((planned.GetProperty("children").GetInt32(), planned.GetProperty("placed").GetInt32(), planned.GetProperty("totalCost").GetDecimal()),
            (current[1].GetProperty("children").GetInt32(), current[1].GetProperty("placed").GetInt32(), current[1].GetProperty("totalCost").GetDecimal()));
        Assert.StartsWith("Scenario,School year,Specialist places needed", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_scenario_is_refused_naming_the_change_and_nothing_is_saved()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("officer@stockport.demo");
        var stockport = await AuthorityAsync("Stockport");
        var before = await ReadAsync(db => db.Scenarios.CountAsync());

        var upsideDown = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/scenarios", new
        {
            name = "Upside down",
            mode = "Alone",
            changes = new object[]
            {
                new { kind = "OpenProvision", from = new DateOnly(2027, 9, 1), provision = new { name = "New unit", kind = "SenUnit", authorityId = stockport.Id, areaCode = Stockport, latitude = 53.41, longitude = -2.16, ageFrom = 16, ageTo = 11, needs = new[] { "Asd" }, places = 10 } },
            },
        });
        var unknownProvision = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/scenarios", new
        {
            name = "Unknown",
            mode = "Alone",
            changes = new[] { new { kind = "RemovePlaces", provisionId = Guid.NewGuid(), places = 5, from = new DateOnly(2027, 9, 1) } },
        });
        var tooMany = await client.GetAsync($"/api/partnerships/{partnership.Id}/scenarios/compare?ids=current,current,x,y,z");

        Assert.Equal(HttpStatusCode.BadRequest, upsideDown.StatusCode);
        Assert.Contains("Change 1: the age range is upside down (16 to 11)", await upsideDown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownProvision.StatusCode);
        Assert.Contains("choose a provision in a member council's register", await unknownProvision.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(before, await ReadAsync(db => db.Scenarios.CountAsync()));
    }

    [Fact]
    public async Task Generated_children_match_the_councils_real_total_exactly_and_are_marked_synthetic()
    {
        var client = await SignInAsync("officer@tameside.demo");
        var tameside = await AuthorityAsync("Tameside");
        var stockportBefore = await ReadAsync(db => db.EhcpRecords.CountAsync(r => r.AuthorityId != tameside.Id));

        var generated = await JsonAsync(await client.PostAsJsonAsync("/api/ehcps/generate", new { seed = 7 }));
        var records = await ReadAsync(db => db.EhcpRecords.Where(r => r.AuthorityId == tameside.Id).ToListAsync());
        var batch = await ReadAsync(db => db.EhcpBatches.Where(b => b.AuthorityId == tameside.Id).OrderByDescending(b => b.LoadedAt).FirstAsync());
        var (_, page) = await client.GetPageAsync("/sufficiency/children");

        var real = await LaitPlansAsync(357, 2025);
        Assert.Equal(real, records.Count);
        Assert.All(records, r => Assert.True(r.Synthetic));
        Assert.Equal((true, real, "DfE Local Authority Interactive Tool, EHC plans at January 2025"), (batch.Synthetic, batch.CalibratedTo!.Value, batch.CalibrationSource));
        var calibration = generated.GetProperty("calibration");
        Assert.Equal(real, calibration.GetProperty("total").GetProperty("generated").GetInt32());
        Assert.All(calibration.GetProperty("byNeed").EnumerateArray(), n => Assert.Equal(n.GetProperty("target").GetInt32(), n.GetProperty("generated").GetInt32()));
        Assert.Equal(stockportBefore, await ReadAsync(db => db.EhcpRecords.CountAsync(r => r.AuthorityId != tameside.Id)));
        Assert.Contains("Synthetic", page.DocumentElement.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_cannot_generate_children_and_a_council_cannot_read_anothers_children()
    {
        var viewer = await SignInAsync("viewer@stockport.demo");
        var tamesideOfficer = await SignInAsync("officer@tameside.demo");
        var stockport = await AuthorityAsync("Stockport");

        var refused = await viewer.PostAsJsonAsync("/api/ehcps/generate", new { seed = 1 });
        var own = await JsonAsync(await tamesideOfficer.GetAsync("/api/ehcps"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(stockport.Id.ToString(), own.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("SYN-STO-", own.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenario_pages_save_a_scenario_add_a_change_and_compare_it()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("officer@stockport.demo");
        var resourced = await ReadAsync(db => db.Provisions.FirstAsync(p => p.Kind == ProvisionKind.ResourcedProvision));

        var saved = await client.SubmitAsync($"/partnerships/{partnership.Id}/scenarios", "#new-scenario", ("Input.Name", "Page scenario"), ("Input.Mode", "Alone"));
        var scenarioUrl = saved.Headers.Location!.OriginalString;
        var changed = await client.SubmitAsync(scenarioUrl, "#add-change", ("Change.Kind", "AddPlaces"), ("Change.ProvisionId", resourced.Id.ToString()),
            ("Change.Places", "12"), ("Change.From.Day", "1"), ("Change.From.Month", "9"), ("Change.From.Year", "2028"));
        var refused = await client.SubmitAsync(scenarioUrl, "#add-change", ("Change.Kind", "AddPlaces"), ("Change.ProvisionId", resourced.Id.ToString()), ("Change.Places", "none"));
        var (_, scenario) = await client.GetPageAsync(scenarioUrl);
        var id = scenarioUrl.Split('/')[^1];
        var (compared, comparison) = await client.GetPageAsync($"/partnerships/{partnership.Id}/scenarios/compare?ids=current&ids={id}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"+12 places at {resourced.Name} from 1 September 2028", scenario.Text("#changes"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, compared.StatusCode);
        Assert.Equal(2, comparison.QuerySelectorAll("#gap-chart svg polyline").Length);
        Assert.Equal(["School year", "Current plans", "Page scenario"], comparison.QuerySelectorAll("#cost-table thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(1, await ReadAsync(db => db.Scenarios.CountAsync(s => s.Name == "Page scenario")));
    }
}

public sealed class SufficiencyPlanningTestsOnSqlite(SqliteEvidenceApp app) : SufficiencyPlanningTests<SqliteEvidenceApp>(app);

public sealed class SufficiencyPlanningTestsOnPostgres(PostgresEvidenceApp app) : SufficiencyPlanningTests<PostgresEvidenceApp>(app);
