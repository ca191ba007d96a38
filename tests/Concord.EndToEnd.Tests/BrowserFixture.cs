using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Concord.EndToEnd.Tests;

/// <summary>
/// Concord served by Kestrel on a free local port, on its own SQLite file with demo data, and
/// Debian's Chromium driven by Playwright. Outside CI a missing Chromium skips the tests with the
/// reason; in CI (CI=true) it fails them.
/// </summary>
public sealed class BrowserFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _database = Path.Combine(Path.GetTempPath(), "concord-e2e", $"{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseAddress { get; private set; } = string.Empty;

    public static string? Unavailable => File.Exists(ChromiumPath)
        ? null
        : $"Browser tests need Chromium at {ChromiumPath} (apt-get install chromium)";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Concord", $"Data Source={_database}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", "Warning");
    }

    public async ValueTask InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }

        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }
}

/// <summary>A class of browser tests: skipped with the reason when Chromium is missing, and failed instead in CI.</summary>
public abstract class BrowserTests : IClassFixture<BrowserFixture>
{
    protected BrowserTests(BrowserFixture fixture)
    {
        if (BrowserFixture.Unavailable is { } reason)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"In CI every browser test must run, but: {reason}");
            }

            Assert.Skip(reason);
        }

        Fixture = fixture;
    }

    protected BrowserFixture Fixture { get; }
}
