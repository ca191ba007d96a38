using Concord.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Concord.Data;

/// <summary>Brings the database up to date at start-up: migrations, then reference data.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(ConcordDatabase database, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var db = database.OpenAsSystem();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers carry on while one request writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migrations on {Provider}: {Migrations}", pending.Count, database.Provider, pending);
        }

        await db.Database.MigrateAsync(cancellationToken);
        await SeedReferenceDataAsync(db, logger, cancellationToken);
    }

    /// <summary>The ten Greater Manchester authorities, added if missing. Safe to run every start.</summary>
    private static async Task SeedReferenceDataAsync(ConcordDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var known = await db.Authorities.Select(a => a.OnsCode).ToListAsync(cancellationToken);
        var missing = GreaterManchester.Authorities.Where(a => !known.Contains(a.OnsCode)).ToList();
        foreach (var (name, onsCode, dfeCode) in missing)
        {
            db.Authorities.Add(new Authority { Name = name, OnsCode = onsCode, DfeCode = dfeCode, Area = GreaterManchester.AreaName });
        }

        if (missing.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Added {Count} reference authorities", missing.Count);
        }
    }
}
