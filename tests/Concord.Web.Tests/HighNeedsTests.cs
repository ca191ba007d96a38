using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core.Access;
using Concord.Core.Finance;
using Concord.Core.PublicData;
using Concord.Data;
using Concord.Web.PublicData;
using Concord.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concord.Web.Tests;

/// <summary>
/// The high needs budget: Stockport's 2020-21 figures to the penny, a council's budget invisible
/// and unchangeable to another council, Finance-only changes, and DfE's DSG allocations imported
/// and checked against the shipped file.
/// </summary>
public abstract class HighNeedsTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string Stockport = "E08000007";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HighNeedsBudget> StockportBudgetAsync(int year)
    {
        var stockport = await AuthorityAsync("Stockport");
        return await ReadAsync(db => db.HighNeedsBudgets.SingleAsync(b => b.AuthorityId == stockport.Id && b.FinancialYearStart == year));
    }

    [Fact]
    public async Task Stockports_finance_team_reads_its_2020_21_reconciliation_exactly_as_the_council_reported_it()
    {
        var client = await SignInAsync("finance@stockport.demo");

        var body = await JsonAsync(await client.GetAsync($"/api/authorities/{Stockport}/high-needs?year=2020-21"));

        var budget = body.GetProperty("budget");
        Assert.Equal(258_709_000.00m, budget.GetProperty("dsgTotal").GetDecimal());
        Assert.Equal(37_810_000.00m, budget.GetProperty("highNeedsBlock").GetDecimal());
        var lines = budget.GetProperty("reconciliation").EnumerateArray()
            .Select(l => (l.GetProperty("label").GetString(), l.GetProperty("amount").GetDecimal())).ToList();
        Assert.Equal(
        [
            ("2019-20 outturn deficit", 1_302_000.00m),
            ("Census funding adjustment", -163_000.00m),
            ("2020-21 in-year forecast", 2_099_000.00m),
            ("Cumulative deficit at 31 March 2021", 3_238_000.00m),
            ("Schools block transfer approved by Schools Forum", -870_000.00m),
            ("High needs base budget ear-marked", -497_000.00m),
            ("Forecast deficit at 1 April 2021", 1_871_000.00m),
        ], lines);
        // The in-year forecast is the spending lines' latest forecasts less their budgets, worked out here again.
        var spending = budget.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(37_810_000m, spending.Sum(l => l.GetProperty("budget").GetDecimal()));
        Assert.Equal(2_099_000m, spending.Sum(l => l.GetProperty("forecasts").EnumerateArray().Last(f => f.ValueKind == JsonValueKind.Number).GetDecimal() - l.GetProperty("budget").GetDecimal()));
        Assert.Equal(5, budget.GetProperty("projection").GetArrayLength());
        Assert.Equal("2021-22", budget.GetProperty("projection")[0].GetProperty("year").GetString());
    }

    [Fact]
    public async Task The_budget_page_shows_the_reconciliation_in_the_councils_shape_and_the_projection_with_its_table()
    {
        var client = await SignInAsync("viewer@stockport.demo");

        var (response, page) = await client.GetPageAsync("/high-needs/2020-21");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reconciliation = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith("DSG deficit reconciliation", StringComparison.Ordinal));
        var rows = reconciliation.QuerySelectorAll("tbody tr").Select(r => (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelectorAll("td")[0].TextContent.Trim())).ToList();
        Assert.Equal(
        [
            ("2019-20 outturn deficit", "£1.302m"), ("Census funding adjustment", "(£0.163m)"), ("2020-21 in-year forecast", "£2.099m"),
            ("Cumulative deficit at 31 March 2021", "£3.238m"), ("Schools block transfer approved by Schools Forum", "(£0.870m)"),
            ("High needs base budget ear-marked", "(£0.497m)"), ("Forecast deficit at 1 April 2021", "£1.871m"),
        ], rows);
        Assert.NotNull(page.QuerySelector("svg[role=img] title#projection-title"));
        Assert.DoesNotContain("Change the reconciliation", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tameside_staff_cannot_read_Stockports_budget_by_any_route_but_see_the_public_allocation()
    {
        var client = await SignInAsync("finance@tameside.demo");

        var api = await JsonAsync(await client.GetAsync($"/api/authorities/{Stockport}/high-needs?year=2020-21"));
        var (page, document) = await client.GetPageAsync("/high-needs/2020-21");
        var (_, list) = await client.GetPageAsync("/high-needs");
        var stockport = await AuthorityAsync("Stockport");
        await using var tamesideDb = App.Database.Open(new FixedUser((await AuthorityAsync("Tameside")).Id, Role.Finance));
        var visible = await tamesideDb.HighNeedsBudgets.Where(b => b.AuthorityId == stockport.Id).CountAsync();

        Assert.Equal(JsonValueKind.Null, api.GetProperty("budget").ValueKind);
        Assert.Equal("Stockport's high needs budget is internal to Stockport: only its own staff can read it.", api.GetProperty("budgetNote").GetString());
        Assert.Equal(33_846_235m, api.GetProperty("dsgAllocation").GetProperty("beforeRecoupment").GetProperty("highNeeds").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("258,709,000", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2022-23", list.QuerySelectorAll("tbody th").Select(t => t.TextContent.Trim()));
        Assert.DoesNotContain("2020-21", list.QuerySelectorAll("tbody th").Select(t => t.TextContent.Trim()));
        Assert.Equal(0, visible);
    }

    [Fact]
    public async Task Tameside_staff_cannot_change_Stockports_budget_lines_by_the_API_the_pages_or_the_database()
    {
        var before = await StockportBudgetAsync(2020);
        var client = await SignInAsync("finance@tameside.demo");

        var put = await client.PutAsJsonAsync($"/api/authorities/{Stockport}/high-needs?year=2020-21", new
        {
            dsgTotal = 1m,
            highNeedsBlock = 1m,
            frequency = "Quarterly",
            version = before.Version,
            lines = new[] { new { line = "SpecialSchools", budget = 0m, forecasts = new decimal?[] { 0, 0, 0, 0 } } },
        });
        var form = await client.PostFormAsync("/high-needs/2020-21/lines", "/high-needs/new", ("Input.Lines[0].Line", "SpecialSchools"), ("Input.Lines[0].Budget", "0"));
        var tameside = await AuthorityAsync("Tameside");
        await using var db = App.Database.Open(new FixedUser(tameside.Id, Role.Finance));
        await using (var system = App.Database.OpenAsSystem())
        {
            // Even handed the record directly, the write guard refuses another council's budget.
            var record = await system.HighNeedsBudgets.AsNoTracking().SingleAsync(b => b.Id == before.Id);
            record.SetLines([new BudgetLine(SpendingLine.SpecialSchools, 1m, [null, null, null, null])]);
            db.HighNeedsBudgets.Update(record);
        }

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("changed only by Stockport's own Finance staff", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Contains("belongs to another authority", refused.Message, StringComparison.Ordinal);
        var after = await StockportBudgetAsync(2020);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.TotalBudget, after.TotalBudget);
    }

    [Fact]
    public async Task Only_the_councils_Finance_role_changes_its_budget()
    {
        var before = await StockportBudgetAsync(2020);
        var officer = await SignInAsync("officer@stockport.demo");

        var put = await officer.PutAsJsonAsync($"/api/authorities/{Stockport}/high-needs?year=2020-21", new { dsgTotal = 1m, highNeedsBlock = 1m, frequency = "Quarterly", version = before.Version });
        var page = await officer.GetAsync("/high-needs/2020-21/reconciliation");
        var (_, view) = await officer.GetPageAsync("/high-needs/2020-21");

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("Change the reconciliation", view.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before.Version, (await StockportBudgetAsync(2020)).Version);
    }

    [Fact]
    public async Task Finance_adds_a_year_through_the_API_and_bad_figures_are_refused_naming_each_field_with_nothing_saved()
    {
        var client = await SignInAsync("finance@stockport.demo");
        var lines = Enum.GetValues<SpendingLine>().Select(l => new { line = l.ToString(), budget = 1_000_000m, forecasts = new decimal?[] { 1_010_000m, null, null, null } }).ToArray();

        var created = await client.PutAsJsonAsync($"/api/authorities/{Stockport}/high-needs?year=2023-24", new
        {
            dsgTotal = 287_334_774m,
            highNeedsBlock = 46_407_433m,
            frequency = "Quarterly",
            lines,
            reconciliation = new[] { new { entry = "PreviousOutturn", amount = 1_500_000m, note = "Outturn 2022-23" } },
            recovery = new { demandGrowth = 0.05m, fundingGrowth = 0.04m, savings = new decimal?[] { 100_000m, 0, 0, 0, 0 } },
        });
        var body = await JsonAsync(created);
        var version = body.GetProperty("version").GetGuid();
        var bad = await client.PutAsJsonAsync($"/api/authorities/{Stockport}/high-needs?year=2023-24", new
        {
            dsgTotal = 287_334_774m,
            highNeedsBlock = 46_407_433m,
            frequency = "Quarterly",
            version,
            lines = new[] { new { line = "SpecialSchools", budget = -5m, forecasts = new decimal?[] { null, null, null, null } } },
            recovery = new { demandGrowth = 0.05m, fundingGrowth = 0.04m, savings = new decimal?[] { -1m, 0, 0, 0, 0 } },
        });
        var badYear = await client.GetAsync($"/api/authorities/{Stockport}/high-needs?year=2023");
        var unknown = await client.GetAsync("/api/authorities/E99999999/high-needs?year=2023-24");
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(70_000m, body.GetProperty("inYearForecast").GetDecimal());
        Assert.Equal(1_570_000m, body.GetProperty("forecastBalance").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Special schools: the budget cannot be negative", errors.GetProperty("lines[SpecialSchools].Budget")[0].GetString());
        Assert.Equal("Year 1: enter the savings as an amount of 0 or more", errors.GetProperty("savings[0]")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Contains("'2023' is not a financial year like 2020-21", await badYear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var saved = await StockportBudgetAsync(2023);
        Assert.Equal(version, saved.Version);
        Assert.Equal(7_000_000m, saved.TotalBudget);
    }

    [Fact]
    public async Task Finance_changes_the_reconciliation_on_the_page_and_text_that_is_not_an_amount_is_refused()
    {
        var client = await SignInAsync("finance@stockport.demo");
        await JsonAsync(await client.PutAsJsonAsync($"/api/authorities/{Stockport}/high-needs?year=2021-22", new { dsgTotal = 257_880_040m, highNeedsBlock = 37_738_104m, frequency = "Monthly" }));
        var (_, form) = await client.GetPageAsync("/high-needs/2021-22/reconciliation");

        var wrong = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("main form")!, ("Input.Reconciliation[0].Amount", "lots"));
        var right = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("main form")!,
            ("Input.Reconciliation[0].Amount", "1,871,000"), ("Input.Reconciliation[2].Amount", "(250,000)"), ("Input.Reconciliation[2].Note", "Approved by Schools Forum in January"));
        var (_, page) = await client.GetPageAsync("/high-needs/2021-22");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Last year's outturn deficit must be an amount in pounds, like 1,302,000 or (163,000)", (await Browser.ParseAsync(wrong)).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var saved = await StockportBudgetAsync(2021);
        Assert.Equal(1_871_000m, saved.Entered(ReconciliationEntry.PreviousOutturn));
        Assert.Equal(-250_000m, saved.Entered(ReconciliationEntry.BlockTransfer));
        Assert.Equal(1_621_000m, saved.ForecastBalance);
        Assert.Equal(12, saved.Periods.Count);
        Assert.Contains("Approved by Schools Forum in January", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_budget_downloads_as_a_workbook_with_the_reconciliation_to_the_penny_and_only_for_its_own_council()
    {
        var client = await SignInAsync("viewer@stockport.demo");
        var (_, page) = await client.GetPageAsync("/high-needs/2020-21");

        var response = await client.GetAsync(page.QuerySelector("#download-xlsx")!.GetAttribute("href"));
        var tameside = await (await SignInAsync("finance@tameside.demo")).GetAsync($"/api/authorities/{Stockport}/high-needs/xlsx?year=2020-21");
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var names = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        var reconciliation = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Reconciliation").Id!.Value!);
        var rows = reconciliation.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();

        Assert.Equal("high-needs-stockport-2020-21.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(["Spending lines", "Reconciliation", "Projection"], names);
        Assert.Equal(["1302000", "-163000", "2099000", "3238000", "-870000", "-497000", "1871000"],
            rows.Skip(1).Select(r => decimal.Parse(ExcelFile.Text(r[1]), CultureInfo.InvariantCulture).ToString("0", CultureInfo.InvariantCulture)));
        Assert.Equal(CellValues.Number, rows[1][1].DataType?.Value);
        Assert.Equal(HttpStatusCode.NotFound, tameside.StatusCode);
    }

    [Fact]
    public async Task The_DSG_allocations_match_the_shipped_file_read_independently()
    {
        var client = await SignInAsync("viewer@tameside.demo");
        var file = await File.ReadAllLinesAsync(DsgImport.DefaultPath);
        var header = file[0].Split(',');
        var rows = file.Skip(1).Select(l => l.Split(',')).ToList();
        decimal Value(string[] row, string column) => decimal.Parse(row[Array.IndexOf(header, column)], CultureInfo.InvariantCulture);

        var all = await JsonAsync(await client.GetAsync("/api/dsg-allocations?year=2022-23"));
        var stockport = rows.Single(r => r[0] == "2022-23" && r[1] == "356");
        var api = all.EnumerateArray().Single(a => a.GetProperty("dfeCode").GetInt32() == 356);

        Assert.Equal(rows.Count(r => r[0] == "2022-23"), all.GetArrayLength());
        Assert.Equal(Value(stockport, "before_recoupment_high_needs_block"), api.GetProperty("beforeRecoupment").GetProperty("highNeeds").GetDecimal());
        Assert.Equal(Value(stockport, "before_recoupment_total_dsg"), api.GetProperty("beforeRecoupment").GetProperty("total").GetDecimal());
        Assert.Equal(Value(stockport, "after_deductions_total_dsg"), api.GetProperty("afterDeductions").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task The_DSG_Excel_download_opens_with_a_row_per_authority_and_real_numbers()
    {
        var client = await SignInAsync("viewer@stockport.demo");

        var response = await client.GetAsync("/api/dsg-allocations?year=2020-21&format=xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        var stockport = rows.Single(r => ExcelFile.Text(r[2]) == "Stockport");

        Assert.Equal("dsg-allocations-2020-21.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(["Financial year", "DfE code", "Local authority", "Schools block"], rows[0].Take(4).Select(ExcelFile.Text));
        Assert.Equal(151, rows.Count);
        Assert.Equal(CellValues.Number, stockport[5].DataType?.Value);
        Assert.Equal(33_846_235m, decimal.Parse(ExcelFile.Text(stockport[5]), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_bad_DSG_file_is_refused_naming_its_line_and_column_and_the_imported_allocations_stay()
    {
        var good = await File.ReadAllTextAsync(DsgImport.DefaultPath);
        var lines = good.Split('\n');
        var before = await ReadAsync(db => db.DsgAllocations.CountAsync());
        var provenance = await ReadAsync(db => db.DatasetImports.AsNoTracking().SingleAsync(d => d.Dataset == DsgImport.Dataset));

        Task<DataFileException> ImportAsync(string content) => ShippedFiles.RefusedAsync(App.Database, new DsgImport.Allocations(), DsgImport.FileName, content);

        var text = await ImportAsync(string.Join('\n', lines.Select((l, i) => i == 3 ? l.Replace(",Greenwich,229855013,", ",Greenwich,lots,", StringComparison.Ordinal) : l)));
        var total = await ImportAsync(string.Join('\n', lines.Select((l, i) => i == 2 ? l.Replace(",176838147,", ",176838148,", StringComparison.Ordinal) : l)));
        var missing = await ImportAsync(good.Replace("la_name,", "authority,", StringComparison.Ordinal));
        var empty = await ImportAsync(string.Empty);
        var year = await ImportAsync(string.Join('\n', lines.Take(2).Append(lines[2].Replace("2020-21,", "2020-22,", StringComparison.Ordinal))));

        Assert.Equal(4, text.Line);
        Assert.Equal("before_recoupment_schools_block", text.Column);
        Assert.Equal("'lots' is not an amount in whole pounds of 0 or more", text.Problem);
        Assert.EndsWith(", line 3, column before_recoupment_total_dsg: the total 176838148 is not the sum of the four blocks (176838147)", total.Message, StringComparison.Ordinal);
        Assert.Equal((1, "la_name"), (missing.Line, missing.Column));
        Assert.Contains("the file is empty", empty.Problem, StringComparison.Ordinal);
        Assert.Equal("'2020-22' is not a financial year like 2021-22", year.Problem);
        Assert.Equal(before, await ReadAsync(db => db.DsgAllocations.CountAsync()));
        var after = await ReadAsync(db => db.DatasetImports.AsNoTracking().SingleAsync(d => d.Dataset == DsgImport.Dataset));
        Assert.Equal((provenance.Sha256, provenance.ImportedAt, provenance.Rows), (after.Sha256, after.ImportedAt, after.Rows));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var provenance = await ReadAsync(db => db.DatasetImports.AsNoTracking().SingleAsync(d => d.Dataset == DsgImport.Dataset));

        var again = await DsgImport.ImportAsync(App.Database, Path.GetDirectoryName(DsgImport.DefaultPath)!, TimeProvider.System, NullLogger.Instance);

        Assert.Equal(604, again.Rows);
        Assert.Equal(provenance.ImportedAt, again.ImportedAt);
        Assert.Equal(604, await ReadAsync(db => db.DsgAllocations.CountAsync()));
        Assert.Equal(4, await ReadAsync(db => db.DsgAllocations.Select(a => a.FinancialYearStart).Distinct().CountAsync()));
    }
}

public sealed class HighNeedsTestsOnSqlite(SqliteApp app) : HighNeedsTests<SqliteApp>(app);

public sealed class HighNeedsTestsOnPostgres(PostgresApp app) : HighNeedsTests<PostgresApp>(app);
