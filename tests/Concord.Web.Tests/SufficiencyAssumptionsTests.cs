using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core.Access;
using Concord.Core.Sufficiency;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Concord.Web.Tests.SufficiencyTestSupport;

namespace Concord.Web.Tests;

/// <summary>
/// Each council's sufficiency assumptions, on screen and through the API: Concord's stated defaults
/// until the council saves its own, labelled as assumptions; read by partners, changed only by the
/// council's own staff; bad figures refused naming each field. And the SEND sufficiency hub.
/// </summary>
public abstract class SufficiencyAssumptionsTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<SufficiencySettings?> SettingsAsync(string council) =>
        ReadAsync(async db =>
        {
            var id = (await db.Authorities.SingleAsync(a => a.Name == council)).Id;
            return await db.SufficiencySettings.SingleOrDefaultAsync(s => s.AuthorityId == id);
        });

    [Fact]
    public async Task A_councils_assumptions_show_Concords_defaults_until_it_saves_its_own_and_its_partner_reads_them()
    {
        await using (var db = App.Database.OpenAsSystem())
        {
            var tameside = await db.Authorities.SingleAsync(a => a.Name == "Tameside");
            db.SufficiencySettings.RemoveRange(await db.SufficiencySettings.Where(s => s.AuthorityId == tameside.Id).ToListAsync());
            await db.SaveChangesAsync();
        }

        var own = await SignInAsync("officer@tameside.demo");
        var partner = await SignInAsync("officer@stockport.demo");

        var (_, before) = await own.GetPageAsync("/sufficiency/assumptions");
        var defaults = await JsonAsync(await own.GetAsync($"/api/authorities/{Tameside}/sufficiency-settings"));
        var saved = await JsonAsync(await own.PutAsJsonAsync($"/api/authorities/{Tameside}/sufficiency-settings",
            new { costBands = new Dictionary<string, decimal> { ["SpecialSchool"] = 26_000m }, maxTravelKm = 20 }));
        var (_, read) = await partner.GetPageAsync($"/sufficiency/assumptions?authority={Tameside}");
        var readApi = await JsonAsync(await partner.GetAsync($"/api/authorities/{Tameside}/sufficiency-settings"));

        Assert.Equal("Tameside's sufficiency assumptions", before.Text("h1"));
        Assert.Contains("Concord's defaults", before.Text("#assumptions-status"), StringComparison.Ordinal);
        Assert.Contains("These are assumptions", before.Text("#assumptions-warning"), StringComparison.Ordinal);
        Assert.Contains("own SEN2 return and costs", before.Text("#assumptions-warning"), StringComparison.Ordinal);
        Assert.Equal("£24,000", before.Text("#cost-bands tr[data-kind='SpecialSchool'] td"));
        Assert.Equal(["31%", "50%"], before.QuerySelectorAll("#need-mix tr[data-need='ASD'] td").Select(td => td.TextContent.Trim()));
        Assert.Equal("100%", before.Text("#age-mix tfoot td"));
        Assert.NotNull(before.QuerySelector("a[href='/sufficiency/assumptions/edit']"));
        Assert.False(defaults.GetProperty("saved").GetBoolean());
        Assert.Equal(JsonValueKind.Null, defaults.GetProperty("version").ValueKind);
        Assert.Equal(31m, defaults.GetProperty("needMix").GetProperty("ASD").GetDecimal());
        Assert.Contains("Concord's defaults", defaults.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.True(saved.GetProperty("saved").GetBoolean());
        Assert.Equal(62_000m, saved.GetProperty("costBands").GetProperty("IndependentSpecial").GetDecimal());
        Assert.Equal("£26,000", read.Text("#cost-bands tr[data-kind='SpecialSchool'] td"));
        Assert.Contains("Saved by Tameside", read.Text("#assumptions-status"), StringComparison.Ordinal);
        Assert.Null(read.QuerySelector("a[href='/sufficiency/assumptions/edit']"));
        Assert.Equal("20 km in a straight line", read.Text("#travel dd"));
        Assert.False(readApi.GetProperty("canChange").GetBoolean());
        Assert.Equal(26_000m, (await SettingsAsync("Tameside"))!.BandFor(ProvisionKind.SpecialSchool));
    }

    [Fact]
    public async Task Only_a_councils_own_staff_who_may_edit_change_its_assumptions_by_page_API_or_database()
    {
        var tameside = await AuthorityAsync("Tameside");
        var stockport = await AuthorityAsync("Stockport");
        var before = (await SettingsAsync("Tameside"))!;
        var ownBefore = (await SettingsAsync("Stockport"))!;
        var partner = await SignInAsync("officer@stockport.demo");
        var viewer = await SignInAsync("viewer@stockport.demo");

        var put = await partner.PutAsJsonAsync($"/api/authorities/{Tameside}/sufficiency-settings", new { maxTravelKm = 99, version = before.Version });
        var viewerPut = await viewer.PutAsJsonAsync($"/api/authorities/{Stockport}/sufficiency-settings", new { maxTravelKm = 99, version = ownBefore.Version });
        var viewerPage = await viewer.GetAsync("/sufficiency/assumptions/edit");
        var (_, viewerRead) = await viewer.GetPageAsync("/sufficiency/assumptions");

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("Tameside's own staff", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, viewerPut.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerPage.StatusCode);
        Assert.Null(viewerRead.QuerySelector("a[href='/sufficiency/assumptions/edit']"));

        await using (var db = App.Database.Open(new FixedUser(stockport.Id, Role.Officer)))
        {
            var seen = await db.SufficiencySettings.SingleAsync(s => s.AuthorityId == tameside.Id);
            seen.Change(ProvisionKinds.All.ToDictionary(k => k, k => (decimal?)1m), Needs.All.ToDictionary(n => n, n => (decimal?)seen.ShareOf(n)),
                AgeBands.All.ToDictionary(b => b, b => (decimal?)seen.ShareOf(b)), Needs.All.ToDictionary(n => n, n => (decimal?)0m), 1, 0);
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        var after = (await SettingsAsync("Tameside"))!;
        Assert.Equal((before.Version, before.MaxTravelKm), (after.Version, after.MaxTravelKm));
        Assert.Equal(ownBefore.Version, (await SettingsAsync("Stockport"))!.Version);
    }

    [Fact]
    public async Task An_officer_changes_the_assumptions_on_the_page_and_bad_figures_are_refused_naming_each_field()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var before = (await SettingsAsync("Stockport"))!;

        var bad = await client.SubmitAsync("/sufficiency/assumptions/edit", "main form", ("Input.CostBands[0]", "lots"), ("Input.NeedMix[0]", "40"), ("Input.MaxTravelKm", "0"));
        var badPage = await Browser.ParseAsync(bad);
        var unchanged = (await SettingsAsync("Stockport"))!;
        var good = await client.SubmitAsync("/sufficiency/assumptions/edit", "main form", ("Input.CostBands[0]", "25,000"), ("Input.TravelCostPerKm", "400"));
        var (_, page) = await client.GetPageAsync("/sufficiency/assumptions");
        var stale = await client.PutAsJsonAsync($"/api/authorities/{Stockport}/sufficiency-settings", new { maxTravelKm = 30, version = before.Version });
        var unknown = await client.PutAsJsonAsync($"/api/authorities/{Stockport}/sufficiency-settings",
            new { needMix = new Dictionary<string, decimal> { ["XYZ"] = 1m }, ageMix = new Dictionary<string, decimal> { ["Primary"] = 50m }, version = (await SettingsAsync("Stockport"))!.Version });
        var unknownErrors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(
        [
            "Enter the annual cost of a place for special school as a number",
            "The percentages must add up to 100; they add up to 109",
            "The furthest distance must be more than 0 and no more than 500 km",
        ], badPage.ErrorMessages());
        Assert.NotNull(badPage.QuerySelector("#Input_NeedMix .govuk-error-message"));
        Assert.Equal(before.Version, unchanged.Version);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("£25,000", page.Text("#cost-bands tr[data-kind='SpecialSchool'] td"));
        Assert.Equal("£400 a year (home to school transport)", page.Text("#travel .govuk-summary-list__row:nth-child(2) dd"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.StartsWith("'XYZ' is not a need code", unknownErrors.GetProperty("needMix")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(25_000m, (await SettingsAsync("Stockport"))!.BandFor(ProvisionKind.SpecialSchool));
    }

    [Fact]
    public async Task A_council_in_no_partnership_with_Stockport_cannot_read_its_assumptions()
    {
        var client = await App.SignInAsBoltonOfficerAsync();

        var api = await client.GetAsync($"/api/authorities/{Stockport}/sufficiency-settings");
        var page = await client.GetAsync($"/sufficiency/assumptions?authority={Stockport}");
        var put = await client.PutAsJsonAsync($"/api/authorities/{Stockport}/sufficiency-settings", new { maxTravelKm = 1 });
        var (_, own) = await client.GetPageAsync("/sufficiency/assumptions");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal("Bolton's sufficiency assumptions", own.Text("h1"));
    }

    [Fact]
    public async Task The_hub_links_each_councils_forecast_the_partnerships_plans_the_registers_each_councils_assumptions_and_the_councils_own_children_and_nothing_else()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var partnership = await DemoPartnershipAsync();

        var (response, page) = await client.GetPageAsync("/sufficiency");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"/authorities/{Stockport}/sufficiency", $"/authorities/{Tameside}/sufficiency", $"/partnerships/{partnership.Id}/sufficiency", "/provisions", $"/sufficiency/assumptions?authority={Stockport}", $"/sufficiency/assumptions?authority={Tameside}", "/sufficiency/children"],
            page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        var navigation = page.QuerySelector(".govuk-service-navigation__item--active a")!;
        Assert.Equal(("/sufficiency", "SEND sufficiency"), (navigation.GetAttribute("href"), navigation.TextContent.Trim()));
    }
}

public sealed class SufficiencyAssumptionsTestsOnSqlite(SqliteApp app) : SufficiencyAssumptionsTests<SqliteApp>(app);

public sealed class SufficiencyAssumptionsTestsOnPostgres(PostgresApp app) : SufficiencyAssumptionsTests<PostgresApp>(app);
