using System.Security.Claims;
using Concord.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Concord.Web.Tests.Infrastructure;

/// <summary>
/// Concord running in-process against a real database of its own, created for the test class and
/// removed afterwards. Subclasses choose the provider; every page and API test runs on both.
/// </summary>
public abstract class ConcordApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestClock Clock { get; } = new();

    /// <summary>Why this app cannot run here, or null when it can.</summary>
    public virtual string? Unavailable => null;

    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    protected virtual string EnvironmentName => "Development";

    /// <summary>
    /// The public datasets imported at start-up (the setting PublicData:Import): by default the
    /// register of areas and the small ones the money pages read; the evidence tests import all.
    /// </summary>
    protected virtual string PublicDatasets => "dfe-areas,dfe-dsg,ons-mye-2019,ons-mye-2020,census-2021";

    /// <summary>Extra configuration for a test class that needs it (for example OpenID Connect).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public ConcordDatabase Database => Services.GetRequiredService<ConcordDatabase>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Concord", ConnectionString);
        builder.UseSetting("PublicData:Import", PublicDatasets);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            var original = services.Last(d => d.ServiceType == typeof(IClaimsTransformation));
            services.Remove(original);
            services.AddScoped<IClaimsTransformation>(sp => new FaultOnRequest(
                (IClaimsTransformation)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!),
                sp.GetRequiredService<IHttpContextAccessor>()));
            ConfigureTestServices(services);
        });
    }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each answer.</summary>
    public HttpClient Anonymous(string baseAddress = "http://localhost") => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(baseAddress),
    });
}

/// <summary>Concord on a fresh SQLite file.</summary>
public class SqliteApp : ConcordApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "concord-tests", $"{Guid.NewGuid():N}.db");

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={_file}";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}

/// <summary>Concord on a fresh PostgreSQL database, when CONCORD_TEST_POSTGRES names a server.</summary>
public class PostgresApp : ConcordApp
{
    private readonly string _database = $"concord_test_{Guid.NewGuid():N}";

    public override string? Unavailable => TestEnvironment.PostgresConnectionString is null
        ? $"PostgreSQL tests need {TestEnvironment.PostgresVariable}, a connection string to a server where the user may create databases"
        : null;

    protected override string Provider => "Postgres";

    protected override string ConnectionString => Unavailable is null
        ? new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = _database, Pooling = true }.ConnectionString
        : "Host=unavailable";

    public override async ValueTask InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }

        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Unavailable is not null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// Test-only fault injection: a signed-in request carrying the X-Test-Fault header fails with an
/// exception whose message must never reach the person, as a bug deep in the app would.
/// </summary>
public sealed class FaultOnRequest(IClaimsTransformation inner, IHttpContextAccessor accessor) : IClaimsTransformation
{
    public const string Header = "X-Test-Fault";
    public const string SecretDetail = "connection string Password=hunter2 at Concord.Secret.Method";

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        // Once per request, so that the error page's own re-run of the pipeline succeeds.
        var context = accessor.HttpContext;
        if (context is not null && context.Request.Headers.ContainsKey(Header) && context.Items.TryAdd(Header, true))
        {
            throw new InvalidOperationException(SecretDetail);
        }

        return inner.TransformAsync(principal);
    }
}

/// <summary>The real time unless a test sets it, for example to see a token expire.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset = TimeSpan.Zero;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    /// <summary>Moves time on until the returned scope ends.</summary>
    public IDisposable Travel(TimeSpan by)
    {
        _offset += by;
        return new Return(() => _offset -= by);
    }

    private sealed class Return(Action back) : IDisposable
    {
        public void Dispose() => back();
    }
}

/// <summary>Concord on SQLite with every public dataset imported, for the evidence base's tests.</summary>
public sealed class SqliteEvidenceApp : SqliteApp
{
    protected override string PublicDatasets => "all";
}

/// <summary>Concord on PostgreSQL with every public dataset imported, for the evidence base's tests.</summary>
public sealed class PostgresEvidenceApp : PostgresApp
{
    protected override string PublicDatasets => "all";
}
