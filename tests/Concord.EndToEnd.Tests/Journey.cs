using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Concord.EndToEnd.Tests;

/// <summary>
/// One person's visit in the browser. Every page it opens is scanned with axe for WCAG 2.2 A and
/// AA rules, and any error in the browser console (a script failing, or the
/// Content-Security-Policy blocking something) is recorded.
/// </summary>
public sealed class Journey(IPage page, string baseAddress) : IAsyncDisposable
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private readonly List<string> _consoleErrors = [];

    public IPage Page { get; } = page;

    public List<string> Violations { get; } = [];

    public List<string> Visited { get; } = [];

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    public static async Task<Journey> StartAsync(BrowserFixture fixture)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var journey = new Journey(await context.NewPageAsync(), fixture.BaseAddress);
        journey.Page.Console += (_, message) =>
        {
            // A page answered with an error status (a form with errors, 404) is logged by the
            // browser as a failed load of the document itself: that is the page, not a fault.
            var documentStatus = message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) &&
                message.Location.StartsWith(journey.Page.Url, StringComparison.Ordinal);
            if (message.Type == "error" && !documentStatus)
            {
                journey._consoleErrors.Add($"{journey.Page.Url}: {message.Text} at {message.Location}");
            }
        };
        return journey;
    }

    public async Task<IResponse?> OpenAsync(string path)
    {
        var response = await Page.GotoAsync(baseAddress + path);
        await ScanAsync();
        return response;
    }

    /// <summary>Scans the page as it is now (for example after a form came back with errors).</summary>
    public async Task ScanAsync()
    {
        var path = new Uri(Page.Url).PathAndQuery;
        Visited.Add(path);
        var result = await Page.RunAxe(WcagAa);
        if (result.Passes.Length == 0)
        {
            // axe always passes some rule on a real page; none means it did not run.
            Violations.Add($"{path}: axe checked nothing");
        }

        Violations.AddRange(result.Violations.Select(v =>
            $"{path}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}"));
    }

    public async Task SignInAsync(string email)
    {
        await OpenAsync("/sign-in");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(Concord.Web.Infrastructure.Demo.DemoData.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await ScanAsync();
    }

    /// <summary>Follows a link by its text, as a person would, and scans where it leads.</summary>
    public async Task FollowAsync(string linkText)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = linkText, Exact = true }).First.ClickAsync();
        await ScanAsync();
    }

    public async Task SaveScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("CONCORD_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync() => await Page.Context.DisposeAsync();
}
