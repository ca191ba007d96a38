using Concord.Core.Access;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Concord.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The configured database: which provider, where, and how to open a context on it for a given
/// actor. Configuration: <c>Database:Provider</c> (<c>Sqlite</c>, the default, or
/// <c>Postgres</c>) and <c>ConnectionStrings:Concord</c>.
/// </summary>
public sealed class ConcordDatabase
{
    private readonly DbContextOptions _options;
    private readonly TimeProvider _clock;

    public ConcordDatabase(DatabaseProvider provider, string connectionString, TimeProvider clock, ILoggerFactory? loggerFactory = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _clock = clock;
        _options = provider switch
        {
            DatabaseProvider.Sqlite => Configure(new DbContextOptionsBuilder<SqliteConcordDbContext>(), loggerFactory)
                .UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).Options,
            DatabaseProvider.Postgres => Configure(new DbContextOptionsBuilder<PostgresConcordDbContext>(), loggerFactory)
                .UseNpgsql(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).Options,
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Concord</c>, refusing anything unclear.</summary>
    public static ConcordDatabase FromConfiguration(string? provider, string? connectionString, string defaultSqliteFolder, TimeProvider clock, ILoggerFactory? loggerFactory = null)
    {
        var name = string.IsNullOrWhiteSpace(provider) ? nameof(DatabaseProvider.Sqlite) : provider.Trim();
        if (string.Equals(name, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                connectionString = $"Data Source={Path.Combine(defaultSqliteFolder, "concord.db")}";
            }

            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            return new ConcordDatabase(DatabaseProvider.Sqlite, connectionString, clock, loggerFactory);
        }

        if (string.Equals(name, "Postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Concord is empty. Set it, for example Host=127.0.0.1;Database=concord;Username=concord;Password=...");
            }

            return new ConcordDatabase(DatabaseProvider.Postgres, connectionString, clock, loggerFactory);
        }

        throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{provider}'.");
    }

    /// <summary>A context acting for the given person: its reads and writes are scoped to them.</summary>
    public ConcordDbContext Open(IUserContext user) => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConcordDbContext((DbContextOptions<SqliteConcordDbContext>)_options, user, _clock),
        _ => new PostgresConcordDbContext((DbContextOptions<PostgresConcordDbContext>)_options, user, _clock),
    };

    /// <summary>A context for the system itself (start-up, reference data, imports): sees everything.</summary>
    public ConcordDbContext OpenAsSystem() => Open(SystemUserContext.Instance);

    private static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, ILoggerFactory? loggerFactory)
        where T : DbContext
    {
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder;
    }
}
