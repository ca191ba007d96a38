using System.Diagnostics;
using Concord.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Concord.Web.Infrastructure;

/// <summary>The database answers a real query.</summary>
public sealed class DatabaseHealthCheck(ConcordDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = database.OpenAsSystem();
            var authorities = await db.Authorities.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{database.Provider} answered", new Dictionary<string, object> { ["authorities"] = authorities });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} did not answer", exception);
        }
    }
}

/// <summary>The process is up: how long for, and how much memory it holds.</summary>
public sealed class ProcessHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var process = Process.GetCurrentProcess();
        var uptime = DateTime.Now - process.StartTime;
        return Task.FromResult(HealthCheckResult.Healthy("Running", new Dictionary<string, object>
        {
            ["uptimeSeconds"] = (long)uptime.TotalSeconds,
            ["workingSetMegabytes"] = process.WorkingSet64 / (1024 * 1024),
        }));
    }
}
