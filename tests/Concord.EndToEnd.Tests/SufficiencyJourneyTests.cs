using Microsoft.Playwright;

namespace Concord.EndToEnd.Tests;

/// <summary>
/// A Stockport officer reads the specialist places forecast, runs a placement plan, saves a scenario
/// and compares it with the registers as they are, in Chromium, each page checked for accessibility.
/// </summary>
public sealed class SufficiencyJourneyTests(BrowserFixture fixture) : BrowserTests(fixture)
{
    [Fact]
    public async Task An_officer_forecasts_places_runs_a_plan_and_compares_two_scenarios()
    {
        await using var journey = await Journey.StartAsync(Fixture);
        var page = journey.Page;
        await journey.SignInAsync("officer@stockport.demo");

        await journey.FollowAsync("SEND sufficiency");
        Assert.Equal("SEND sufficiency", await page.Locator("h1").InnerTextAsync());
        await journey.FollowAsync("Stockport's forecast");
        Assert.Equal("Stockport: specialist places forecast", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(10, await page.Locator("#forecast-table tbody tr").CountAsync());
        Assert.Equal(1, await page.Locator("#places-chart svg[role=img]").CountAsync());

        await journey.OpenAsync("/sufficiency");
        await journey.FollowAsync("Stockport and Tameside shared services");
        await journey.FollowAsync("Placement plans");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the plan" }).ClickAsync();
        await journey.ScanAsync();
        Assert.StartsWith("Placement plan for", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#synthetic-warning").CountAsync());
        Assert.Contains("Annual cost in all", await page.Locator("#alone-and-sharing").InnerTextAsync(), StringComparison.Ordinal);

        await journey.OpenAsync("/sufficiency");
        await journey.FollowAsync("Stockport and Tameside shared services");
        await journey.FollowAsync("Scenarios");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Twenty more resourced places");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and add changes" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Equal("Twenty more resourced places", await page.Locator("h1").InnerTextAsync());

        await page.GetByLabel("Add places at a provision").CheckAsync();
        // Local (commissioned) places close the gap; bought ones would not.
        var provision = page.Locator("#Change_ProvisionId option", new() { HasTextString = "resourced provision" }).First;
        await page.Locator("#Change_ProvisionId").SelectOptionAsync(await provision.GetAttributeAsync("value") ?? string.Empty);
        await page.Locator("#Change_Places").FillAsync("20");
        await page.Locator("#Change_From").FillAsync("1");
        await page.Locator("#Change_From_Month").FillAsync("9");
        await page.Locator("#Change_From_Year").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the change" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Contains("+20 places at", await page.Locator("#changes").InnerTextAsync(), StringComparison.Ordinal);

        await journey.FollowAsync("Compare with the registers as they are");
        Assert.Equal("Compare scenarios", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(2, await page.Locator("#gap-chart svg[role=img] polyline").CountAsync());
        var headers = await page.Locator("#gap-table thead th").AllInnerTextsAsync();
        Assert.Equal(["School year", "Current plans", "Twenty more resourced places"], headers.Select(h => h.Trim()));
        var gaps = await page.Locator("#gap-table tbody tr[data-year='2028'] td").AllInnerTextsAsync();
        Assert.NotEqual(gaps[0], gaps[1]);
        await journey.SaveScreenshotAsync("scenario-comparison");

        Assert.Empty(journey.Violations);
        Assert.Empty(journey.ConsoleErrors);
    }
}
