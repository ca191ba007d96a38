using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core.Access;
using Concord.Core.Programme;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>
/// Consultation and engagement: exercises, the feedback they gather and the councils' responses
/// ("you said, we did"), on the pages and through the API, and their weight in the stage gate.
/// </summary>
public abstract class EngagementTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string OutOfHours = "Shared Out of Hours Service";
    private const string DemoConsultation = "Out of hours service consultation";

    private async Task<Guid> NewOptionAsync(HttpClient client, string title)
    {
        var partnership = await DemoPartnershipAsync();
        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/options", new
        {
            title,
            summary = "A test option for both councils",
            serviceArea = "Education",
            participants = partnership.Members.Select(m => m.AuthorityId),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> NewExerciseAsync(HttpClient client, string title, Guid? optionId, string status, params string[] groups)
    {
        var partnership = await DemoPartnershipAsync();
        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/engagement",
            new { title, optionId, starts = "2027-01-04", ends = "2027-02-26", status, groups });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> AddFeedbackAsync(HttpClient client, Guid exerciseId, string group, string theme, string youSaid)
    {
        var response = await client.PostAsJsonAsync($"/api/engagement/{exerciseId}/feedback", new { group, theme, youSaid, receivedOn = "2027-01-20" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<GateCriterionView> EngagementCriterionAsync(HttpClient client, Guid optionId)
    {
        var option = await client.GetFromJsonAsync<JsonElement>($"/api/options/{optionId}");
        var criterion = option.GetProperty("gate").GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "engagement");
        return new GateCriterionView(criterion.GetProperty("met").GetBoolean(), criterion.GetProperty("detail").GetString());
    }

    /// <summary>
    /// An option of the demo programme already at due diligence: the formulation gate is met on
    /// evidence supplied here, since the board's pages are not what these tests are about.
    /// </summary>
    private async Task<Guid> OptionAtDueDiligenceAsync(string title)
    {
        var partnership = await DemoPartnershipAsync();
        await using var db = App.Database.OpenAsSystem();
        var programme = await db.Programmes.SingleAsync(p => p.PartnershipId == partnership.Id);
        var members = partnership.Members.Select(m => m.AuthorityId).ToList();
        var option = Option.Create(programme, new OptionDetails(title, "A test option at due diligence", "Education", null, null, false, members,
            [ExpectedBenefit.CommonIssuesHandledOnce], null), members, [], []);
        option.RecordEqia(EqiaStatus.NotNeeded, "No effect on people with protected characteristics.");
        option.RecordConsiderations("No posts move.", "No agreement needed beyond the existing SLA.", null);
        var names = partnership.Members.ToDictionary(m => m.AuthorityId, m => m.AuthorityId.ToString());
        option.Advance(StageGates.Evaluate(option, new OptionEvidence([new BoardAdvice(new DateOnly(2026, 9, 10), "Proceed to due diligence.")], 1, [], [], [], names,
            new CostBenefitEvidence(DateTimeOffset.UtcNow, "test"))),
            new Actor(null, "test", members[0], DateTimeOffset.UtcNow));
        db.Options.Add(option);
        await db.SaveChangesAsync();
        return option.Id;
    }

    [Fact]
    public async Task An_officer_adds_an_exercise_and_feedback_and_responds_and_the_response_shows_on_the_exercise_and_the_option()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("officer@stockport.demo");
        var optionId = await NewOptionAsync(client, "Joint education psychology service");

        var created = await client.SubmitAsync($"/programme/{partnership.Id}/engagement/new", "main form",
            ("Input.Title", "Schools listening exercise"), ("Input.Description", "Asking schools and the Parent Carer Forum about one service."),
            ("Input.OptionId", optionId.ToString()),
            ("Input.Starts.Day", "4"), ("Input.Starts.Month", "1"), ("Input.Starts.Year", "2027"),
            ("Input.Ends.Day", "26"), ("Input.Ends.Month", "2"), ("Input.Ends.Year", "2027"),
            ("Input.Status", "Open"), ("Input.Groups", "Schools"), ("Input.Groups", "ParentCarerForum"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var exerciseUrl = created.Headers.Location!.OriginalString;
        var added = await client.SubmitAsync(exerciseUrl, "form[action*='handler=AddFeedback']",
            ("NewFeedback.Group", "Schools"), ("NewFeedback.Theme", "Waiting times"), ("NewFeedback.YouSaid", "Assessments take too long to arrange."),
            ("NewFeedback.ReceivedOn.Day", "20"), ("NewFeedback.ReceivedOn.Month", "1"), ("NewFeedback.ReceivedOn.Year", "2027"));
        var (_, awaiting) = await client.GetPageAsync(exerciseUrl);
        var respondUrl = awaiting.QuerySelector("#you-said-we-did a[href$='/respond']")!.GetAttribute("href")!;
        var responded = await client.SubmitAsync(respondUrl, "main form",
            ("Input.WeDid", "One team books assessments for schools in both boroughs."), ("Input.ChangeToOption", "A single booking line was added to the option."));
        var (_, exercise) = await client.GetPageAsync(exerciseUrl);
        var (_, option) = await client.GetPageAsync($"/options/{optionId}");
        var (_, list) = await client.GetPageAsync($"/programme/{partnership.Id}/engagement");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Awaiting response", awaiting.Text("#you-said-we-did"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, responded.StatusCode);
        var table = exercise.Text("#you-said-we-did");
        Assert.Equal(["Schools", "Waiting times"], exercise.QuerySelector("#you-said-we-did tbody th")!.ChildNodes.Select(n => n.TextContent.Trim()).Where(t => t.Length > 0));
        Assert.Contains("Assessments take too long to arrange.", table, StringComparison.Ordinal);
        Assert.Contains("One team books assessments for schools in both boroughs.", table, StringComparison.Ordinal);
        Assert.Contains("A single booking line was added to the option.", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Awaiting response", table, StringComparison.Ordinal);
        Assert.Equal("Waiting times 1 1", exercise.Text("#themes tbody"));
        var optionTable = option.Text("#you-said-we-did");
        Assert.Contains("Assessments take too long to arrange.", optionTable, StringComparison.Ordinal);
        Assert.Contains("One team books assessments for schools in both boroughs.", optionTable, StringComparison.Ordinal);
        var row = list.QuerySelectorAll("#exercises tbody tr").Single(r => r.TextContent.Contains("Schools listening exercise", StringComparison.Ordinal));
        Assert.Contains("1 of 1 answered", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Joint education psychology service", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("4 January 2027 to 26 February 2027", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_from_a_group_the_exercise_did_not_reach_is_refused_naming_the_field_and_nothing_is_saved()
    {
        var client = await SignInAsync("officer@tameside.demo");
        var id = (await NewExerciseAsync(client, "Staff briefing on shared admissions", null, "Open", "Staff")).GetProperty("id").GetGuid();

        var page = await client.SubmitAsync($"/engagement/{id}", "form[action*='handler=AddFeedback']",
            ("NewFeedback.Group", "Schools"), ("NewFeedback.Theme", "Admissions"), ("NewFeedback.YouSaid", "We were not asked."));
        var document = await Browser.ParseAsync(page);
        var api = await client.PostAsJsonAsync($"/api/engagement/{id}/feedback", new { group = "Schools", theme = "Admissions", youSaid = "We were not asked." });
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(["Select one of the groups this exercise reached"], document.ErrorMessages());
        Assert.Equal("#NewFeedback_Group", document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Contains("Select one of the groups this exercise reached", document.Text("#NewFeedback_Group-error"), StringComparison.Ordinal);
        Assert.Equal(["Staff"], document.QuerySelectorAll("#NewFeedback_Group option").Skip(1).Select(o => o.TextContent));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("Select one of the groups this exercise reached", problem.GetProperty("errors").GetProperty("group")[0].GetString());
        Assert.Equal(0, await ReadAsync(db => db.FeedbackItems.CountAsync(f => f.ExerciseId == id)));
    }

    [Fact]
    public async Task A_response_needs_its_text()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var exercise = await NewExerciseAsync(client, "Trade union briefing on shared music service", null, "Open", "TradeUnions");
        var feedback = await AddFeedbackAsync(client, exercise.GetProperty("id").GetGuid(), "TradeUnions", "Contracts", "Which council will employ the tutors?");
        var id = feedback.GetProperty("id").GetGuid();

        var page = await client.SubmitAsync($"/engagement/feedback/{id}/respond", "main form", ("Input.WeDid", "  "), ("Input.ChangeToOption", "Nothing yet"));
        var document = await Browser.ParseAsync(page);
        var api = await client.PutAsJsonAsync($"/api/feedback/{id}/response", new { weDid = "", version = feedback.GetProperty("version").GetGuid() });
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(["Enter the response: what the councils did"], document.ErrorMessages());
        Assert.Contains("Which council will employ the tutors?", document.Text("#feedback"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("Enter the response: what the councils did", problem.GetProperty("errors").GetProperty("weDid")[0].GetString());
        var saved = await ReadAsync(db => db.FeedbackItems.SingleAsync(f => f.Id == id));
        Assert.Null(saved.WeDid);
        Assert.Null(saved.ChangeToOption);
    }

    [Fact]
    public async Task Completing_the_demo_consultation_and_answering_all_its_feedback_meets_the_engagement_criterion()
    {
        var option = await OptionAsync(OutOfHours);
        var consultation = await ReadAsync(db => db.EngagementExercises.Include(e => e.Feedback).SingleAsync(e => e.Title == DemoConsultation));
        var client = await SignInAsync("programme@tameside.demo");
        var before = await EngagementCriterionAsync(client, option.Id);

        foreach (var item in consultation.Feedback)
        {
            var answered = await client.PutAsJsonAsync($"/api/feedback/{item.Id}/response",
                new { weDid = "Night workers stay based in their own borough; calls are shared, visits are not.", version = item.Version });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var completed = await client.SubmitAsync($"/engagement/{consultation.Id}/edit", "main form", ("Input.Status", "Complete"));
        var after = await EngagementCriterionAsync(client, option.Id);

        Assert.False(before.Met);
        Assert.Contains($"{DemoConsultation} is not complete", before.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(consultation.Feedback);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.True(after.Met, after.Detail);
    }

    [Fact]
    public async Task A_complete_exercise_with_unanswered_feedback_leaves_the_engagement_criterion_unmet()
    {
        var optionId = await OptionAtDueDiligenceAsync("Joint home to school transport team");
        var client = await SignInAsync("programme@stockport.demo");
        var exercise = await NewExerciseAsync(client, "Transport consultation", optionId, "Complete", "ParentCarerForum", "Schools");
        var id = exercise.GetProperty("id").GetGuid();
        var first = await AddFeedbackAsync(client, id, "ParentCarerForum", "Routes", "Keep the same drivers for children with SEND.");
        await AddFeedbackAsync(client, id, "Schools", "Timing", "Buses must arrive before the school day starts.");
        var answered = await client.PutAsJsonAsync($"/api/feedback/{first.GetProperty("id").GetGuid()}/response",
            new { weDid = "Drivers stay with their routes.", version = first.GetProperty("version").GetGuid() });

        var criterion = await EngagementCriterionAsync(client, optionId);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.False(criterion.Met);
        Assert.Equal("Transport consultation has 1 feedback items without a response", criterion.Detail);
    }

    [Fact]
    public async Task The_API_creates_reads_and_changes_an_exercise_and_refuses_a_stale_version()
    {
        var first = await SignInAsync("officer@stockport.demo");
        var second = await SignInAsync("officer@tameside.demo");
        var partnership = await DemoPartnershipAsync();
        var created = await NewExerciseAsync(first, "Schools Forum briefing", null, "Planned", "SchoolsForum");
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetGuid();

        var read = await second.GetFromJsonAsync<JsonElement>($"/api/engagement/{id}");
        var saved = await first.PutAsJsonAsync($"/api/engagement/{id}",
            new { title = "Schools Forum briefing", description = "Forum of 14 December", status = "Open", groups = new[] { "SchoolsForum", "Schools" }, version });
        var stale = await second.PutAsJsonAsync($"/api/engagement/{id}",
            new { title = "Schools Forum consultation", status = "Complete", groups = new[] { "SchoolsForum" }, version });
        var noVersion = await second.PutAsJsonAsync($"/api/engagement/{id}", new { title = "Schools Forum consultation", status = "Complete", groups = new[] { "SchoolsForum" } });
        var list = await second.GetFromJsonAsync<List<JsonElement>>($"/api/partnerships/{partnership.Id}/engagement");

        Assert.Equal("Schools Forum briefing", read.GetProperty("title").GetString());
        Assert.Equal("Planned", read.GetProperty("status").GetString());
        Assert.Equal(["SchoolsForum"], read.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var changed = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Open", changed.GetProperty("status").GetString());
        Assert.NotEqual(version, changed.GetProperty("version").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        var stored = await ReadAsync(db => db.EngagementExercises.SingleAsync(e => e.Id == id));
        Assert.Equal(("Schools Forum briefing", ExerciseStatus.Open, "Forum of 14 December"), (stored.Title, stored.Status, stored.Description));
        Assert.Equal([StakeholderGroup.Schools, StakeholderGroup.SchoolsForum], stored.Groups.Order());
        Assert.Contains(list!, e => e.GetProperty("id").GetGuid() == id && e.GetProperty("status").GetString() == "Open");
        Assert.Contains(list!, e => e.GetProperty("title").GetString() == "Early years listening exercise" && e.GetProperty("answered").GetInt32() == 3);
    }

    [Fact]
    public async Task A_viewer_gets_403_on_every_write_by_page_and_API()
    {
        var partnership = await DemoPartnershipAsync();
        var officer = await SignInAsync("officer@stockport.demo");
        var exercise = await NewExerciseAsync(officer, "Youth forum on shared services", null, "Open", "ChildrenAndYoungPeople");
        var id = exercise.GetProperty("id").GetGuid();
        var version = exercise.GetProperty("version").GetGuid();
        var feedback = await AddFeedbackAsync(officer, id, "ChildrenAndYoungPeople", "Places", "Keep youth workers we know.");
        var feedbackId = feedback.GetProperty("id").GetGuid();
        var viewer = await SignInAsync("viewer@stockport.demo");

        var responses = new List<HttpResponseMessage>
        {
            await viewer.GetAsync($"/programme/{partnership.Id}/engagement/new"),
            await viewer.GetAsync($"/engagement/{id}/edit"),
            await viewer.GetAsync($"/engagement/feedback/{feedbackId}/respond"),
            await viewer.PostFormAsync($"/programme/{partnership.Id}/engagement/new", $"/engagement/{id}",
                ("Input.Title", "Viewer's exercise"), ("Input.Status", "Open"), ("Input.Groups", "Staff")),
            await viewer.PostFormAsync($"/engagement/{id}/edit", $"/engagement/{id}",
                ("Input.Title", "Renamed by a viewer"), ("Input.Status", "Complete"), ("Input.Groups", "ChildrenAndYoungPeople"), ("Input.Version", version.ToString())),
            await viewer.PostFormAsync($"/engagement/{id}?handler=AddFeedback", $"/engagement/{id}",
                ("NewFeedback.Group", "ChildrenAndYoungPeople"), ("NewFeedback.Theme", "Viewer"), ("NewFeedback.YouSaid", "Planted")),
            await viewer.PostFormAsync($"/engagement/feedback/{feedbackId}/respond", $"/engagement/{id}",
                ("Input.WeDid", "A viewer's answer"), ("Input.Version", feedback.GetProperty("version").GetGuid().ToString())),
            await viewer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/engagement", new { title = "Viewer's exercise", status = "Open", groups = new[] { "Staff" } }),
            await viewer.PutAsJsonAsync($"/api/engagement/{id}", new { title = "Renamed by a viewer", status = "Complete", groups = new[] { "ChildrenAndYoungPeople" }, version }),
            await viewer.PostAsJsonAsync($"/api/engagement/{id}/feedback", new { group = "ChildrenAndYoungPeople", theme = "Viewer", youSaid = "Planted" }),
            await viewer.PutAsJsonAsync($"/api/feedback/{feedbackId}/response", new { weDid = "A viewer's answer", version = feedback.GetProperty("version").GetGuid() }),
        };
        var (_, page) = await viewer.GetPageAsync($"/engagement/{id}");
        var (_, list) = await viewer.GetPageAsync($"/programme/{partnership.Id}/engagement");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var stored = await ReadAsync(db => db.EngagementExercises.Include(e => e.Feedback).SingleAsync(e => e.Id == id));
        Assert.Equal(("Youth forum on shared services", ExerciseStatus.Open, version), (stored.Title, stored.Status, stored.Version));
        Assert.Null(Assert.Single(stored.Feedback).WeDid);
        Assert.False(await ReadAsync(db => db.EngagementExercises.AnyAsync(e => e.Title == "Viewer's exercise")));
        Assert.Contains("Keep youth workers we know.", page.Text("#you-said-we-did"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=AddFeedback']"));
        Assert.Null(page.QuerySelector("a[href$='/respond']"));
        Assert.Null(page.QuerySelector($"a[href='/engagement/{id}/edit']"));
        Assert.Null(list.QuerySelector("a[href$='/engagement/new']"));
    }

    [Fact]
    public async Task A_council_outside_the_partnership_sees_none_of_it()
    {
        var bolton = await AuthorityAsync("Bolton");
        var consultation = await ReadAsync(db => db.EngagementExercises.Include(e => e.Feedback).SingleAsync(e => e.Title == "Early years listening exercise"));

        await using (var db = App.Database.Open(new FixedUser(bolton.Id, Role.ProgrammeLead)))
        {
            Assert.Empty(await db.EngagementExercises.ToListAsync());
            Assert.Empty(await db.FeedbackItems.ToListAsync());
        }

        await using (var db = App.Database.Open(new FixedUser(bolton.Id, Role.ProgrammeLead)))
        {
            var stolen = await db.EngagementExercises.IgnoreQueryFilters().Include(e => e.Feedback).SingleAsync(e => e.Id == consultation.Id);
            db.FeedbackItems.Add(stolen.AddFeedback(StakeholderGroup.Schools, "Planted", "Feedback planted by another council", null));
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        Assert.NotEmpty(consultation.Feedback);
        Assert.Equal(consultation.Feedback.Count, await ReadAsync(db => db.FeedbackItems.CountAsync(f => f.ExerciseId == consultation.Id)));
    }

    private sealed record GateCriterionView(bool Met, string? Detail);
}

public sealed class EngagementTestsOnSqlite(SqliteApp app) : EngagementTests<SqliteApp>(app);

public sealed class EngagementTestsOnPostgres(PostgresApp app) : EngagementTests<PostgresApp>(app);
