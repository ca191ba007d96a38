using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Web.Tests.Infrastructure;

namespace Concord.Web.Tests;

/// <summary>The home page's "Needs attention": what each kind of record asks of people now.</summary>
public abstract class HomeTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private static async Task<IReadOnlyList<string>> AttentionAsync(HttpClient client)
    {
        var (response, page) = await client.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelectorAll("#attention .govuk-task-list__link").Select(a => a.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task The_demo_programme_asks_for_attention_once_for_each_thing_that_needs_it()
    {
        var items = await AttentionAsync(await SignInAsync("officer@tameside.demo"));

        Assert.Equal(items.Count, items.Distinct().Count());
        Assert.Contains("Decision awaited from Stockport: Shared Out of Hours Service", items);
        Assert.Contains("Decision awaited from Tameside: Shared Out of Hours Service", items);
        Assert.Contains("Milestone overdue: Response standard agreed by both councils", items);
        Assert.Contains("Approvals out of step: Out of hours proposal through governance: approval for implementation", items);
        Assert.Contains(items, i => i.StartsWith("Board action overdue: Share both councils' school improvement traded offers", StringComparison.Ordinal));
        Assert.Contains(items, i => i.StartsWith("Risk review overdue: ", StringComparison.Ordinal) && i.Contains("Maintaining the level of service", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_programme_lead_is_told_when_a_gate_is_ready_and_an_officer_is_not()
    {
        var partnership = await DemoPartnershipAsync();
        var lead = await SignInAsync("programme@stockport.demo");
        var members = partnership.Members.Select(m => m.AuthorityId).ToArray();
        var option = await (await lead.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/options",
            new { title = "Joint sufficiency team", summary = "One team planning specialist places", serviceArea = "SEND", participants = members, benefits = new[] { "CommonIssuesHandledOnce" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = option.GetProperty("id").GetGuid();
        var version = option.GetProperty("version").GetGuid();
        var costBenefit = await lead.PutAsJsonAsync($"/api/options/{id}/cost-benefit", new
        {
            firstYear = 2026,
            lines = new[]
            {
                new { scenario = "DoNothing", authorityId = members[0], kind = "RecurringCost", description = "Two out-of-borough placements", amounts = new[] { 240_000m, 240_000m, 240_000m, 240_000m, 240_000m } },
                new { scenario = "Option", authorityId = members[0], kind = "RecurringCost", description = "Joint sufficiency team", amounts = new[] { 90_000m, 90_000m, 90_000m, 90_000m, 90_000m } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, costBenefit.StatusCode);
        version = await PutAppraisalAsync(lead, id, "eqia", new { eqia = "FullAssessmentNeeded", version });
        await PutAppraisalAsync(lead, id, "considerations", new { hrConsiderations = "No TUPE", legalConsiderations = "Section 101 delegation", version });
        var risk = await lead.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/risks", new
        {
            optionId = id,
            title = "Places fill faster than planned",
            implication = "More out-of-borough placements",
            mitigation = "Quarterly forecast review",
            owner = "Sufficiency lead",
            scope = "Partnership",
            inherentLikelihood = 3,
            inherentImpact = 4,
            currentLikelihood = 3,
            currentImpact = 3,
            targetLikelihood = 2,
            targetImpact = 3,
            reviewDate = "2027-03-01",
        });
        var meeting = await (await lead.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/board/meetings", new { date = "2026-10-15", location = "Stopford House" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var item = await (await lead.PostAsJsonAsync($"/api/board/meetings/{meeting.GetProperty("id").GetGuid()}/items", new { title = "Joint sufficiency team", optionId = id }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var advice = await lead.PutAsJsonAsync($"/api/board/items/{item.GetProperty("id").GetGuid()}/advice", new { advice = "Proceed to due diligence", version = item.GetProperty("version").GetGuid() });

        var forLead = await AttentionAsync(lead);
        var forOfficer = await AttentionAsync(await SignInAsync("officer@stockport.demo"));

        Assert.Equal(HttpStatusCode.Created, risk.StatusCode);
        Assert.True(advice.IsSuccessStatusCode, await advice.Content.ReadAsStringAsync());
        Assert.Contains("Ready to move to stage 2: due diligence: Joint sufficiency team", forLead);
        Assert.DoesNotContain(forOfficer, i => i.StartsWith("Ready to move", StringComparison.Ordinal));
    }

    private static async Task<Guid> PutAppraisalAsync(HttpClient client, Guid option, string part, object body)
    {
        var response = await client.PutAsJsonAsync($"/api/options/{option}/appraisal/{part}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
    }
}

public sealed class HomeTestsOnSqlite(SqliteApp app) : HomeTests<SqliteApp>(app);

public sealed class HomeTestsOnPostgres(PostgresApp app) : HomeTests<PostgresApp>(app);
