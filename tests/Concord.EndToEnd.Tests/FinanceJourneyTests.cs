using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace Concord.EndToEnd.Tests;

/// <summary>
/// A Stockport finance officer settles up with Tameside in the browser: the shared posts, a post
/// and its form (with an error), the apportionment measures, the recharge statement for a quarter
/// of 2022-23 with its Excel download, and the what-if comparison. Each page is scanned.
/// </summary>
public sealed class FinanceJourneyTests(BrowserFixture fixture) : BrowserTests(fixture)
{
    [Fact]
    public async Task A_finance_officer_reads_the_shared_posts_and_downloads_a_quarters_recharge_statement()
    {
        await using var journey = await Journey.StartAsync(Fixture);
        var page = journey.Page;

        await journey.SignInAsync("finance@stockport.demo");
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Shared post review due: Joint Director of Education" }).CountAsync());
        await journey.FollowAsync("Partnerships");
        await journey.FollowAsync("Stockport and Tameside shared services");
        await journey.FollowAsync("Shared posts");
        Assert.Equal(5, await page.Locator("#posts tbody tr").CountAsync());
        await journey.FollowAsync("Joint Director of Education");
        Assert.Equal("Joint Director of Education", await page.Locator("h1").InnerTextAsync());
        await journey.FollowAsync("Change the post");
        await page.Locator("#Input_Salary").FillAsync("-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save shared post", Exact = true }).ClickAsync();
        await journey.ScanAsync();
        Assert.Equal("The salary cannot be negative", await page.Locator(".govuk-error-summary__list a").InnerTextAsync());
        await journey.FollowAsync("Back");
        await journey.FollowAsync("Apportionment measures");
        Assert.True(await page.Locator("#measures tbody tr").CountAsync() >= 4);

        await journey.FollowAsync("Recharges");
        await page.GetByLabel("Financial year").FillAsync("2022-23");
        await page.GetByLabel("Period").SelectOptionAsync(new SelectOptionValue { Label = "Quarter 1 (April to June)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show statement", Exact = true }).ClickAsync();
        await journey.ScanAsync();
        Assert.Equal("Recharge statement, 2022-23 quarter 1", await page.Locator("h1").InnerTextAsync());
        var settlement = await page.Locator("#settlements").InnerTextAsync();
        Assert.StartsWith("Stockport owes Tameside £", settlement, StringComparison.Ordinal);
        await journey.SaveScreenshotAsync("recharges");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-xlsx").ClickAsync());
        var path = await download.PathAsync();
        using (var workbook = SpreadsheetDocument.Open(path, false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name?.Value).ToList();
            Assert.Equal(["Items", "Councils", "Settlements"], sheets);
            var settlements = (WorksheetPart)workbook.WorkbookPart.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Last().Id!);
            var row = settlements.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Last();
            Assert.Equal(settlement.Trim(), row.Elements<Cell>().Last().InlineString!.Text!.Text);
        }

        await journey.FollowAsync("What if");
        await page.GetByLabel("Financial year").FillAsync("2022-23");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        await journey.ScanAsync();
        Assert.Equal(5, await page.Locator("#what-if thead th").CountAsync());

        Assert.Equal("recharges-2022-23-q1.xlsx", download.SuggestedFilename);
        Assert.Empty(journey.Violations);
        Assert.Empty(journey.ConsoleErrors);
    }
}
