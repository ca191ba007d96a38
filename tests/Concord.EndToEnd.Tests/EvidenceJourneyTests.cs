using Microsoft.Playwright;

namespace Concord.EndToEnd.Tests;

/// <summary>A scrutiny councillor compares the two boroughs and looks at the deprivation map, in Chromium, each page checked for accessibility.</summary>
public sealed class EvidenceJourneyTests(BrowserFixture fixture) : BrowserTests(fixture)
{
    [Fact]
    public async Task A_councillor_compares_Stockport_and_Tameside_adds_Trafford_and_reads_the_map()
    {
        await using var journey = await Journey.StartAsync(Fixture);
        var page = journey.Page;
        await journey.SignInAsync("viewer@tameside.demo");

        await journey.FollowAsync("Evidence");
        Assert.Equal("Compare authorities", await page.Locator("h1").InnerTextAsync());
        var headers = await page.Locator("#comparison thead th").AllInnerTextsAsync();
        Assert.Equal(["Figure", "Stockport", "Tameside", "Greater Manchester", "North West", "England", "Source"], headers.Select(h => h.Trim()));
        Assert.Equal(190 + 141, await page.Locator("#deprivation-map svg[role=img] circle").CountAsync());
        Assert.Contains("Tameside has 141 LSOAs", await page.Locator("#map-summary").InnerTextAsync(), StringComparison.Ordinal);
        await journey.SaveScreenshotAsync("evidence-comparison");

        await page.GetByLabel("Trafford").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Contains("Trafford", await page.Locator("#comparison thead").InnerTextAsync(), StringComparison.Ordinal);

        await journey.FollowAsync("Stockport");
        Assert.Equal("Stockport: contextual profile", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Not available", await page.Locator("#comparison").InnerTextAsync(), StringComparison.Ordinal);

        Assert.Empty(journey.Violations);
        Assert.Empty(journey.ConsoleErrors);
    }
}
