using Microsoft.Playwright;

namespace Concord.EndToEnd.Tests;

/// <summary>Real people's journeys through Concord in Chromium, each page checked for accessibility.</summary>
public sealed class JourneyTests(BrowserFixture fixture) : BrowserTests(fixture)
{
    [Fact]
    public async Task The_joint_director_signs_in_visits_each_area_switches_council_and_signs_out()
    {
        await using var journey = await Journey.StartAsync(Fixture);
        var page = journey.Page;

        await journey.SignInAsync("director@partnership.demo");
        Assert.Equal("Welcome, Dr Robin Hart", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("govuk-frontend-supported", await page.Locator("body").GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        await journey.SaveScreenshotAsync("home");

        await journey.FollowAsync("Partnerships");
        await journey.FollowAsync("Stockport and Tameside shared services");
        await journey.FollowAsync("Change name");
        await journey.FollowAsync("Committees and meetings");
        await journey.FollowAsync("Children and Families Scrutiny Committee");
        await journey.FollowAsync("Add a meeting");
        await journey.FollowAsync("Authorities");
        await journey.FollowAsync("Tameside");
        await journey.FollowAsync("Your account");
        await journey.FollowAsync("Create a token");

        await page.GetByLabel("Switch to").SelectOptionAsync(new SelectOptionValue { Label = "Tameside" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch authority" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Contains("Working for: Tameside", await page.Locator(".app-working-for__authority").InnerTextAsync(), StringComparison.Ordinal);
        await journey.FollowAsync("Committees and meetings");
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Executive Cabinet" }).CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Equal("You have signed out.", await page.Locator(".govuk-notification-banner__heading").InnerTextAsync());

        Assert.True(journey.Visited.Count >= 15, $"Only {journey.Visited.Count} pages visited");
        Assert.Empty(journey.Violations);
        Assert.Empty(journey.ConsoleErrors);
    }

    [Fact]
    public async Task A_programme_lead_adds_a_partnership_correcting_mistakes_shown_in_the_error_summary()
    {
        await using var journey = await Journey.StartAsync(Fixture);
        var page = journey.Page;
        await journey.SignInAsync("programme@tameside.demo");
        await journey.OpenAsync("/partnerships/new");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add partnership" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Equal("There is a problem", await page.Locator(".govuk-error-summary__title").InnerTextAsync());
        await page.Locator(".govuk-error-summary a").First.ClickAsync();
        Assert.Equal("Input_Name", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.GetByLabel("Name").FillAsync("Tameside and Oldham early help");
        await page.GetByLabel("Day").FillAsync("1");
        await page.GetByLabel("Month").FillAsync("4");
        await page.GetByLabel("Year").FillAsync("2027");
        await page.GetByLabel("Oldham (E08000004)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add partnership" }).ClickAsync();
        await journey.ScanAsync();

        Assert.Equal("Tameside and Oldham early help", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("1 April 2027", await page.Locator(".govuk-summary-list").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(journey.Violations);
        Assert.Empty(journey.ConsoleErrors);
    }

    [Fact]
    public async Task An_administrator_manages_people_and_searches_the_audit_trail()
    {
        await using var journey = await Journey.StartAsync(Fixture);
        var page = journey.Page;
        await journey.SignInAsync("admin@stockport.demo");

        await journey.FollowAsync("Administration");
        await journey.FollowAsync("People and roles");
        await journey.FollowAsync("Jordan Reeves");
        await journey.FollowAsync("People and roles");
        await journey.FollowAsync("Add a person");
        await page.GetByLabel("Email address").FillAsync("early.years.lead@stockport.example");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Ellis Early Years");
        await page.GetByLabel("Officer:").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Equal("Person added", await page.Locator("h1").InnerTextAsync());

        await journey.OpenAsync("/admin/audit");
        await page.GetByLabel("Search").FillAsync("early.years.lead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await journey.ScanAsync();
        Assert.Contains("early.years.lead@stockport.example", await page.Locator("#audit-entries").TextContentAsync(), StringComparison.Ordinal);

        Assert.Empty(journey.Violations);
        Assert.Empty(journey.ConsoleErrors);
    }

    [Fact]
    public async Task The_public_and_error_pages_are_accessible_too()
    {
        await using var journey = await Journey.StartAsync(Fixture);
        var page = journey.Page;

        await journey.OpenAsync("/sign-in");
        await journey.SaveScreenshotAsync("sign-in");
        await page.GetByLabel("Email address").FillAsync("officer@stockport.demo");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await journey.ScanAsync();
        Assert.Equal("Enter a correct email address and password", await page.Locator(".govuk-error-summary__list").InnerTextAsync());

        await journey.OpenAsync("/accessibility");
        await journey.SignInAsync("viewer@tameside.demo");
        var missing = await journey.OpenAsync("/no/such/page");
        var forbidden = await journey.OpenAsync("/admin/users");

        Assert.Equal(404, missing!.Status);
        Assert.Equal(403, forbidden!.Status);
        Assert.Empty(journey.Violations);
        Assert.Empty(journey.ConsoleErrors);
    }
}
