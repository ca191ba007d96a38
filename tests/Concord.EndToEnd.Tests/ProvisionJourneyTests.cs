using System.Text;
using Microsoft.Playwright;

namespace Concord.EndToEnd.Tests;

/// <summary>
/// An education officer keeps Stockport's SEND provision register and loads its children with EHC
/// plans, in Chromium, each page checked for accessibility.
/// </summary>
public sealed class ProvisionJourneyTests(BrowserFixture fixture) : BrowserTests(fixture)
{
    [Fact]
    public async Task Stockports_officer_reads_the_registers_adds_a_setting_from_GIAS_and_uploads_the_childrens_records()
    {
        await using var journey = await Journey.StartAsync(Fixture);
        var page = journey.Page;
        await journey.SignInAsync("officer@stockport.demo");

        await journey.FollowAsync("SEND sufficiency");
        await journey.FollowAsync("Provision registers");
        Assert.Equal("Provision registers", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Cheadle Heath Primary School resourced provision", await page.Locator("#provisions").InnerTextAsync(), StringComparison.Ordinal);
        await journey.SaveScreenshotAsync("provisions");

        await journey.FollowAsync("Cheadle Heath Primary School resourced provision");
        Assert.Contains("primary resourced places from September 2026", await page.Locator("#planned-changes").InnerTextAsync(), StringComparison.Ordinal);
        await journey.FollowAsync("Change this provision");
        await page.GetByLabel("Youngest age").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save provision" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Contains("The age range is upside down", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);

        await journey.OpenAsync("/provisions/from-gias");
        var first = page.Locator("#nearby tbody tr").First;
        var name = (await first.Locator("th a").InnerTextAsync()).Trim();
        await first.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the selected settings" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Contains($"{name} is added to Stockport's register", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);

        await journey.OpenAsync("/provisions/new");
        await journey.OpenAsync("/provisions/upload");
        await journey.OpenAsync("/sufficiency/assumptions?authority=E08000008");
        await journey.OpenAsync("/sufficiency/assumptions/edit");

        await journey.OpenAsync("/sufficiency/children");
        await journey.FollowAsync("Upload real records as CSV");
        var csv = "Reference,DateOfBirth,PrimaryNeed,Setting,ProvisionUrn,SettingName,SettingAreaCode,HomeLsoa,NeedsSpecialistPlace\n" +
            "E2E-1,2012-05-01,ASD,Specialist,106172,,,E01005743,yes\nE2E-2,2018-10-10,SLCN,Mainstream,,A primary school,E08000007,E01005744,no\n";
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "children.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload records" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Equal("2", (await page.Locator("#record-count").InnerTextAsync()).Trim());
        Assert.Equal(2, await page.Locator("#records tbody tr").CountAsync());

        Assert.Empty(journey.Violations);
        Assert.Empty(journey.ConsoleErrors);
    }
}
