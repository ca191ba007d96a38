using Microsoft.Playwright;

namespace Concord.EndToEnd.Tests;

/// <summary>A finance business partner keeps the council's high needs budget, in Chromium, each page checked for accessibility.</summary>
public sealed class HighNeedsJourneyTests(BrowserFixture fixture) : BrowserTests(fixture)
{
    [Fact]
    public async Task Stockports_finance_business_partner_updates_a_forecast_and_reads_the_reconciliation()
    {
        await using var journey = await Journey.StartAsync(Fixture);
        var page = journey.Page;
        await journey.SignInAsync("finance@stockport.demo");

        await journey.FollowAsync("Money");
        await journey.FollowAsync("High needs budget");
        await journey.FollowAsync("2020-21");
        Assert.Equal("High needs budget 2020-21", await page.Locator("h1").InnerTextAsync());
        var reconciliation = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "DSG deficit reconciliation" }) });
        Assert.Contains("£1.871m", await reconciliation.Locator("tbody tr").Last.InnerTextAsync(), StringComparison.Ordinal);
        await journey.SaveScreenshotAsync("high-needs-budget");

        await journey.FollowAsync("Change the budgets and forecasts");
        var quarter4 = page.GetByLabel("Forecast, 2020-21 quarter 4").First;
        await quarter4.FillAsync("lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Equal("There is a problem", await page.Locator(".govuk-error-summary__title").InnerTextAsync());

        // Special schools' quarter 4 forecast rises by £100,000: the in-year forecast and the balance follow.
        await page.GetByLabel("Forecast, 2020-21 quarter 4").First.FillAsync("14,515,000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Contains("is saved", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("£1.971m", await reconciliation.Locator("tbody tr").Last.InnerTextAsync(), StringComparison.Ordinal);

        await journey.FollowAsync("Change the reconciliation");
        await journey.OpenAsync("/high-needs/2020-21/recovery");
        await journey.OpenAsync("/high-needs/2020-21/summary");
        await journey.OpenAsync("/high-needs/new");
        await journey.OpenAsync("/dsg?year=2021-22");
        Assert.Contains("Stockport (356)", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await journey.FollowAsync("About this dataset");
        Assert.Contains("Open Government Licence v3.0", await page.Locator(".govuk-summary-list").InnerTextAsync(), StringComparison.Ordinal);
        await journey.FollowAsync("All public data");

        Assert.Empty(journey.Violations);
        Assert.Empty(journey.ConsoleErrors);
    }
}
