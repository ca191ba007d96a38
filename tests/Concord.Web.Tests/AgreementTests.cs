using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core.Access;
using Concord.Core.Finance;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Attention;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>Shared services agreements and their KPIs: pages, API, alerts, the option's gate, and who may see them.</summary>
public abstract class AgreementTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string Hub = "Quality and Improvement Hub";
    private const string OutOfHours = "Shared Out of Hours Service";

    private async Task<(Guid Stockport, Guid Tameside)> CouncilsAsync() => ((await AuthorityAsync("Stockport")).Id, (await AuthorityAsync("Tameside")).Id);

    private async Task<object> AgreementBodyAsync(string title, Guid? optionId = null, string status = "Draft", string? signedOn = null, decimal value = 25_000, string ends = "2030-08-31")
    {
        var (stockport, tameside) = await CouncilsAsync();
        return new
        {
            title,
            optionId,
            parties = new[] { stockport, tameside },
            contributions = new object[]
            {
                new { authorityId = stockport, kind = "Money", description = "Half of the hub lead's salary", annualValue = 30_000m },
                new { authorityId = tameside, kind = "Money", description = "Half of the hub lead's salary", annualValue = value },
                new { authorityId = tameside, kind = "Premises", description = "Office space at Dukinfield Town Hall", annualValue = 6_000m },
            },
            riskSharing = "Overspends shared equally",
            contingency = "Each council's own team covers its schools if the hub fails",
            exitArrangements = "Twelve months' notice",
            starts = "2027-09-01",
            ends,
            reviewDate = "2028-03-01",
            status,
            signedOn,
            rule = new { method = "FixedPercentages", shares = new[] { new { authorityId = stockport, value = 55m }, new { authorityId = tameside, value = 45m } } },
        };
    }

    private async Task<JsonElement> NewAgreementAsync(HttpClient client, string title, Guid? optionId = null)
    {
        var partnership = await DemoPartnershipAsync();
        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/agreements", await AgreementBodyAsync(title, optionId));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(string Name, string Value)[]> PageFieldsAsync(string title, params (string Name, string Value)[] overrides)
    {
        var (stockport, tameside) = await CouncilsAsync();
        (string, string)[] defaults =
        [
            ("Input.Title", title),
            ("Input.Contributions[0].AuthorityId", stockport.ToString()),
            ("Input.Contributions[0].Kind", "Money"),
            ("Input.Contributions[0].Description", "Half of the coordinator's salary"),
            ("Input.Contributions[0].AnnualValue", "£21,000"),
            ("Input.Contributions[1].AuthorityId", tameside.ToString()),
            ("Input.Contributions[1].Kind", "StaffTime"),
            ("Input.Contributions[1].Description", "Data analyst, 0.2 FTE"),
            ("Input.Contributions[1].AnnualValue", "9000"),
            ("Input.Starts.Day", "1"),
            ("Input.Starts.Month", "4"),
            ("Input.Starts.Year", "2027"),
            ("Input.Ends.Day", "31"),
            ("Input.Ends.Month", "3"),
            ("Input.Ends.Year", "2030"),
            ("Input.Status", "Draft"),
        ];
        return [.. defaults.Where(d => overrides.All(o => o.Name != d.Item1)), .. overrides];
    }

    [Fact]
    public async Task An_agreement_added_on_the_page_is_linked_to_its_option_and_shows_money_and_in_kind_totals_per_council()
    {
        var partnership = await DemoPartnershipAsync();
        var hub = await OptionAsync(Hub);
        var client = await SignInAsync("officer@stockport.demo");

        var response = await client.SubmitAsync($"/partnerships/{partnership.Id}/agreements/new?optionId={hub.Id}", "main form", await PageFieldsAsync("Hub coordination agreement"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var agreement = await ReadAsync(db => db.Agreements.SingleAsync(a => a.Title == "Hub coordination agreement"));
        Assert.Equal($"/agreements/{agreement.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(hub.Id, agreement.OptionId);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.Equal(2, agreement.Parties.Count);
        Assert.Equal([21_000m, 9_000m], agreement.Contributions.Select(c => c.AnnualValue));
        var (_, page) = await client.GetPageAsync($"/agreements/{agreement.Id}");
        Assert.Equal("£21,000.00 £0.00 £21,000.00", page.Text("#contribution-totals tr[data-council='Stockport']").Replace("Stockport ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("£0.00 £9,000.00 £9,000.00", page.Text("#contribution-totals tr[data-council='Tameside']").Replace("Tameside ", string.Empty, StringComparison.Ordinal));
        Assert.Contains(Hub, page.Text("#agreement"), StringComparison.Ordinal);
        var (_, list) = await client.GetPageAsync($"/partnerships/{partnership.Id}/agreements");
        Assert.Contains("Hub coordination agreement", list.Text($"#agreements tr[data-id='{agreement.Id}']"), StringComparison.Ordinal);
        Assert.Contains("Draft", list.Text($"#agreements tr[data-id='{agreement.Id}']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_on_the_page_names_the_row_or_field_and_nothing_is_saved()
    {
        var partnership = await DemoPartnershipAsync();
        var bolton = await AuthorityAsync("Bolton");
        var (stockport, tameside) = await CouncilsAsync();
        var client = await SignInAsync("officer@tameside.demo");
        var before = await ReadAsync(db => db.Agreements.CountAsync());

        var response = await client.SubmitAsync($"/partnerships/{partnership.Id}/agreements/new", "main form", await PageFieldsAsync("Broken agreement",
            ("Input.Contributions[1].AnnualValue", "-500"),
            ("Input.Ends.Year", "2026"),
            ("Input.Status", "Signed")));
        var page = await Browser.ParseAsync(response);
        var outsider = await client.PostFormAsync($"/partnerships/{partnership.Id}/agreements/new", $"/partnerships/{partnership.Id}/agreements/new",
            ("Input.Title", "Outsider"), ("Input.Parties", stockport.ToString()), ("Input.Parties", tameside.ToString()), ("Input.Parties", bolton.Id.ToString()),
            ("Input.Status", "Draft"), ("Input.RuleMethod", "EqualShares"));
        var outsiderPage = await Browser.ParseAsync(outsider);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = page.ErrorMessages();
        Assert.Contains("Contribution 2: the yearly value cannot be negative", errors);
        Assert.Contains("The term must end after it starts", errors);
        Assert.Contains("Enter the date the agreement was signed", errors);
        var links = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Input_Contributions_1_", links);
        Assert.Contains("#Input_Ends", links);
        Assert.Contains("#Input_SignedOn", links);
        Assert.Contains("Contribution 2: the yearly value cannot be negative", page.Text("#Input_Contributions_1_ .govuk-error-message"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.Contains("The parties must be members of the partnership", outsiderPage.ErrorMessages());
        Assert.Equal(before, await ReadAsync(db => db.Agreements.CountAsync()));
    }

    [Fact]
    public async Task The_API_creates_an_agreement_and_refuses_bad_input_as_problem_details_saving_nothing()
    {
        var partnership = await DemoPartnershipAsync();
        var bolton = await AuthorityAsync("Bolton");
        var client = await SignInAsync("officer@stockport.demo");

        var created = await NewAgreementAsync(client, "Hub API agreement");
        var before = await ReadAsync(db => db.Agreements.CountAsync());
        var bad = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/agreements",
            await AgreementBodyAsync("Bad", status: "Signed", value: -1m, ends: "2027-01-01"));
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        var outsider = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/agreements", new
        {
            title = "Outsider",
            parties = new[] { (await AuthorityAsync("Stockport")).Id, bolton.Id },
            status = "Draft",
        });
        var outsiderProblem = await outsider.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("FixedPercentages", created.GetProperty("rule").GetProperty("method").GetString());
        Assert.Equal("Fixed percentages: Stockport 55%, Tameside 45%", created.GetProperty("rule").GetProperty("description").GetString());
        var tameside = created.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("council").GetProperty("name").GetString() == "Tameside");
        Assert.Equal(25_000m, tameside.GetProperty("money").GetDecimal());
        Assert.Equal(6_000m, tameside.GetProperty("inKind").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("application/problem+json", bad.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Contribution 2: the yearly value cannot be negative", errors.GetProperty("contributions")[0].GetString());
        Assert.Equal("The term must end after it starts", errors.GetProperty("ends")[0].GetString());
        Assert.Equal("Enter the date the agreement was signed", errors.GetProperty("signedOn")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.Equal("The parties must be members of the partnership", outsiderProblem.GetProperty("errors").GetProperty("parties")[0].GetString());
        Assert.Equal(before, await ReadAsync(db => db.Agreements.CountAsync()));
    }

    [Fact]
    public async Task A_change_made_against_an_old_version_is_refused_and_the_latest_is_kept()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var created = await NewAgreementAsync(client, "Versioned agreement");
        var id = created.GetProperty("id").GetGuid();
        var stale = created.GetProperty("version").GetGuid();
        var body = JsonSerializer.SerializeToElement(await AgreementBodyAsync("Versioned agreement, renamed"));

        var first = await client.PutAsJsonAsync($"/api/agreements/{id}", With(body, stale));
        var second = await client.PutAsJsonAsync($"/api/agreements/{id}", With(body, stale));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    private static Dictionary<string, object?> With(JsonElement body, Guid version)
    {
        var fields = body.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["version"] = version;
        return fields;
    }

    [Fact]
    public async Task A_KPI_red_two_periods_running_raises_an_alert_on_the_agreement_the_option_and_the_home_page()
    {
        var hub = await OptionAsync(Hub);
        var client = await SignInAsync("officer@stockport.demo");
        var agreement = (await NewAgreementAsync(client, "Hub performance agreement", hub.Id)).GetProperty("id").GetGuid();

        var added = await client.SubmitAsync($"/agreements/{agreement}/kpis/new", "main form",
            ("Input.Measure", "Schools using the hub"), ("Input.Unit", "%"), ("Input.Target", "60"),
            ("Input.Polarity", "HigherIsBetter"), ("Input.Frequency", "Termly"), ("Input.Source", "Hub booking system"));
        var kpi = await ReadAsync(db => db.Kpis.SingleAsync(k => k.Measure == "Schools using the hub"));
        var green = await client.SubmitAsync($"/kpis/{kpi.Id}", "#record",
            ("Actual.Period", "Autumn term 2027"), ("Actual.PeriodEnd.Day", "31"), ("Actual.PeriodEnd.Month", "12"), ("Actual.PeriodEnd.Year", "2027"), ("Actual.Value", "61"));
        var (_, beforeAlert) = await client.GetPageAsync($"/agreements/{agreement}");
        var red = await client.SubmitAsync($"/kpis/{kpi.Id}", "#record",
            ("Actual.Period", "Spring term 2028"), ("Actual.PeriodEnd.Day", "31"), ("Actual.PeriodEnd.Month", "3"), ("Actual.PeriodEnd.Year", "2028"), ("Actual.Value", "40"));
        var secondRed = await client.PostAsJsonAsync($"/api/kpis/{kpi.Id}/actuals", new { period = "Summer term 2028", periodEnd = "2028-07-31", value = 45m, note = "Two schools left" });
        var dto = await secondRed.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, green.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, red.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondRed.StatusCode);
        Assert.Empty(beforeAlert.QuerySelectorAll("#alerts .govuk-warning-text"));
        Assert.True(dto.GetProperty("redTwiceRunning").GetBoolean());
        Assert.Equal(["Green", "Red", "Red"], dto.GetProperty("actuals").EnumerateArray().Select(a => a.GetProperty("rag").GetString()));

        var (_, kpiPage) = await client.GetPageAsync($"/kpis/{kpi.Id}");
        Assert.Equal(["Green", "Red", "Red"], kpiPage.QuerySelectorAll("#actuals tbody .govuk-tag").Select(t => t.TextContent.Trim()));
        var chart = kpiPage.QuerySelector("#trend svg")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Contains("3 periods from Autumn term 2027 to Summer term 2028", kpiPage.Text("#trend-desc"), StringComparison.Ordinal);
        Assert.Equal(3, chart.QuerySelectorAll("circle").Length);

        var alert = $"KPI red two periods running: Schools using the hub";
        var (_, agreementPage) = await client.GetPageAsync($"/agreements/{agreement}");
        Assert.Contains(alert, agreementPage.Text("#alerts"), StringComparison.Ordinal);
        Assert.NotNull(agreementPage.QuerySelector($"#alerts a[href='/kpis/{kpi.Id}']"));
        var (_, optionPage) = await client.GetPageAsync($"/options/{hub.Id}");
        Assert.Contains("Schools using the hub has been red for two periods in a row (Hub performance agreement)", optionPage.Text("main"), StringComparison.Ordinal);
        var (_, home) = await (await SignInAsync("viewer@tameside.demo")).GetPageAsync("/");
        var item = home.QuerySelectorAll("#attention li").Single(li => li.QuerySelector($"a[href='/kpis/{kpi.Id}']") is not null);
        Assert.Contains(alert, item.TextContent, StringComparison.Ordinal);
        var api = await (await client.GetAsync($"/api/agreements/{agreement}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(alert, api.GetProperty("alerts")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Recording_a_period_again_replaces_its_value_and_bad_input_names_the_field()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var agreement = (await NewAgreementAsync(client, "Replacement agreement")).GetProperty("id").GetGuid();
        var kpi = await (await client.PostAsJsonAsync($"/api/agreements/{agreement}/kpis",
            new { measure = "Complaints upheld", target = 5m, polarity = "LowerIsBetter", frequency = "Quarterly", source = "Complaints log" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = kpi.GetProperty("id").GetGuid();

        await client.PostAsJsonAsync($"/api/kpis/{id}/actuals", new { period = "Q1", periodEnd = "2027-06-30", value = 9m });
        var replaced = await (await client.PostAsJsonAsync($"/api/kpis/{id}/actuals", new { period = "Q1 2027-28", periodEnd = "2027-06-30", value = 4m }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var bad = await client.SubmitAsync($"/kpis/{id}", "#record", ("Actual.Period", string.Empty), ("Actual.Value", "lots"));
        var page = await Browser.ParseAsync(bad);

        var actual = Assert.Single(replaced.GetProperty("actuals").EnumerateArray());
        Assert.Equal("Q1 2027-28", actual.GetProperty("period").GetString());
        Assert.Equal("Green", actual.GetProperty("rag").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["Enter the period, for example 2022-23 quarter 1", "Enter the last day of the period", "Enter the value as a number, like 78.5"], page.ErrorMessages());
        Assert.Equal(1, await ReadAsync(db => db.KpiActuals.CountAsync(a => a.KpiId == id)));
    }

    [Fact]
    public async Task Linking_an_agreement_meets_the_drafted_criterion_and_its_gate_reads_it_signed()
    {
        var option = await OptionAsync(OutOfHours);
        var client = await SignInAsync("officer@stockport.demo");

        async Task<JsonElement> CriterionAsync(string key) =>
            (await (await client.GetAsync($"/api/options/{option.Id}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("gate").GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("key").GetString() == key);

        var before = await CriterionAsync("agreement-drafted");
        var created = await NewAgreementAsync(client, "Out of hours agreement", option.Id);
        var drafted = await CriterionAsync("agreement-drafted");
        var body = JsonSerializer.SerializeToElement(await AgreementBodyAsync("Out of hours agreement", option.Id, "Signed", "2027-08-20"));
        var signed = await client.PutAsJsonAsync($"/api/agreements/{created.GetProperty("id").GetGuid()}", With(body, created.GetProperty("version").GetGuid()));
        var afterSigning = await CriterionAsync("agreement-drafted");

        Assert.False(before.GetProperty("met").GetBoolean());
        Assert.True(drafted.GetProperty("met").GetBoolean());
        Assert.Equal("Out of hours agreement: draft", drafted.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("Out of hours agreement: signed", afterSigning.GetProperty("detail").GetString());
        await using var db = App.Database.OpenAsSystem();
        var reader = new Programme.ProgrammeReader(db, new FixedUser((await AuthorityAsync("Stockport")).Id, Role.Officer), TimeProvider.System);
        var view = (await reader.ForProgrammeAsync(option.ProgrammeId, CancellationToken.None))!;
        var evidence = await reader.EvidenceAsync(option, view, CancellationToken.None);
        Assert.True(evidence.Agreement!.Status.IsSigned());
    }

    [Fact]
    public async Task A_council_outside_the_partnership_sees_no_agreement_KPI_actual_or_alert()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var created = await NewAgreementAsync(client, "Private to the partnership");
        var id = created.GetProperty("id").GetGuid();
        var bolton = await AuthorityAsync("Bolton");
        var boltonLead = new FixedUser(bolton.Id, Role.ProgrammeLead);
        var tamesideViewer = new FixedUser((await AuthorityAsync("Tameside")).Id, Role.Viewer);

        await using (var db = App.Database.Open(boltonLead))
        {
            Assert.Empty(await db.Agreements.ToListAsync());
            Assert.Empty(await db.Kpis.ToListAsync());
            Assert.Empty(await db.KpiActuals.ToListAsync());
            Assert.Empty(await db.CostBenefitAnalyses.ToListAsync());
            Assert.Null(await new AgreementReader(db).FindAsync(id, CancellationToken.None));
            Assert.Empty(await new KpiAlerts().FindAsync(db, boltonLead, DateTimeOffset.UtcNow, CancellationToken.None));
        }

        await using (var db = App.Database.Open(tamesideViewer))
        {
            Assert.NotNull(await new AgreementReader(db).FindAsync(id, CancellationToken.None));
            Assert.NotEmpty(await new KpiAlerts().FindAsync(db, tamesideViewer, DateTimeOffset.UtcNow, CancellationToken.None));
        }

        var viewer = await SignInAsync("viewer@tameside.demo");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/agreements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/agreements/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/agreements/{id}/kpis", new { measure = "x" })).StatusCode);
    }
}

public sealed class AgreementTestsOnSqlite(SqliteApp app) : AgreementTests<SqliteApp>(app);

public sealed class AgreementTestsOnPostgres(PostgresApp app) : AgreementTests<PostgresApp>(app);
