using System.Net;
using System.Net.Http.Json;
using Concord.Core.PublicData;
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
        var imported = await ReadAsync(db => db.DatasetImports.CountAsync());

        var (listResponse, list) = await client.GetPageAsync("/data");
        var (response, page) = await client.GetPageAsync("/data/dfe-dsg");
        var unknown = await client.GetAsync("/data/no-such-dataset");

        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.Equal(imported, list.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelectorAll(".govuk-summary-list__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("Department for Education / Education and Skills Funding Agency", summary["Publisher"]);
        Assert.Equal("Open Government Licence v3.0", summary["Licence"]);
        Assert.Equal("604", summary["Rows"]);
        Assert.Contains("dedicated-schools-grant", page.Text(".app-source"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_API_lists_each_dataset_with_its_provenance_and_gives_one_with_its_source()
    {
        var client = await SignInAsync("viewer@tameside.demo");
        var imported = await ReadAsync(db => db.DatasetImports.AsNoTracking().SingleAsync(d => d.Dataset == DsgImport.Dataset));

        var list = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/datasets");
        var one = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/datasets/dfe-dsg");
        var unknown = await client.GetAsync("/api/datasets/no-such-dataset");

        var listed = list.EnumerateArray().Single(d => d.GetProperty("dataset").GetString() == "dfe-dsg");
        Assert.Equal(("Department for Education / Education and Skills Funding Agency", 604, imported.Sha256),
            (listed.GetProperty("publisher").GetString(), listed.GetProperty("rows").GetInt32(), listed.GetProperty("sha256").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("source").ValueKind);
        Assert.Contains("dedicated-schools-grant", one.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_forced_reimport_replaces_the_rows_with_the_same_ones_and_records_when()
    {
        var before = await ReadAsync(db => db.DatasetImports.AsNoTracking().SingleAsync(d => d.Dataset == DsgImport.Dataset));
        var reported = new List<double>();

        // The small datasets this app imported at start-up (the evidence base's large ones have tests of their own).
        var imported = await PublicDataImport.ImportAllAsync(App.Database, new FixedClock(before.ImportedAt.AddDays(1)), NullLogger.Instance, force: true,
            progress: (_, done) => reported.Add(done), only: PublicDataImport.Selected("dfe-areas,dfe-dsg,ons-mye-2019,ons-mye-2020,census-2021"));

        Assert.Equal(["dfe-areas", "dfe-dsg", "ons-mye-2019", "ons-mye-2020", "census-2021"], imported.Select(i => i.Dataset));
        var after = imported[1];
        Assert.Equal(before.ImportedAt.AddDays(1), after.ImportedAt);
        Assert.Equal((before.Sha256, before.Rows), (after.Sha256, after.Rows));
        Assert.Equal(604, await ReadAsync(db => db.DsgAllocations.CountAsync()));
        Assert.Equal(426 + 420 + 10, await ReadAsync(db => db.PopulationEstimates.CountAsync()));
        Assert.Equal(1d, reported[^1]);
    }

    [Fact]
    public void The_command_lines_progress_bar_fills_as_the_import_goes()
    {
        var name = "dfe-dsg".PadRight("dfe-school-places-scorecards".Length + 1);
        Assert.Equal($"\r{name}[--------------------]   0%", ImportCommand.Bar("dfe-dsg", 0));
        Assert.Equal($"\r{name}[##########----------]  50%", ImportCommand.Bar("dfe-dsg", 0.5));
        Assert.Equal($"\r{name}[####################] 100%", ImportCommand.Bar("dfe-dsg", 1));
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2020)]
    public async Task Population_figures_match_the_shipped_file_read_independently(int year)
    {
        var path = Path.Combine(PublicDataImport.Folder, "ons-mye", $"ons_mye_mid{year}_single_year_of_age_persons.csv");
        var lines = await File.ReadAllLinesAsync(path);
        var header = lines[0].Split(',');
        foreach (var code in new[] { "E08000007", "E08000008", "E92000001" })
        {
            var row = lines.Single(l => l.StartsWith(code + ",", StringComparison.Ordinal)).Split(',');
            var aged0To25 = Enumerable.Range(0, 26).Sum(age => int.Parse(row[Array.IndexOf(header, age.ToString(System.Globalization.CultureInfo.InvariantCulture))], System.Globalization.CultureInfo.InvariantCulture));
            var all = int.Parse(row[Array.IndexOf(header, "All ages")], System.Globalization.CultureInfo.InvariantCulture);

            var estimate = await ReadAsync(db => db.PopulationEstimates.SingleAsync(p => p.Year == year && p.AreaCode == code));

            Assert.Equal(aged0To25, estimate.Aged(0, 25));
            Assert.Equal(all, estimate.AllAges);
            Assert.Equal(91, estimate.ByAge.Count);
        }
    }

    [Fact]
    public async Task A_bad_population_file_is_refused_naming_line_and_column_and_the_estimates_stay()
    {
        var dataset = PopulationImport.Years.Single(y => y.Year == 2020);
        var good = (await ShippedFiles.ReadTextAsync(dataset, dataset.FileName)).Split('\n');
        var before = await ReadAsync(db => db.PopulationEstimates.CountAsync(p => p.Year == 2020));

        Task<DataFileException> ImportAsync(string content) => ShippedFiles.RefusedAsync(App.Database, dataset, dataset.FileName, content);

        // Line 3 is Great Britain: its age 0 count made text, then made one more than the file says.
        var gb = good[2].Split(',');
        var text = await ImportAsync(string.Join('\n', good.Select((l, i) => i == 2 ? string.Join(',', gb.Take(4).Append("many").Concat(gb.Skip(5))) : l)));
        var sum = await ImportAsync(string.Join('\n', good.Select((l, i) => i == 2 ? string.Join(',', gb.Take(4).Append((int.Parse(gb[4], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Concat(gb.Skip(5))) : l)));
        var code = await ImportAsync(string.Join('\n', good.Select((l, i) => i == 2 ? "X" + l[1..] : l)));

        Assert.Equal((3, "0", "'many' is not a whole number of people"), (text.Line, text.Column, text.Problem));
        Assert.Equal((3, "All ages"), (sum.Line, sum.Column));
        Assert.Equal((3, "Code"), (code.Line, code.Column));
        Assert.Equal(before, await ReadAsync(db => db.PopulationEstimates.CountAsync(p => p.Year == 2020)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class PublicDataTestsOnSqlite(SqliteApp app) : PublicDataTests<SqliteApp>(app);

public sealed class PublicDataTestsOnPostgres(PostgresApp app) : PublicDataTests<PostgresApp>(app);
