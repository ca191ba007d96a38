using System.Text.Json;
using Concord.Data;
using Concord.Data.Identity;
using Concord.Web.Api;
using Concord.Web.Infrastructure.Demo;
using Concord.Web.Infrastructure.Errors;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Concord.Web.Infrastructure;

public static class ConcordPipeline
{
    /// <summary>Migrations and reference data always; demo data and accounts in Development only.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Concord.Startup");
        var database = app.Services.GetRequiredService<ConcordDatabase>();
        await DatabaseInitializer.MigrateAsync(database, logger);
        await PublicData.PublicDataImport.ImportAllAsync(database, app.Services.GetRequiredService<TimeProvider>(), logger,
            only: PublicData.PublicDataImport.Selected(app.Configuration["PublicData:Import"]));

        if (DemoEnabled(app))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DemoData.SeedAsync(database, scope.ServiceProvider.GetRequiredService<IPasswordHasher<ConcordUser>>(),
                scope.ServiceProvider.GetRequiredService<ILookupNormalizer>(), app.Services.GetRequiredService<TimeProvider>(), logger);
        }
    }

    /// <summary>Demo accounts exist only in Development, and there only unless Demo:Enabled is false.</summary>
    public static bool DemoEnabled(WebApplication app) =>
        app.Environment.IsDevelopment() && !string.Equals(app.Configuration["Demo:Enabled"], "false", StringComparison.OrdinalIgnoreCase);

    public static WebApplication UseConcord(this WebApplication app)
    {
        app.UseConcordSecurityHeaders(OidcSettings.Origin(app.Configuration));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = ConcordErrors.StatusFor,
        });
        app.UseWhen(context => !ConcordErrors.IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(ConcordErrors.IsApi, api => api.UseStatusCodePages());
        app.UseHttpLogging();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapConcordApi();
        app.MapOpenApi().RequireAuthorization(Policies.SignedIn);
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }));
    }
}
