using Concord.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Concord.Data;

/// <summary>SQLite, the embedded default. Its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteConcordDbContext(DbContextOptions<SqliteConcordDbContext> options, IUserContext user, TimeProvider clock)
    : ConcordDbContext(options, user, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date-time-with-offset type: store moments as sortable binary numbers so
        // that the database can order and compare them (the audit trail is searched by date).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL, chosen by configuration. Its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresConcordDbContext(DbContextOptions<PostgresConcordDbContext> options, IUserContext user, TimeProvider clock)
    : ConcordDbContext(options, user, clock);

/// <summary>Used by `dotnet ef migrations add ... --context SqliteConcordDbContext`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteConcordDbContext>
{
    public SqliteConcordDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteConcordDbContext>().UseSqlite("Data Source=design-time.db").Options,
            SystemUserContext.Instance, TimeProvider.System);
}

/// <summary>Used by `dotnet ef migrations add ... --context PostgresConcordDbContext`.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresConcordDbContext>
{
    public PostgresConcordDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresConcordDbContext>().UseNpgsql("Host=localhost;Database=concord_design").Options,
            SystemUserContext.Instance, TimeProvider.System);
}
