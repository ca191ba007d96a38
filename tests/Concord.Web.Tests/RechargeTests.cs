using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core.Finance;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.Tests.Infrastructure;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>Recharge statements and what-if comparisons: figures worked out here from the demo's posts and agreements, downloads, and bad periods.</summary>
public abstract class RechargeTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private static readonly DateOnly YearStart = new(2022, 4, 1);
    private static readonly DateOnly YearEnd = new(2023, 3, 31);

    /// <summary>What each council paid, provided in kind and should bear in 2022-23, worked out without Concord's statement code.</summary>
    private sealed record Expected(Dictionary<Guid, decimal> Paid, Dictionary<Guid, decimal> InKind, Dictionary<Guid, decimal> Share, Dictionary<string, decimal> Costs)
    {
        public decimal Total => Costs.Values.Sum();

        public decimal Balance(Guid council) => Paid.GetValueOrDefault(council) + InKind.GetValueOrDefault(council) - Share.GetValueOrDefault(council);
    }

    /// <summary>The part of a year's amount for the days in 2022-23 between start and end, to the penny.</summary>
    private static (int Days, decimal Amount) InYear(decimal annual, DateOnly start, DateOnly? end)
    {
        var from = start > YearStart ? start : YearStart;
        var to = end is { } e && e < YearEnd ? e : YearEnd;
        var days = Math.Max(0, to.DayNumber - from.DayNumber + 1);
        return (days, Math.Round(annual * days / 365m, 2, MidpointRounding.AwayFromZero));
    }

    private async Task<(Guid Partnership, Guid Stockport, Guid Tameside, Expected Expected)> ExpectedAsync()
    {
        var partnership = await DemoPartnershipAsync();
        var (stockport, tameside) = ((await AuthorityAsync("Stockport")).Id, (await AuthorityAsync("Tameside")).Id);
        var posts = await ReadAsync(db => db.SharedPosts.Where(p => p.PartnershipId == partnership.Id).ToListAsync());
        var agreements = await ReadAsync(db => db.Agreements.Where(a => a.PartnershipId == partnership.Id && a.Status != AgreementStatus.Draft).ToListAsync());
        var expected = new Expected([], [], [], []);

        void Add(Dictionary<Guid, decimal> to, Guid council, decimal amount) => to[council] = to.GetValueOrDefault(council) + amount;

        // Every demo post and agreement is split in equal shares; the odd penny falls to the first council by name, Stockport.
        void Halve(decimal cost)
        {
            var second = Math.Floor(cost * 100 / 2) / 100;
            Add(expected.Share, stockport, cost - second);
            Add(expected.Share, tameside, second);
        }

        foreach (var post in posts)
        {
            var (days, cost) = InYear(post.Salary + post.OnCosts + post.OtherCosts, post.Start, post.End);
            if (days == 0)
            {
                continue;
            }

            Assert.Equal(ApportionmentMethod.EqualShares, post.Rule.Method);
            expected.Costs[post.Title] = cost;
            Add(expected.Paid, post.EmployingAuthorityId, cost);
            Halve(cost);
        }

        foreach (var agreement in agreements)
        {
            var cost = 0m;
            foreach (var contribution in agreement.Contributions)
            {
                var (_, value) = InYear(contribution.AnnualValue, agreement.Starts ?? YearStart, agreement.Ends);
                Add(contribution.Kind == ContributionKind.Money ? expected.Paid : expected.InKind, contribution.AuthorityId, value);
                cost += value;
            }

            Assert.Equal(ApportionmentMethod.EqualShares, agreement.Rule.Method);
            expected.Costs[agreement.Title] = cost;
            Halve(cost);
        }

        return (partnership.Id, stockport, tameside, expected);
    }

    private static string Owes(Expected expected, Guid stockport) =>
        expected.Balance(stockport) < 0
            ? $"Stockport owes Tameside {Money.Format(-expected.Balance(stockport))}"
            : $"Tameside owes Stockport {Money.Format(expected.Balance(stockport))}";

    [Fact]
    public async Task The_2022_23_statement_as_JSON_has_the_figures_worked_out_from_the_demos_posts_and_agreements()
    {
        var (partnership, stockport, tameside, expected) = await ExpectedAsync();
        var client = await SignInAsync("finance@stockport.demo");

        var statement = await client.GetFromJsonAsync<JsonElement>($"/api/partnerships/{partnership}/recharges?year=2022-23");

        Assert.Equal("2022-23", statement.GetProperty("year").GetString());
        Assert.Equal("2022-04-01", statement.GetProperty("start").GetString());
        Assert.Equal(expected.Total, statement.GetProperty("totalCost").GetDecimal());
        Assert.Equal(7, expected.Costs.Count);
        Assert.Equal(expected.Costs.OrderBy(c => c.Key, StringComparer.Ordinal),
            statement.GetProperty("items").EnumerateArray().Select(i => new KeyValuePair<string, decimal>(i.GetProperty("title").GetString()!, i.GetProperty("cost").GetDecimal()))
                .OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal(155_040m, expected.Costs["Joint Director of Education"]);
        foreach (var council in statement.GetProperty("councils").EnumerateArray())
        {
            var id = council.GetProperty("authority").GetProperty("id").GetGuid();
            Assert.Equal(expected.Paid.GetValueOrDefault(id), council.GetProperty("paid").GetDecimal());
            Assert.Equal(expected.InKind.GetValueOrDefault(id), council.GetProperty("inKind").GetDecimal());
            Assert.Equal(expected.Share[id], council.GetProperty("share").GetDecimal());
            Assert.Equal(expected.Balance(id), council.GetProperty("balance").GetDecimal());
        }

        var settlement = Assert.Single(statement.GetProperty("settlements").EnumerateArray());
        Assert.Equal(Math.Abs(expected.Balance(stockport)), settlement.GetProperty("amount").GetDecimal());
        Assert.Equal(Owes(expected, stockport), settlement.GetProperty("text").GetString());
        Assert.Equal(expected.Balance(stockport), -expected.Balance(tameside));
    }

    [Fact]
    public async Task The_statement_page_shows_the_settlement_positions_and_items_for_the_year_and_a_quarter()
    {
        var (partnership, stockport, _, expected) = await ExpectedAsync();
        var client = await SignInAsync("officer@tameside.demo");

        var (response, page) = await client.GetPageAsync($"/partnerships/{partnership}/recharges?year=2022-23&quarter=");
        var (quarterResponse, quarter) = await client.GetPageAsync($"/partnerships/{partnership}/recharges?year=2022-23&quarter=2");
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/partnerships/{partnership}/recharges?year=2022-23&quarter=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Owes(expected, stockport), page.Text("#settlements"));
        Assert.Equal($"Stockport {Money.Format(expected.Paid[stockport])} {Money.Format(expected.InKind[stockport])} {Money.Format(expected.Share[stockport])} {Money.Format(expected.Balance(stockport))} it owes",
            page.Text($"#positions tr[data-authority='{stockport}']"));
        Assert.Equal(expected.Costs.Count, page.QuerySelectorAll("#items tbody tr").Length);
        Assert.Contains(Money.Format(expected.Total), page.Text("#items tfoot"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, quarterResponse.StatusCode);
        Assert.Equal("Recharge statement, 2022-23 quarter 2", quarter.Text("h1"));
        Assert.Equal("2022-07-01", json.GetProperty("start").GetString());
        Assert.Equal(2, json.GetProperty("quarter").GetInt32());
        Assert.Equal(json.GetProperty("settlements")[0].GetProperty("text").GetString(), quarter.Text("#settlements"));
        Assert.EndsWith("quarter=2&format=xlsx", quarter.QuerySelector("#download-xlsx")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Excel_download_holds_the_items_each_councils_position_and_the_settlement()
    {
        var (partnership, stockport, tameside, expected) = await ExpectedAsync();
        var client = await SignInAsync("finance@stockport.demo");
        var (_, page) = await client.GetPageAsync($"/partnerships/{partnership}/recharges?year=2022-23");

        var response = await client.GetAsync(page.QuerySelector("#download-xlsx")!.GetAttribute("href"));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        List<List<Cell>> Rows(string name)
        {
            var part = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == name).Id!);
            return part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        }

        static decimal Number(Cell cell)
        {
            Assert.Equal(CellValues.Number, cell.DataType?.Value);
            return decimal.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
        }

        var items = Rows("Items");
        var councils = Rows("Councils");
        var settlements = Rows("Settlements");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TableExport.XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("recharges-2022-23.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(["Items", "Councils", "Settlements"], sheets.Select(s => s.Name?.Value));
        Assert.Equal(["Item", "Kind", "Rule", "Cost", "Stockport paid", "Stockport in kind", "Stockport share", "Tameside paid", "Tameside in kind", "Tameside share"], items[0].Select(ExcelFile.Text));
        Assert.Equal(expected.Costs.Count, items.Count - 1);
        foreach (var row in items.Skip(1))
        {
            Assert.Equal(expected.Costs[ExcelFile.Text(row[0])], Number(row[3]));
            Assert.Equal(Number(row[3]), Number(row[6]) + Number(row[9]));
        }

        Assert.Equal(expected.Share[stockport], items.Skip(1).Sum(r => Number(r[6])));
        Assert.Equal(["Council", "Paid", "In kind", "Share", "Balance"], councils[0].Select(ExcelFile.Text));
        Assert.Equal(
            [("Stockport", expected.Paid[stockport], expected.InKind[stockport], expected.Share[stockport], expected.Balance(stockport)),
             ("Tameside", expected.Paid[tameside], expected.InKind[tameside], expected.Share[tameside], expected.Balance(tameside))],
            councils.Skip(1).Select(r => (ExcelFile.Text(r[0]), Number(r[1]), Number(r[2]), Number(r[3]), Number(r[4]))));
        Assert.Equal(2, settlements.Count);
        Assert.Equal(("Stockport", "Tameside", -expected.Balance(stockport), Owes(expected, stockport)),
            (ExcelFile.Text(settlements[1][0]), ExcelFile.Text(settlements[1][1]), Number(settlements[1][2]), ExcelFile.Text(settlements[1][3])));
    }

    [Fact]
    public async Task The_CSV_download_holds_a_line_per_item_and_council_then_the_positions_and_the_settlement()
    {
        var (partnership, stockport, tameside, expected) = await ExpectedAsync();
        var client = await SignInAsync("viewer@tameside.demo");
        var (_, page) = await client.GetPageAsync($"/partnerships/{partnership}/recharges?year=2022-23");

        var response = await client.GetAsync(page.QuerySelector("#download-csv")!.GetAttribute("href"));
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var lines = new List<(string Section, string Item, string Council, decimal Amount, string Share, string Balance)>();
        while (csv.Read())
        {
            lines.Add((csv.GetField("Section")!, csv.GetField("Item")!, csv.GetField("Council")!, csv.GetField<decimal>("Amount"), csv.GetField("Share")!, csv.GetField("Balance")!));
        }

        static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("recharges-2022-23.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(["Section", "Item", "Kind", "Rule", "Council", "Amount", "Paid", "In kind", "Share", "Balance"], csv.HeaderRecord!);
        var items = lines.Where(l => l.Section == "Item").ToList();
        Assert.Equal(expected.Costs.Count * 2, items.Count);
        Assert.All(items, l => Assert.Equal(expected.Costs[l.Item], l.Amount));
        Assert.Equal(expected.Share[stockport], items.Where(l => l.Council == "Stockport").Sum(l => D(l.Share)));
        Assert.Equal(expected.Share[tameside], items.Where(l => l.Council == "Tameside").Sum(l => D(l.Share)));
        var positions = lines.Where(l => l.Section == "Council position").ToList();
        Assert.Equal([("Stockport", expected.Balance(stockport)), ("Tameside", expected.Balance(tameside))], positions.Select(p => (p.Council, D(p.Balance))));
        var settlement = Assert.Single(lines, l => l.Section == "Settlement");
        Assert.Equal((Owes(expected, stockport), Math.Abs(expected.Balance(stockport))), (settlement.Item, settlement.Amount));
    }

    [Fact]
    public async Task The_Accept_header_or_the_format_chooses_CSV_or_Excel_and_JSON_is_the_default()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("finance@tameside.demo");
        async Task<HttpResponseMessage> Ask(string query, string? accept)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/partnerships/{partnership.Id}/recharges?year=2022-23{query}");
            if (accept is not null)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            }

            return await client.SendAsync(request);
        }

        var csv = await Ask(string.Empty, "text/csv");
        var xlsx = await Ask("&quarter=4", TableExport.XlsxType);
        var json = await Ask(string.Empty, null);
        var formatWins = await Ask("&format=csv", "application/json");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TableExport.XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("recharges-2022-23-q4.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using (var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Equal(3, document.WorkbookPart!.WorksheetParts.Count());
        }

        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/csv", formatWins.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_year_or_quarter_is_refused_naming_the_field_on_the_API_and_the_page()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("officer@stockport.demo");

        var badYear = await client.GetAsync($"/api/partnerships/{partnership.Id}/recharges?year=2022-24");
        var badQuarter = await client.GetAsync($"/api/partnerships/{partnership.Id}/recharges?year=2022-23&quarter=5");
        var badFormat = await client.GetAsync($"/api/partnerships/{partnership.Id}/recharges?year=2022-23&format=pdf");
        var (pageResponse, page) = await client.GetPageAsync($"/partnerships/{partnership.Id}/recharges?year=last+year");
        var (whatIfResponse, whatIf) = await client.GetPageAsync($"/partnerships/{partnership.Id}/recharges/what-if?year=22");

        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal("Enter a financial year like 2022-23", (await badYear.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("year")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badQuarter.StatusCode);
        Assert.True((await badQuarter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("quarter", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pageResponse.StatusCode);
        Assert.Equal(["Enter a financial year like 2022-23"], page.ErrorMessages());
        Assert.Equal("#Year", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("last year", page.QuerySelector("#Year")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#items"));
        Assert.Equal(HttpStatusCode.BadRequest, whatIfResponse.StatusCode);
        Assert.Equal(["Enter a financial year like 2022-23"], whatIf.ErrorMessages());
    }

    [Fact]
    public async Task What_if_compares_the_current_rules_equal_shares_and_each_driver_with_measures_for_every_council()
    {
        var (partnership, stockport, tameside, expected) = await ExpectedAsync();
        var client = await SignInAsync("finance@stockport.demo");

        var (response, page) = await client.GetPageAsync($"/partnerships/{partnership}/recharges/what-if?year=2022-23");

        decimal[] Split(decimal stockportValue, decimal tamesideValue) =>
            [.. ApportionmentRule.Create(ApportionmentMethod.Driver, ApportionmentDriver.NumberOfSchools, 2025, [new(stockport, stockportValue), new(tameside, tamesideValue)], [stockport, tameside])
                .Split(expected.Total, [stockport, tameside]).Values];
        var population = Split(83_763m, 70_383m);
        var schools = Split(124m, 103m);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Council", "Current rules", "Equal shares", "In proportion to population aged 0 to 25 (2021)", "In proportion to number of schools (2025)"],
            page.QuerySelectorAll("#what-if thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(
            string.Join(' ', "Stockport", Money.Format(expected.Share[stockport]), Money.Format(expected.Total - Math.Floor(expected.Total * 100 / 2) / 100), Money.Format(population[0]), Money.Format(schools[0])),
            page.Text($"#what-if tr[data-authority='{stockport}']"));
        Assert.Equal(
            string.Join(' ', "Tameside", Money.Format(expected.Share[tameside]), Money.Format(Math.Floor(expected.Total * 100 / 2) / 100), Money.Format(population[1]), Money.Format(schools[1])),
            page.Text($"#what-if tr[data-authority='{tameside}']"));
        Assert.Equal(population[0] + population[1], expected.Total);
    }

    [Fact]
    public async Task What_if_compares_one_post_on_its_own()
    {
        var (partnership, stockport, tameside, expected) = await ExpectedAsync();
        var director = await ReadAsync(db => db.SharedPosts.SingleAsync(p => p.Title == "Joint Director of Education"));
        var client = await SignInAsync("officer@tameside.demo");

        var (response, page) = await client.GetPageAsync($"/partnerships/{partnership}/recharges/what-if?year=2022-23&item={director.Id}");

        // Population aged 0 to 25 (Census 2021): Stockport 83,763, Tameside 70,383, of 154,146. Rounded down to the
        // penny, with the penny left over going to the larger remainder.
        var cost = expected.Costs["Joint Director of Education"];
        var pence = cost * 100;
        var (s, t) = (Math.Floor(pence * 83_763m / 154_146m), Math.Floor(pence * 70_383m / 154_146m));
        if (s + t < pence)
        {
            var (rs, rt) = (pence * 83_763m / 154_146m - s, pence * 70_383m / 154_146m - t);
            (s, t) = rs >= rt ? (s + 1, t) : (s, t + 1);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"Each council's part of {Money.Format(cost)}, Joint Director of Education", page.Text("#what-if caption"), StringComparison.Ordinal);
        Assert.Equal("Its rule: Equal shares", page.QuerySelectorAll("#what-if thead th")[1].TextContent.Trim());
        Assert.Contains(Money.Format(s / 100), page.Text($"#what-if tr[data-authority='{stockport}']"), StringComparison.Ordinal);
        Assert.Contains(Money.Format(t / 100), page.Text($"#what-if tr[data-authority='{tameside}']"), StringComparison.Ordinal);
        Assert.Equal(director.Id.ToString(), page.QuerySelector("#Item option[selected]")?.GetAttribute("value"));
    }
}

public sealed class RechargeTestsOnSqlite(SqliteApp app) : RechargeTests<SqliteApp>(app);

public sealed class RechargeTestsOnPostgres(PostgresApp app) : RechargeTests<PostgresApp>(app);
