// The evidence base's benchmark: a full import of every public dataset from scratch, against a
// plain CSV parse of the same files; then the profile and comparison endpoints under concurrent
// load, against /health, in the same run. Figures are printed, never asserted.
//
//   dotnet run -c Release --project bench/EvidenceBench [-- --requests 2000 --concurrency 8]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Concord.Data;
using Concord.Web.PublicData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

internal static class EvidenceBench
{
    public static async Task<int> Main(string[] args)
    {
        var requests = Option(args, "--requests", 2000);
        var concurrency = Option(args, "--concurrency", 8);
        var database = Path.Combine(Path.GetTempPath(), "concord-bench", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        Console.WriteLine($"Concord evidence bench: {Environment.ProcessorCount} cores, SQLite at {database}");

        await using var app = new BenchApp(database);
        app.UseKestrel(0);
        app.StartServer();
        var services = app.Services;

        // 1. Full import from scratch (the app started with none imported), against parsing the same files.
        var baselineWatch = Stopwatch.StartNew();
        var parsedRows = 0L;
        foreach (var dataset in PublicDataImport.Datasets)
        {
            var files = await DatasetFiles.ReadAsync(PublicDataImport.FolderOf(dataset), dataset.Files);
            foreach (var file in dataset.Files.Where(f => f.Contains(".csv", StringComparison.Ordinal)))
            {
                using var reader = files.Open(file);
                using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
                while (csv.Read())
                {
                    parsedRows++;
                }
            }
        }

        baselineWatch.Stop();
        var importWatch = Stopwatch.StartNew();
        var imported = await PublicDataImport.ImportAllAsync(services.GetRequiredService<ConcordDatabase>(), TimeProvider.System, NullLogger.Instance, force: true);
        importWatch.Stop();
        var importedRows = imported.Sum(i => (long)i.Rows);
        Console.WriteLine();
        Console.WriteLine("Full import from scratch (target under 30 s)");
        Console.WriteLine($"  baseline: plain CSV parse of the same files  {parsedRows,9:N0} lines  {baselineWatch.Elapsed.TotalSeconds,7:0.00} s  {parsedRows / baselineWatch.Elapsed.TotalSeconds,12:N0} lines/s");
        Console.WriteLine($"  import: {imported.Count} datasets, checked and written  {importedRows,9:N0} rows   {importWatch.Elapsed.TotalSeconds,7:0.00} s  {importedRows / importWatch.Elapsed.TotalSeconds,12:N0} rows/s   ({importWatch.Elapsed / baselineWatch.Elapsed:0.0} × the parse)");

        // 2. The endpoints under concurrent load, signed in, against /health.
        using var client = await SignInAsync(app.ClientOptions.BaseAddress);
        Console.WriteLine();
        Console.WriteLine($"Endpoints under load: {requests:N0} requests each, {concurrency} at a time (target p95 under 50 ms)");
        var health = await LoadAsync(client, "/health", requests, concurrency);
        Print("baseline: /health", health);
        Print("profile: /api/authorities/E08000007/profile", await LoadAsync(client, "/api/authorities/E08000007/profile", requests, concurrency), health);
        Print("comparison: /api/compare (2 + benchmarks)", await LoadAsync(client, "/api/compare?authorities=E08000007,E08000008", requests, concurrency), health);
        Print("comparison: /api/compare (10 GM)", await LoadAsync(client, "/api/compare?authorities=E08000001,E08000002,E08000003,E08000004,E08000005,E08000006,E08000007,E08000008,E08000009,E08000010", requests / 4, concurrency), health);
        return 0;
    }

    static void Print(string name, Result result, Result? baseline = null) =>
        Console.WriteLine($"  {name,-46} {result.PerSecond,9:N0} req/s  p50 {result.P50,7:0.0} ms  p95 {result.P95,7:0.0} ms" +
            (baseline is null ? string.Empty : $"  ({result.P95 / baseline.P95:0.0} × the baseline p95; first request {result.First:0} ms)"));

    static async Task<Result> LoadAsync(HttpClient client, string path, int count, int concurrency)
    {
        // Warm up once and time it: the first request loads the public data into memory and makes the
        // response, which is then kept until the next import; the load below measures the requests after it.
        var first = Stopwatch.StartNew();
        (await client.GetAsync(path)).EnsureSuccessStatusCode();
        first.Stop();
        var times = new double[count];
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        watch.Stop();
        Array.Sort(times);
        return new Result(count / watch.Elapsed.TotalSeconds, times[count / 2], times[(int)Math.Ceiling(count * 0.95) - 1], first.Elapsed.TotalMilliseconds);
    }

    static async Task<HttpClient> SignInAsync(Uri baseAddress)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var form = await client.GetStringAsync("/sign-in");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "viewer@stockport.demo",
            ["Input.Password"] = Concord.Web.Infrastructure.Demo.DemoData.Password,
            ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}");
    }

    static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;

}

internal sealed record Result(double PerSecond, double P50, double P95, double First);

/// <summary>Concord on Kestrel with demo accounts, on its own SQLite file, importing nothing at start-up.</summary>
internal sealed class BenchApp(string database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("src/Concord.Web");
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Concord", $"Data Source={database}");
        builder.UseSetting("PublicData:Import", "none");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", "Warning");
    }
}
