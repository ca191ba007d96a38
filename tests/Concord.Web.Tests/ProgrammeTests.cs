using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>The programme itself: set up for a partnership, with its phases and cross-authority workstreams.</summary>
public abstract class ProgrammeTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    [Fact]
    public async Task A_programme_lead_sets_up_a_new_partnerships_programme_and_only_once()
    {
        var stockport = await AuthorityAsync("Stockport");
        var trafford = await AuthorityAsync("Trafford");
        var lead = await SignInAsync("programme@stockport.demo");
        var partnership = await (await lead.PostAsJsonAsync("/api/partnerships",
            new { name = "Stockport and Trafford SEND", startDate = "2026-04-01", memberAuthorityIds = new[] { stockport.Id, trafford.Id } })).Content.ReadFromJsonAsync<JsonElement>();
        var id = partnership.GetProperty("id").GetGuid();

        var page = await lead.SubmitAsync($"/programme/{id}/setup", "main form", ("Input.Name", "Stockport and Trafford SEND programme"), ("Input.ApprovalToleranceDays", "21"));
        var again = await lead.PostAsJsonAsync($"/api/partnerships/{id}/programme", new { name = "A second programme" });
        var programme = await lead.GetFromJsonAsync<JsonElement>($"/api/partnerships/{id}/programme");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Stockport and Trafford SEND programme", programme.GetProperty("name").GetString());
        Assert.Equal(21, programme.GetProperty("approvalToleranceDays").GetInt32());
    }

    [Fact]
    public async Task Phases_and_workstreams_are_added_on_the_pages_with_a_lead_per_council()
    {
        var partnership = await DemoPartnershipAsync();
        var tameside = await AuthorityAsync("Tameside");
        var officer = await SignInAsync("officer@tameside.demo");

        var phase = await officer.SubmitAsync($"/programme/{partnership.Id}/phases/new", "main form", ("Input.Name", "Phase 3"), ("Input.Description", "Localities"));
        var workstream = await officer.SubmitAsync($"/programme/{partnership.Id}/workstreams/new", "main form",
            ("Input.Name", "Localities and Team Around the School"), ("Input.ServiceArea", "Early help"));
        var url = workstream.Headers.Location!.OriginalString;
        await officer.SubmitAsync(url, "form[action$='handler=AddMember']", ("Member.Name", "Ann Lowe"), ("Member.JobTitle", "Head of Early Help"),
            ("Member.AuthorityId", tameside.Id.ToString()), ("Member.IsLead", "yes"));
        await officer.SubmitAsync(url, "form[action$='handler=AddMember']", ("Member.Name", "Ben Cole"), ("Member.JobTitle", "Locality Manager"),
            ("Member.AuthorityId", tameside.Id.ToString()), ("Member.IsLead", "yes"));
        var (_, page) = await officer.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, phase.StatusCode);
        Assert.Equal(3, await ReadAsync(db => db.Phases.Where(p => p.Name == "Phase 3").Select(p => p.Number).SingleAsync()));
        var leads = page.QuerySelectorAll("tbody tr").Where(r => r.TextContent.Contains("Lead for Tameside", StringComparison.Ordinal)).Select(r => r.Children[0].TextContent.Trim()).ToList();
        Assert.Equal(["Ben Cole"], leads);
    }

    [Fact]
    public async Task Phases_and_workstreams_are_kept_through_the_API_too()
    {
        var partnership = await DemoPartnershipAsync();
        var stockport = await AuthorityAsync("Stockport");
        var officer = await SignInAsync("officer@stockport.demo");

        var added = await (await officer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/programme/workstreams",
            new { name = "Attendance", serviceArea = "Education welfare" })).Content.ReadFromJsonAsync<JsonElement>();
        var workstream = added.GetProperty("workstreams").EnumerateArray().Single(w => w.GetProperty("name").GetString() == "Attendance");
        var id = workstream.GetProperty("id").GetGuid();
        var member = await officer.PostAsJsonAsync($"/api/workstreams/{id}/members", new { name = "Cath Wood", jobTitle = "Attendance lead", authorityId = stockport.Id, isLead = true });
        var changed = await officer.PutAsJsonAsync($"/api/workstreams/{id}", new { name = "Attendance", serviceArea = "Attendance and exclusions", version = workstream.GetProperty("version").GetGuid() });
        var stale = await officer.PutAsJsonAsync($"/api/workstreams/{id}", new { name = "Attendance", serviceArea = "Something else", version = workstream.GetProperty("version").GetGuid() });
        var duplicate = await officer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/programme/workstreams", new { name = "attendance", serviceArea = "x" });

        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("Attendance and exclusions", await ReadAsync(db => db.Workstreams.Where(w => w.Id == id).Select(w => w.ServiceArea).SingleAsync()));
    }

    [Fact]
    public async Task Viewers_cannot_change_the_programme()
    {
        var partnership = await DemoPartnershipAsync();
        var viewer = await SignInAsync("viewer@stockport.demo");

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/programme/{partnership.Id}/phases/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/programme/phases", new { name = "Phase 9" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/programme/{partnership.Id}/edit")).StatusCode);
    }
}

public sealed class ProgrammeTestsOnSqlite(SqliteApp app) : ProgrammeTests<SqliteApp>(app);

public sealed class ProgrammeTestsOnPostgres(PostgresApp app) : ProgrammeTests<PostgresApp>(app);
