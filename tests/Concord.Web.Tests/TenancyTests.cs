using System.Net;
using System.Net.Http.Json;
using Concord.Core.Access;
using Concord.Core.Governance;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>A council's own records are invisible to another council's staff, by every route.</summary>
public abstract class TenancyTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string StockportCommittee = "Children and Families Scrutiny Committee";

    [Fact]
    public async Task A_Tameside_officer_gets_404_for_a_Stockport_record_on_every_page()
    {
        var body = await BodyAsync("Stockport", StockportCommittee);
        var meeting = body.Meetings.First();
        var client = await SignInAsync("officer@tameside.demo");

        foreach (var url in new[]
        {
            $"/governance/bodies/{body.Id}",
            $"/governance/bodies/{body.Id}/edit",
            $"/governance/bodies/{body.Id}/delete",
            $"/governance/bodies/{body.Id}/meetings/new",
            $"/governance/meetings/{meeting.Id}/edit",
            $"/governance/meetings/{meeting.Id}/delete",
        })
        {
            var (response, page) = await client.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("Page not found", page.Text("h1"));
            Assert.DoesNotContain(StockportCommittee, page.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_Tameside_officer_cannot_change_or_delete_a_Stockport_record_through_pages()
    {
        var body = await BodyAsync("Stockport", StockportCommittee);
        var client = await SignInAsync("officer@tameside.demo");

        var edit = await client.PostFormAsync($"/governance/bodies/{body.Id}/edit", "/governance/bodies/new",
            ("Input.Name", "Taken over"), ("Input.Kind", "Other"), ("Input.Version", body.Version.ToString()));
        var delete = await client.PostFormAsync($"/governance/bodies/{body.Id}/delete", "/governance/bodies/new",
            ("Version", body.Version.ToString()));

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var after = await BodyAsync("Stockport", StockportCommittee);
        Assert.Equal(body.Version, after.Version);
        Assert.Equal(body.Meetings.Count, after.Meetings.Count);
    }

    [Fact]
    public async Task A_Tameside_officer_gets_404_for_a_Stockport_record_through_the_API()
    {
        var body = await BodyAsync("Stockport", StockportCommittee);
        var meeting = body.Meetings.First();
        var client = await SignInAsync("officer@tameside.demo");

        var read = await client.GetAsync($"/api/governance/bodies/{body.Id}");
        var change = await client.PutAsJsonAsync($"/api/governance/bodies/{body.Id}", new { name = "Taken over", kind = "Other", version = body.Version });
        var delete = await client.DeleteAsync($"/api/governance/bodies/{body.Id}?version={body.Version}");
        var schedule = await client.PostAsJsonAsync($"/api/governance/bodies/{body.Id}/meetings", new { date = "2027-01-05" });
        var moveMeeting = await client.PutAsJsonAsync($"/api/governance/meetings/{meeting.Id}", new { date = "2027-01-05", status = "Scheduled", version = meeting.Version });
        var list = await client.GetFromJsonAsync<List<BodyName>>("/api/governance/bodies");

        Assert.All([read, change, delete, schedule, moveMeeting], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.NotEmpty(list!);
        Assert.DoesNotContain(list!, b => b.Name == StockportCommittee);
        var after = await BodyAsync("Stockport", StockportCommittee);
        Assert.Equal(body.Version, after.Version);
        Assert.Equal(body.Meetings.Select(m => (m.Date, m.Version)), after.Meetings.Select(m => (m.Date, m.Version)));
    }

    [Fact]
    public async Task The_committee_list_shows_only_the_councils_own_bodies()
    {
        var client = await SignInAsync("viewer@tameside.demo");

        var (_, page) = await client.GetPageAsync("/governance");

        var names = page.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Executive Cabinet", names);
        Assert.DoesNotContain(StockportCommittee, names);
        Assert.DoesNotContain("Cabinet", names);
        Assert.DoesNotContain("Corporate Leadership Team", names);
    }

    [Fact]
    public async Task The_joint_director_sees_each_councils_records_only_while_working_for_it()
    {
        var stockportBody = await BodyAsync("Stockport", StockportCommittee);
        var tameside = await AuthorityAsync("Tameside");
        var client = await SignInAsync("director@partnership.demo");

        var asStockport = await client.GetAsync($"/governance/bodies/{stockportBody.Id}");
        var switched = await client.SubmitAsync("/working-for", "main form", ("AuthorityId", tameside.Id.ToString()), ("ReturnUrl", "/governance"));
        var asTameside = await client.GetAsync($"/governance/bodies/{stockportBody.Id}");
        var (_, list) = await client.GetPageAsync("/governance");

        Assert.Equal(HttpStatusCode.OK, asStockport.StatusCode);
        Assert.Equal("/governance", switched.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, asTameside.StatusCode);
        Assert.Contains("Working for: Tameside", list.Text(".app-working-for__authority"), StringComparison.Ordinal);
        Assert.Contains("Executive Cabinet", list.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Nobody_can_choose_to_work_for_an_authority_they_hold_no_role_in()
    {
        var stockport = await AuthorityAsync("Stockport");
        var client = await SignInAsync("officer@tameside.demo");

        var response = await client.PostFormAsync("/working-for", "/working-for", ("AuthorityId", stockport.Id.ToString()));
        var api = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/governance/bodies") { Headers = { { "X-Concord-Authority", stockport.OnsCode } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task The_database_context_itself_hides_and_guards_another_councils_records()
    {
        var body = await BodyAsync("Stockport", StockportCommittee);
        var tameside = await AuthorityAsync("Tameside");
        var tamesideOfficer = new FixedUser(tameside.Id, Role.Officer);

        await using (var db = App.Database.Open(tamesideOfficer))
        {
            Assert.Null(await db.GovernanceBodies.SingleOrDefaultAsync(b => b.Id == body.Id));
            Assert.Empty(await db.Meetings.Where(m => m.GovernanceBodyId == body.Id).ToListAsync());
        }

        await using (var db = App.Database.Open(tamesideOfficer))
        {
            var stolen = await db.GovernanceBodies.IgnoreQueryFilters().SingleAsync(b => b.Id == body.Id);
            stolen.Change("Renamed by Tameside", BodyKind.Other, null);
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using (var db = App.Database.Open(tamesideOfficer))
        {
            db.GovernanceBodies.Add(GovernanceBody.Create(body.AuthorityId, "Planted in Stockport", BodyKind.Other, null));
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(StockportCommittee, (await BodyAsync("Stockport", StockportCommittee)).Name);
    }

    [Fact]
    public async Task A_viewer_writes_nothing_by_page_API_or_database()
    {
        var client = await SignInAsync("viewer@stockport.demo");
        var stockport = await AuthorityAsync("Stockport");

        var page = await client.GetAsync("/governance/bodies/new");
        var api = await client.PostAsJsonAsync("/api/governance/bodies", new { name = "Viewer's committee", kind = "Other" });
        await using var db = App.Database.Open(new FixedUser(stockport.Id, Role.Viewer));
        db.GovernanceBodies.Add(GovernanceBody.Create(stockport.Id, "Viewer's committee", BodyKind.Other, null));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_partners_meeting_is_shared_only_when_a_joint_milestone_relies_on_it_and_stays_read_only()
    {
        var stockportCabinet = await BodyAsync("Stockport", "Cabinet");
        var tameside = await AuthorityAsync("Tameside");
        var relied = await ReadAsync(db => db.MilestoneApprovals.Where(a => a.GovernanceBodyId == stockportCabinet.Id && a.MeetingId != null)
            .Select(a => a.MeetingId!.Value).ToListAsync());
        var officer = new FixedUser(tameside.Id, Role.Officer);

        await using var db = App.Database.Open(officer);
        var visible = await db.Meetings.Where(m => m.GovernanceBodyId == stockportCabinet.Id).Select(m => m.Id).ToListAsync();
        var shared = await db.Meetings.SingleAsync(m => m.Id == relied[0]);
        shared.Change(shared.Date.AddDays(1), MeetingStatus.Scheduled, "Moved by Tameside");

        Assert.NotEmpty(relied);
        Assert.Equal(relied.Order(), visible.Order());
        Assert.True(stockportCabinet.Meetings.Count > visible.Count);
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        var client = await SignInAsync("officer@tameside.demo");
        var (_, page) = await client.GetPageAsync($"/governance/bodies/{stockportCabinet.Id}");
        Assert.Null(page.QuerySelector("a[href$='/edit']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/governance/bodies/{stockportCabinet.Id}/edit")).StatusCode);
    }

    private sealed record BodyName(string Name);
}

/// <summary>A person holding one role in one authority, for tests of the database context itself.</summary>
public sealed class FixedUser(Guid authorityId, Role role) : IUserContext
{
    public Guid? UserId { get; } = Guid.NewGuid();

    public string ActorName => $"test {role}";

    public string DisplayName => ActorName;

    public IReadOnlyCollection<AuthorityRole> Grants => [new(authorityId, role)];

    public Guid? ActiveAuthorityId => authorityId;

    public bool IsSystem => false;
}

public sealed class TenancyTestsOnSqlite(SqliteApp app) : TenancyTests<SqliteApp>(app);

public sealed class TenancyTestsOnPostgres(PostgresApp app) : TenancyTests<PostgresApp>(app);
