using System.Net;
using Concord.Web.PublicData;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concord.Web.Tests;

/// <summary>The public datasets: imported at start-up with their provenance, re-imported on demand, shown to everyone signed in.</summary>
public abstract class PublicDataTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    [Fact]
    public async Task Each_dataset_has_a_provenance_page_with_its_publisher_licence_rows_and_source()
    {
        var client = await SignInAsync("viewer@tameside.demo");

        var (listResponse, list) = await client.GetPageAsync("/data");
        var (response, page) = await client.GetPageAsync("/data/dfe-dsg");
        var unknown = await client.GetAsync("/data/no-such-dataset");

        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.Equal(PublicDataImport.Datasets.Count, list.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelectorAll(".govuk-summary-list__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("Department for Education / Education and Skills Funding Agency", summary["Publisher"]);
        Assert.Equal("Open Government Licence v3.0", summary["Licence"]);
        Assert.Equal("604", summary["Rows"]);
        Assert.Contains("dedicated-schools-grant", page.Text(".app-source"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_forced_reimport_replaces_the_rows_with_the_same_ones_and_records_when()
    {
        var before = await ReadAsync(db => db.DatasetImports.AsNoTracking().SingleAsync(d => d.Dataset == DsgImport.Dataset));
        var reported = new List<double>();

        var imported = await PublicDataImport.ImportAllAsync(App.Database, new FixedClock(before.ImportedAt.AddDays(1)), NullLogger.Instance, force: true,
            progress: (_, done) => reported.Add(done));

        var after = Assert.Single(imported);
        Assert.Equal(before.ImportedAt.AddDays(1), after.ImportedAt);
        Assert.Equal((before.Sha256, before.Rows), (after.Sha256, after.Rows));
        Assert.Equal(604, await ReadAsync(db => db.DsgAllocations.CountAsync()));
        Assert.Equal(1d, reported[^1]);
        Assert.Equal(reported.Order(), reported);
    }

    [Fact]
    public void The_command_lines_progress_bar_fills_as_the_import_goes()
    {
        Assert.Equal("\rdfe-dsg       [--------------------]   0%", ImportCommand.Bar("dfe-dsg", 0));
        Assert.Equal("\rdfe-dsg       [##########----------]  50%", ImportCommand.Bar("dfe-dsg", 0.5));
        Assert.Equal("\rdfe-dsg       [####################] 100%", ImportCommand.Bar("dfe-dsg", 1));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class PublicDataTestsOnSqlite(SqliteApp app) : PublicDataTests<SqliteApp>(app);

public sealed class PublicDataTestsOnPostgres(PostgresApp app) : PublicDataTests<PostgresApp>(app);
