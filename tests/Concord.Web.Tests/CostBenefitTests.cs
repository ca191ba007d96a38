using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>An option's cost-benefit analysis: the API's Green Book arithmetic, its pages, and the gate it meets.</summary>
public abstract class CostBenefitTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private async Task<Guid> NewOptionAsync(HttpClient client, string title)
    {
        var partnership = await DemoPartnershipAsync();
        var members = partnership.Members.Select(m => m.AuthorityId).ToArray();
        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/options",
            new { title, summary = "One team across both councils", serviceArea = "SEND", participants = members, benefits = new[] { "CommonIssuesHandledOnce" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Three years from 2026-27 at the Green Book 3.5%, optimism bias 10%. Doing nothing costs
    /// Stockport £100,000 a year. The option costs Stockport £20,000 once and £60,000 a year (with
    /// bias £88,000, £66,000, £66,000), saves Tameside £10,000 a year and brings it £5,000 a year
    /// of valued benefit. The option against doing nothing, cashable: £22,000 in year 1, then
    /// £44,000 discounted by 1/1.035 and 1/1.035² = £42,512.08 and £41,074.47: NPV £105,586.55,
    /// paying back in year 1. Adding £5,000 × (1 + 0.96618 + 0.93351) = £14,498.47 of valued
    /// benefits gives £120,085.02.
    /// </summary>
    private async Task<object> AnalysisAsync(decimal recurring = 60_000m)
    {
        var stockport = (await AuthorityAsync("Stockport")).Id;
        var tameside = (await AuthorityAsync("Tameside")).Id;
        return new
        {
            firstYear = 2026,
            horizonYears = 3,
            optimismBias = 0.1m,
            lines = new object[]
            {
                new { scenario = "DoNothing", authorityId = stockport, kind = "RecurringCost", description = "Two teams", amounts = new[] { 100_000m, 100_000m, 100_000m } },
                new { scenario = "Option", authorityId = stockport, kind = "OneOffCost", description = "Set-up", amounts = new[] { 20_000m, 0m, 0m } },
                new { scenario = "Option", authorityId = stockport, kind = "RecurringCost", description = "One team", amounts = new[] { recurring, recurring, recurring } },
                new { scenario = "Option", authorityId = tameside, kind = "CashableSaving", description = "Fewer agency staff", amounts = new[] { 10_000m, 10_000m, 10_000m } },
                new { scenario = "Option", authorityId = tameside, kind = "ValuedBenefit", description = "Officer time released", amounts = new[] { 5_000m, 5_000m, 5_000m } },
            },
            describedBenefits = new[] { "One standard for families in both boroughs" },
            notes = "Test figures",
        };
    }

    private static async Task<JsonElement> CriterionAsync(HttpClient client, Guid option, string key) =>
        (await (await client.GetAsync($"/api/options/{option}")).Content.ReadFromJsonAsync<JsonElement>())
        .GetProperty("gate").GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("key").GetString() == key);

    [Fact]
    public async Task The_API_evaluates_the_net_present_value_payback_and_split_as_worked_by_hand_and_meets_the_gate_criterion()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var option = await NewOptionAsync(client, "Joint placements team");

        var missing = await client.GetAsync($"/api/options/{option}/cost-benefit");
        var before = await CriterionAsync(client, option, "cost-benefit");
        var put = await client.PutAsJsonAsync($"/api/options/{option}/cost-benefit", await AnalysisAsync());
        var after = await CriterionAsync(client, option, "cost-benefit");
        var analysis = await (await client.GetAsync($"/api/options/{option}/cost-benefit")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(before.GetProperty("met").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.True(after.GetProperty("met").GetBoolean());
        var result = analysis.GetProperty("result");
        Assert.Equal(105_586.55m, result.GetProperty("netPresentValueCashable").GetDecimal());
        Assert.Equal(120_085.02m, result.GetProperty("netPresentValue").GetDecimal());
        Assert.Equal("2026-27", result.GetProperty("payback").GetProperty("year").GetString());
        Assert.Equal(0.035m, analysis.GetProperty("discountRate").GetDecimal());
        Assert.Equal(["2026-27", "2027-28", "2028-29"], result.GetProperty("increment").EnumerateArray().Select(y => y.GetProperty("year").GetString()));
        Assert.Equal(88_000m, result.GetProperty("option")[0].GetProperty("costsWithBias").GetDecimal());
        var split = result.GetProperty("split").EnumerateArray().ToDictionary(s => s.GetProperty("council").GetProperty("name").GetString()!);
        Assert.Equal(28_996.94m, split["Tameside"].GetProperty("cashableSavings").GetDecimal());
        Assert.Equal(0m, split["Tameside"].GetProperty("costs").GetDecimal());
    }

    [Fact]
    public async Task A_second_PUT_replaces_the_analysis_and_bad_lines_are_refused_naming_the_line_and_nothing_changes()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var option = await NewOptionAsync(client, "Joint transport team");
        await client.PutAsJsonAsync($"/api/options/{option}/cost-benefit", await AnalysisAsync());

        var replaced = await client.PutAsJsonAsync($"/api/options/{option}/cost-benefit", await AnalysisAsync(recurring: 70_000m));
        var bad = await client.PutAsJsonAsync($"/api/options/{option}/cost-benefit", new
        {
            firstYear = 2026,
            horizonYears = 3,
            discountRate = 0.5m,
            lines = new[] { new { scenario = "Option", authorityId = (await AuthorityAsync("Bolton")).Id, kind = "OneOffCost", description = "Set-up", amounts = new[] { 1m, 2m } } },
        });
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("The discount rate must be between 0% and 20%", problem.GetProperty("errors").GetProperty("discountRate")[0].GetString());
        Assert.Equal(
            ["Line 1: choose one of the councils taking part in the option", "Line 1: give an amount for each of the 3 years"],
            problem.GetProperty("errors").GetProperty("lines").EnumerateArray().Select(e => e.GetString()));
        var saved = await ReadAsync(db => db.CostBenefitAnalyses.SingleAsync(a => a.OptionId == option));
        Assert.Equal(70_000m, saved.Lines[2].Amounts[0]);
    }

    [Fact]
    public async Task Prepared_on_its_page_the_analysis_shows_its_tables_and_bad_lines_are_named_on_the_form()
    {
        var client = await SignInAsync("officer@tameside.demo");
        var option = await NewOptionAsync(client, "Joint admissions team");
        var stockport = (await AuthorityAsync("Stockport")).Id.ToString();
        var tameside = (await AuthorityAsync("Tameside")).Id.ToString();
        (string, string)[] Line(int i, string scenario, string council, string kind, string description, string amounts) =>
        [
            ($"Input.Lines[{i}].Scenario", scenario), ($"Input.Lines[{i}].AuthorityId", council), ($"Input.Lines[{i}].Kind", kind),
            ($"Input.Lines[{i}].Description", description), ($"Input.Lines[{i}].Amounts", amounts),
        ];
        (string, string)[] assumptions = [("Input.FirstYear", "2026"), ("Input.HorizonYears", "3"), ("Input.DiscountRate", "3.5"), ("Input.OptimismBias", "10")];
        (string, string)[] lines =
        [
            .. Line(0, "DoNothing", stockport, "RecurringCost", "Two teams", "100,000 100,000 100,000"),
            .. Line(1, "Option", stockport, "OneOffCost", "Set-up", "20000, 0, 0"),
            .. Line(2, "Option", stockport, "RecurringCost", "One team", "60000 60000 60000"),
            .. Line(3, "Option", tameside, "CashableSaving", "Fewer agency staff", "10000 10000 10000"),
            .. Line(4, "Option", tameside, "ValuedBenefit", "Officer time released", "5000 5000 5000"),
        ];

        var (_, invitation) = await client.GetPageAsync($"/options/{option}/cost-benefit");
        var bad = await client.SubmitAsync($"/options/{option}/cost-benefit/edit", "main form",
            [.. assumptions.Concat(lines).Where(f => f.Item1 is not ("Input.Lines[1].Amounts" or "Input.Lines[2].Amounts" or "Input.DiscountRate")),
                ("Input.Lines[1].Amounts", "20000 0"), ("Input.Lines[2].Amounts", "60000 sixty 60000"), ("Input.DiscountRate", "three")]);
        var badPage = await Browser.ParseAsync(bad);
        var afterBad = await ReadAsync(db => db.CostBenefitAnalyses.CountAsync(a => a.OptionId == option));
        var good = await client.SubmitAsync($"/options/{option}/cost-benefit/edit", "main form", [.. assumptions, .. lines, ("Input.DescribedBenefits", "One standard\nShared training")]);
        var (_, page) = await client.GetPageAsync($"/options/{option}/cost-benefit");

        Assert.NotNull(invitation.QuerySelector("#invitation"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0, afterBad);
        var errors = badPage.ErrorMessages();
        Assert.Contains("Enter the discount rate as a percentage, like 3.5", errors);
        Assert.Contains("Line 2: give an amount for each of the 3 years", errors);
        Assert.Contains("Line 3: the amount for year 2 (\u201csixty\u201d) is not a number", errors);
        Assert.Contains("#Input_Lines_1_", badPage.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal($"/options/{option}/cost-benefit", good.Headers.Location?.OriginalString);
        Assert.Equal("£105,586.55", page.Text("#npv-cashable"));
        Assert.Equal("£120,085.02", page.Text("#npv"));
        Assert.Equal("Year 1 (2026-27)", page.Text("#payback"));
        Assert.Equal(3, page.QuerySelectorAll("#do-nothing tbody tr").Length);
        Assert.Equal(3, page.QuerySelectorAll("#increment tbody tr").Length);
        Assert.Equal(["One standard", "Shared training"], page.QuerySelectorAll("#described-benefits li").Select(li => li.TextContent));
        Assert.Contains("By Taylor Brooks", page.Text("#assumptions"), StringComparison.Ordinal);
    }
}

public sealed class CostBenefitTestsOnSqlite(SqliteApp app) : CostBenefitTests<SqliteApp>(app);

public sealed class CostBenefitTestsOnPostgres(PostgresApp app) : CostBenefitTests<PostgresApp>(app);
