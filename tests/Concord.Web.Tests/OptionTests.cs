using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core.Programme;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>Options, their stage gates and each council's decisions, on the pages and through the API.</summary>
public abstract class OptionTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string OutOfHours = "Shared Out of Hours Service";
    private const string Hub = "Quality and Improvement Hub";

    private async Task<Guid> NewOptionAsync(HttpClient client, string title)
    {
        var partnership = await DemoPartnershipAsync();
        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/options", new
        {
            title,
            summary = "A test option for both councils",
            serviceArea = "Education",
            participants = partnership.Members.Select(m => m.AuthorityId),
            benefits = new[] { "CommonIssuesHandledOnce" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_API_lists_the_programmes_options_with_their_stages()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("viewer@tameside.demo");

        var options = await client.GetFromJsonAsync<List<JsonElement>>($"/api/partnerships/{partnership.Id}/options");

        var stages = options!.ToDictionary(o => o.GetProperty("title").GetString()!, o => o.GetProperty("stage").GetString());
        Assert.Equal("Implemented", stages["Shared early years education improvement leadership (proof of concept)"]);
        Assert.Equal("DueDiligence", stages[OutOfHours]);
        Assert.Equal("Formulation", stages[Hub]);
    }

    [Fact]
    public async Task Advancing_an_option_whose_gate_is_not_met_is_refused_with_the_same_list_the_page_shows()
    {
        var option = await OptionAsync(OutOfHours);
        var client = await SignInAsync("programme@stockport.demo");

        var refused = await client.PostAsJsonAsync($"/api/options/{option.Id}/advance", new { });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var (_, page) = await client.GetPageAsync($"/options/{option.Id}");
        var pageMissing = page.QuerySelectorAll("#gate-criteria li")
            .Where(li => li.QuerySelector(".govuk-tag") is not null)
            .Select(li => $"{li.QuerySelector("a")!.TextContent.Trim()}: {li.QuerySelector(".govuk-task-list__hint")!.TextContent.Trim()["Missing: ".Length..]}")
            .ToList();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(pageMissing, problem.GetProperty("unmet").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(pageMissing, m => m.StartsWith("Approved by Tameside through its own decision-making body: ", StringComparison.Ordinal));
        Assert.Equal(Stage.DueDiligence, (await OptionAsync(OutOfHours)).Stage);
    }

    [Fact]
    public async Task Advancing_on_the_page_lists_what_is_missing_in_the_error_summary()
    {
        var option = await OptionAsync(Hub);
        var client = await SignInAsync("director@partnership.demo");

        var response = await client.SubmitAsync($"/options/{option.Id}", "form[action*='handler=Advance']");
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("The option cannot move to stage 2: due diligence yet", page.Text(".govuk-error-summary__title"));
        Assert.Contains("Cost-benefit analysis drafted: no cost-benefit analysis has been prepared", page.ErrorMessages());
    }

    [Fact]
    public async Task A_Tameside_programme_lead_cannot_record_Stockports_decision()
    {
        var option = await OptionAsync(OutOfHours);
        var stockport = await AuthorityAsync("Stockport");
        var tamesideCabinet = await BodyAsync("Tameside", "Executive Cabinet");
        var stockportCabinet = await BodyAsync("Stockport", "Cabinet");
        var client = await SignInAsync("programme@tameside.demo");
        var before = await ReadAsync(db => db.Decisions.CountAsync());

        var asStockport = await client.PostAsJsonAsync($"/api/options/{option.Id}/decisions",
            new { authorityId = stockport.Id, governanceBodyId = stockportCabinet.Id, meetingDate = "2027-01-12", isKeyDecision = true, outcome = "Approved" });
        var throughStockportsBody = await client.PostAsJsonAsync($"/api/options/{option.Id}/decisions",
            new { governanceBodyId = stockportCabinet.Id, meetingDate = "2027-01-12", isKeyDecision = true, outcome = "Approved" });
        var problem = await throughStockportsBody.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, asStockport.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, throughStockportsBody.StatusCode);
        Assert.Equal("Select one of your council's own decision-making bodies", problem.GetProperty("errors").GetProperty("governanceBodyId")[0].GetString());
        Assert.Equal(before, await ReadAsync(db => db.Decisions.CountAsync()));
        Assert.NotEqual(Guid.Empty, tamesideCabinet.Id);
    }

    [Fact]
    public async Task A_decision_for_a_council_outside_the_partnership_is_refused()
    {
        var option = await OptionAsync(OutOfHours);
        var bolton = await AuthorityAsync("Bolton");
        var client = await SignInAsync("programme@tameside.demo");

        var response = await client.PostAsJsonAsync($"/api/options/{option.Id}/decisions", new { authorityId = bolton.Id, outcome = "Approved" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_programme_lead_records_their_own_councils_decision_on_the_page()
    {
        var option = await OptionAsync(OutOfHours);
        var cabinet = await BodyAsync("Tameside", "Executive Cabinet");
        var client = await SignInAsync("programme@tameside.demo");

        var response = await client.SubmitAsync($"/options/{option.Id}/decisions/new", "main form",
            ("Input.GovernanceBodyId", cabinet.Id.ToString()), ("Input.MeetingDate.Day", "3"), ("Input.MeetingDate.Month", "11"), ("Input.MeetingDate.Year", "2026"),
            ("Input.IsKeyDecision", "yes"), ("Input.Outcome", "Deferred"), ("Input.Reference", "EC/26/099"));
        var (_, page) = await client.GetPageAsync($"/options/{option.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var decision = await ReadAsync(db => db.Decisions.SingleAsync(d => d.Reference == "EC/26/099"));
        Assert.Equal(cabinet.AuthorityId, decision.AuthorityId);
        Assert.Equal("Executive Cabinet", decision.BodyName);
        Assert.Equal(DecisionOutcome.Deferred, decision.Outcome);
        Assert.Contains("Deferred", page.Text("#council-decisions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewers_and_officers_cannot_move_options_or_record_decisions()
    {
        var option = await OptionAsync(Hub);
        var viewer = await SignInAsync("viewer@stockport.demo");
        var officer = await SignInAsync("officer@stockport.demo");

        var created = await viewer.PostAsJsonAsync($"/api/partnerships/{option.PartnershipId}/options", new { title = "Viewer's idea" });
        var advance = await officer.PostAsJsonAsync($"/api/options/{option.Id}/advance", new { });
        var decide = await officer.GetAsync($"/options/{option.Id}/decisions/new");
        var withdraw = await officer.PostAsJsonAsync($"/api/options/{option.Id}/withdraw", new { reason = "Officer cannot" });

        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, advance.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, decide.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
        Assert.Equal(Stage.Formulation, (await OptionAsync(Hub)).Stage);
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_a_withdrawn_option_cannot_advance()
    {
        var client = await SignInAsync("programme@stockport.demo");
        var id = await NewOptionAsync(client, "Joint virtual school");

        var noReason = await client.PostAsJsonAsync($"/api/options/{id}/withdraw", new { reason = "" });
        var withdrawn = await client.PostAsJsonAsync($"/api/options/{id}/withdraw", new { reason = "Greater Manchester is commissioning one" });
        var advance = await client.PostAsJsonAsync($"/api/options/{id}/advance", new { });
        var problem = await advance.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, advance.StatusCode);
        Assert.Equal("The option is withdrawn: a withdrawn option cannot move on", problem.GetProperty("unmet")[0].GetString());
        var transition = await ReadAsync(db => db.OptionTransitions.SingleAsync(t => t.OptionId == id));
        Assert.Equal("Chris Allen", transition.By);
        Assert.Equal("Greater Manchester is commissioning one", transition.Reason);
    }

    [Fact]
    public async Task Pausing_on_the_page_is_recorded_with_who_when_and_why()
    {
        var client = await SignInAsync("programme@tameside.demo");
        var id = await NewOptionAsync(client, "Shared admissions team");

        var missing = await client.SubmitAsync($"/options/{id}/stage", "main form", ("Move", "pause"), ("Reason", ""));
        var paused = await client.SubmitAsync($"/options/{id}/stage", "main form", ("Move", "pause"), ("Reason", "Waiting for the budget round"));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["Enter the reason for pausing it"], (await Browser.ParseAsync(missing)).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        var (_, page) = await client.GetPageAsync($"/options/{id}");
        Assert.Contains("Waiting for the budget round", page.Text("#history"), StringComparison.Ordinal);
        Assert.Contains("Jamie Clarke for Tameside", page.Text("#history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_people_editing_the_same_option_never_overwrite_each_other()
    {
        var first = await SignInAsync("officer@stockport.demo");
        var second = await SignInAsync("officer@tameside.demo");
        var id = await NewOptionAsync(first, "Joint music service");
        var read = await first.GetFromJsonAsync<JsonElement>($"/api/options/{id}");
        var version = read.GetProperty("option").GetProperty("version").GetGuid();
        var participants = read.GetProperty("option").GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToArray();

        var saved = await first.PutAsJsonAsync($"/api/options/{id}", new { title = "Joint music service", summary = "First summary", serviceArea = "Education", participants, version });
        var stale = await second.PutAsJsonAsync($"/api/options/{id}", new { title = "Joint music service", summary = "Second summary", serviceArea = "Education", participants, version });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("First summary", await ReadAsync(db => db.Options.Where(o => o.Id == id).Select(o => o.Summary).SingleAsync()));
    }

    [Fact]
    public async Task An_option_needs_two_councils_of_the_partnership()
    {
        var partnership = await DemoPartnershipAsync();
        var bolton = await AuthorityAsync("Bolton");
        var client = await SignInAsync("officer@stockport.demo");

        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/options",
            new { title = "Bolton joins", summary = "x", serviceArea = "y", participants = new[] { partnership.Members[0].AuthorityId, bolton.Id } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Participating authorities must be members of the partnership", problem.GetProperty("errors").GetProperty("participants")[0].GetString());
    }

    [Fact]
    public async Task The_demo_proof_of_concept_walked_every_gate_with_both_councils_approving()
    {
        var option = await OptionAsync("Shared early years education improvement leadership (proof of concept)");
        var client = await SignInAsync("viewer@stockport.demo");

        var (_, page) = await client.GetPageAsync($"/options/{option.Id}");

        Assert.Equal(Stage.Implemented, option.Stage);
        Assert.Equal([Stage.DueDiligence, Stage.Implementation, Stage.Implemented], option.Transitions.OrderBy(t => t.At).Select(t => t.To));
        var decisions = page.Text("#council-decisions");
        Assert.Contains("Approved by Cabinet, 14 June 2022", decisions, StringComparison.Ordinal);
        Assert.Contains("Approved with conditions by Executive Cabinet, 22 June 2022", decisions, StringComparison.Ordinal);
    }
}

public sealed class OptionTestsOnSqlite(SqliteApp app) : OptionTests<SqliteApp>(app);

public sealed class OptionTestsOnPostgres(PostgresApp app) : OptionTests<PostgresApp>(app);
