using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Programme;
using Concord.Web.Infrastructure.Attention;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>The programme board, which advises and decides nothing: its members, meetings, agenda, advice and actions, on the pages and through the API.</summary>
public abstract class BoardTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string OverdueDemoAction = "Share both councils' school improvement traded offers with the workstream";

    private DateOnly Today => Formats.UkDate(App.Clock.GetUtcNow());

    private static (string, string)[] DateFields(string name, DateOnly date) =>
        [($"{name}.Day", date.Day.ToString(Formats.UkCulture)), ($"{name}.Month", date.Month.ToString(Formats.UkCulture)), ($"{name}.Year", date.Year.ToString(Formats.UkCulture))];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

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
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> NewMeetingAsync(HttpClient client, DateOnly date, string location)
    {
        var partnership = await DemoPartnershipAsync();
        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/board/meetings", new { date, location });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    private static async Task<JsonElement> NewItemAsync(HttpClient client, Guid meetingId, string title, Guid? optionId)
    {
        var response = await client.PostAsJsonAsync($"/api/board/meetings/{meetingId}/items", new { title, optionId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task Members_meetings_agenda_items_advice_and_actions_added_on_the_pages_show_on_the_board()
    {
        var partnership = await DemoPartnershipAsync();
        var tameside = await AuthorityAsync("Tameside");
        var client = await SignInAsync("officer@stockport.demo");
        var optionId = await NewOptionAsync(client, "Joint elective home education team");
        var met = Today.AddDays(-7);

        var member = await client.SubmitAsync($"/programme/{partnership.Id}/board/members/new", "main form",
            ("Input.Name", "Priya Shah"), ("Input.JobTitle", "Assistant Director of Finance"), ("Input.AuthorityId", tameside.Id.ToString()), ("Input.Role", "Finance"));
        var meeting = await client.SubmitAsync($"/programme/{partnership.Id}/board/meetings/new", "main form",
            [.. DateFields("Input.Date", met), ("Input.Location", "Dukinfield Town Hall")]);
        var meetingUrl = meeting.Headers.Location!.OriginalString;
        var item = await client.SubmitAsync(meetingUrl, "form[action*='handler=AddItem']",
            ("NewItem.Title", "Elective home education: formulation"), ("NewItem.OptionId", optionId.ToString()));
        var itemId = await ReadAsync(db => db.AgendaItems.Where(i => i.Title == "Elective home education: formulation").Select(i => i.Id).SingleAsync());
        var advice = await client.SubmitAsync($"/board/items/{itemId}/advice", "main form", ("Input.Advice", "Proceed, with a single register across both boroughs."));
        var action = await client.SubmitAsync(meetingUrl, "form[action*='handler=AddAction']",
            [("NewAction.Description", "Compare both councils' registers"), ("NewAction.Owner", "Sam Lee"), ("NewAction.OwnerAuthorityId", tameside.Id.ToString()), .. DateFields("NewAction.DueDate", Today.AddDays(14))]);
        var (_, board) = await client.GetPageAsync($"/programme/{partnership.Id}/board");
        var (_, page) = await client.GetPageAsync(meetingUrl);

        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, meeting.StatusCode);
        Assert.StartsWith("/board/meetings/", meetingUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, item.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, advice.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, action.StatusCode);
        Assert.Contains("Priya Shah Assistant Director of Finance Tameside Finance Active", board.Text("#members"), StringComparison.Ordinal);
        Assert.Contains($"{Formats.Date(met)} Dukinfield Town Hall 1 1", board.Text("#meetings"), StringComparison.Ordinal);
        Assert.Contains("never decides", board.Text("#board-advises"), StringComparison.Ordinal);
        Assert.Contains("Elective home education: formulation Joint elective home education team Proceed, with a single register across both boroughs.",
            page.Text("#agenda-items"), StringComparison.Ordinal);
        Assert.Equal($"/options/{optionId}", page.QuerySelector("#agenda-items a[href^='/options/']")!.GetAttribute("href"));
        Assert.Contains($"Compare both councils' registers Sam Lee Tameside {Formats.Date(Today.AddDays(14))} Open", page.Text("#meeting-actions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advice_on_a_meeting_still_to_come_is_refused_with_the_domains_message_and_nothing_is_saved()
    {
        var client = await SignInAsync("officer@tameside.demo");
        var date = Today.AddDays(30);
        var meeting = await NewMeetingAsync(client, date, "Tameside One");
        var item = await NewItemAsync(client, meeting.GetProperty("id").GetGuid(), "Early help: scoping", null);
        var itemId = item.GetProperty("id").GetGuid();

        var page = await client.SubmitAsync($"/board/items/{itemId}/advice", "main form", ("Input.Advice", "Advice given before the board met"));
        var api = await client.PutAsJsonAsync($"/api/board/items/{itemId}/advice", new { advice = "Also too early", version = item.GetProperty("version").GetGuid() });
        var problem = await JsonAsync(api);

        var message = $"Advice can be recorded once the board has met on {Formats.Date(date)}";
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal([message], (await Browser.ParseAsync(page)).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("advice")[0].GetString());
        Assert.Null(await ReadAsync(db => db.AgendaItems.Where(i => i.Id == itemId).Select(i => i.Advice).SingleAsync()));
    }

    [Fact]
    public async Task An_action_marked_done_without_a_completion_date_is_refused_naming_the_field()
    {
        var client = await SignInAsync("programme@stockport.demo");
        var meeting = await NewMeetingAsync(client, Today.AddDays(-3), "Stopford House");
        var added = await client.PostAsJsonAsync($"/api/board/meetings/{meeting.GetProperty("id").GetGuid()}/actions",
            new { description = "Draft the early help offer", owner = "Jo Patel", dueDate = Today.AddDays(10) });
        var actionId = (await JsonAsync(added)).GetProperty("id").GetGuid();

        var response = await client.SubmitAsync($"/board/actions/{actionId}/edit", "main form", ("Input.Status", "Done"));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter the date the action was done"], page.ErrorMessages());
        Assert.Equal("#Input_CompletedOn", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Contains("Enter the date the action was done", page.Text("#Input_CompletedOn-error"), StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Open, await ReadAsync(db => db.BoardActions.Where(a => a.Id == actionId).Select(a => a.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("officer@stockport.demo")]
    [InlineData("officer@tameside.demo")]
    public async Task The_demos_overdue_board_action_needs_attention_on_the_home_page(string email)
    {
        var action = await ReadAsync(db => db.BoardActions.SingleAsync(a => a.Description == OverdueDemoAction));
        var client = await SignInAsync(email);

        var (_, home) = await client.GetPageAsync("/");

        var link = home.QuerySelectorAll("#attention a").Single(a => a.TextContent.Trim() == $"Board action overdue: {OverdueDemoAction}");
        Assert.Equal($"/board/meetings/{action.BoardMeetingId}", link.GetAttribute("href"));
        Assert.Contains($"Alex Moran, due {Formats.Date(action.DueDate)}", home.Text("#attention"), StringComparison.Ordinal);
        Assert.True(action.IsOverdue(Today));
    }

    [Fact]
    public async Task Recording_the_boards_advice_on_a_new_options_agenda_item_meets_its_board_gate_criterion()
    {
        var client = await SignInAsync("officer@tameside.demo");
        var optionId = await NewOptionAsync(client, "Shared virtual school for children in care");
        var meeting = await NewMeetingAsync(client, Today.AddDays(-1), "Tameside One");
        var item = await NewItemAsync(client, meeting.GetProperty("id").GetGuid(), "Virtual school: formulation", optionId);

        var before = await client.GetFromJsonAsync<JsonElement>($"/api/options/{optionId}");
        var advised = await client.PutAsJsonAsync($"/api/board/items/{item.GetProperty("id").GetGuid()}/advice",
            new { advice = "The board supports exploring one virtual school head for both councils.", version = item.GetProperty("version").GetGuid() });
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/options/{optionId}");

        static JsonElement Board(JsonElement option) =>
            option.GetProperty("gate").GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "board");
        Assert.False(Board(before).GetProperty("met").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, advised.StatusCode);
        Assert.True(Board(after).GetProperty("met").GetBoolean());
        Assert.Equal($"advice given on {Formats.Date(Today.AddDays(-1))}", Board(after).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_API_creates_and_changes_board_records_and_refuses_a_stale_version()
    {
        var partnership = await DemoPartnershipAsync();
        var stockport = await AuthorityAsync("Stockport");
        var client = await SignInAsync("programme@tameside.demo");

        var created = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/board/members",
            new { name = "Cllr Ann Whitley", jobTitle = "Cabinet Member for Schools", authorityId = stockport.Id, role = "LeadMember" });
        var member = await JsonAsync(created);
        var memberUrl = $"/api/board/members/{member.GetProperty("id").GetGuid()}";
        var changed = await client.PutAsJsonAsync(memberUrl,
            new { name = "Cllr Ann Whitley", authorityId = stockport.Id, role = "LeadMember", active = false, version = member.GetProperty("version").GetGuid() });
        var stale = await client.PutAsJsonAsync(memberUrl,
            new { name = "Cllr Ann Whitley-Jones", authorityId = stockport.Id, role = "Chair", active = true, version = member.GetProperty("version").GetGuid() });
        var noVersion = await client.PutAsJsonAsync(memberUrl, new { name = "Cllr Ann Whitley", authorityId = stockport.Id, role = "LeadMember" });

        var meeting = await NewMeetingAsync(client, Today.AddDays(-2), "Stopford House");
        var meetingUrl = $"/api/board/meetings/{meeting.GetProperty("id").GetGuid()}";
        var action = await JsonAsync(await client.PostAsJsonAsync($"{meetingUrl}/actions",
            new { description = "Circulate the minutes", owner = "Programme team", dueDate = Today.AddDays(5) }));
        var done = await client.PutAsJsonAsync($"/api/board/actions/{action.GetProperty("id").GetGuid()}",
            new { description = "Circulate the minutes", owner = "Programme team", dueDate = Today.AddDays(5), status = "Done", completedOn = Today, version = action.GetProperty("version").GetGuid() });
        var moved = await client.PutAsJsonAsync(meetingUrl, new { date = Today.AddDays(-1), location = "Stopford House", version = meeting.GetProperty("version").GetGuid() });
        var staleMeeting = await client.PutAsJsonAsync(meetingUrl, new { date = Today.AddDays(-4), location = "Elsewhere", version = meeting.GetProperty("version").GetGuid() });
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/partnerships/{partnership.Id}/board");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleMeeting.StatusCode);
        var saved = read.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString()!.StartsWith("Cllr Ann Whitley", StringComparison.Ordinal));
        Assert.Equal("Cllr Ann Whitley", saved.GetProperty("name").GetString());
        Assert.False(saved.GetProperty("active").GetBoolean());
        Assert.Equal("LeadMember", saved.GetProperty("role").GetString());
        var savedMeeting = read.GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == meeting.GetProperty("id").GetGuid());
        Assert.Equal(Today.AddDays(-1).ToString("yyyy-MM-dd", Formats.UkCulture), savedMeeting.GetProperty("date").GetString());
        Assert.Equal("Done", savedMeeting.GetProperty("actions")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_viewer_gets_403_on_every_board_write_by_page_and_API()
    {
        var partnership = await DemoPartnershipAsync();
        var (memberId, meetingId, itemId, actionId) = await ReadAsync(async db => (
            await db.BoardMembers.Select(m => m.Id).FirstAsync(),
            await db.BoardMeetings.Where(m => m.Actions.Any()).Select(m => m.Id).FirstAsync(),
            await db.AgendaItems.Select(i => i.Id).FirstAsync(),
            await db.BoardActions.Select(a => a.Id).FirstAsync()));
        var before = await ReadAsync(async db => (await db.BoardMembers.CountAsync(), await db.BoardMeetings.CountAsync(), await db.AgendaItems.CountAsync(), await db.BoardActions.CountAsync()));
        var viewer = await SignInAsync("viewer@tameside.demo");
        var meetingPage = $"/board/meetings/{meetingId}";

        var pages = new[]
        {
            $"/programme/{partnership.Id}/board/members/new", $"/board/members/{memberId}/edit", $"/programme/{partnership.Id}/board/meetings/new",
            $"/board/meetings/{meetingId}/edit", $"/board/items/{itemId}/advice", $"/board/actions/{actionId}/edit",
        };
        var pageAnswers = new List<HttpStatusCode>();
        foreach (var page in pages)
        {
            pageAnswers.Add((await viewer.GetAsync(page)).StatusCode);
            pageAnswers.Add((await viewer.PostFormAsync(page, meetingPage, ("Input.Name", "Viewer"))).StatusCode);
        }

        pageAnswers.Add((await viewer.PostFormAsync($"{meetingPage}?handler=AddItem", meetingPage, ("NewItem.Title", "Viewer's item"))).StatusCode);
        pageAnswers.Add((await viewer.PostFormAsync($"{meetingPage}?handler=AddAction", meetingPage, ("NewAction.Description", "Viewer's action"))).StatusCode);
        var version = Guid.NewGuid();
        var apiAnswers = new[]
        {
            await viewer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/board/members", new { name = "Viewer" }),
            await viewer.PutAsJsonAsync($"/api/board/members/{memberId}", new { name = "Viewer", version }),
            await viewer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/board/meetings", new { date = Today }),
            await viewer.PutAsJsonAsync($"/api/board/meetings/{meetingId}", new { date = Today, version }),
            await viewer.PostAsJsonAsync($"/api/board/meetings/{meetingId}/items", new { title = "Viewer's item" }),
            await viewer.PutAsJsonAsync($"/api/board/items/{itemId}/advice", new { advice = "Viewer's advice", version }),
            await viewer.PostAsJsonAsync($"/api/board/meetings/{meetingId}/actions", new { description = "Viewer's action" }),
            await viewer.PutAsJsonAsync($"/api/board/actions/{actionId}", new { description = "Viewer's action", version }),
        }.Select(r => r.StatusCode).ToList();
        var (_, readable) = await viewer.GetPageAsync(meetingPage);

        Assert.All(pageAnswers, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        Assert.Equal(14, pageAnswers.Count);
        Assert.All(apiAnswers, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        Assert.Empty(readable.QuerySelectorAll("main form[method=post]"));
        Assert.Empty(readable.QuerySelectorAll("a[href$='/edit'], a[href$='/advice']"));
        Assert.Equal(before, await ReadAsync(async db => (await db.BoardMembers.CountAsync(), await db.BoardMeetings.CountAsync(), await db.AgendaItems.CountAsync(), await db.BoardActions.CountAsync())));
    }

    [Fact]
    public async Task A_council_outside_the_partnership_sees_none_of_the_board()
    {
        var bolton = await AuthorityAsync("Bolton");
        var stockport = await AuthorityAsync("Stockport");
        var attention = new OverdueBoardActions();
        var now = App.Clock.GetUtcNow();

        var boltonUser = new FixedUser(bolton.Id, Role.ProgrammeLead);
        var stockportUser = new FixedUser(stockport.Id, Role.Officer);

        await using var boltonDb = App.Database.Open(boltonUser);
        var seenByBolton = (await boltonDb.BoardMembers.CountAsync()) + (await boltonDb.BoardMeetings.CountAsync()) + (await boltonDb.AgendaItems.CountAsync()) + (await boltonDb.BoardActions.CountAsync());
        var boltonAttention = await attention.FindAsync(boltonDb, boltonUser, now, CancellationToken.None);
        await using var stockportDb = App.Database.Open(stockportUser);
        var seenByStockport = (await stockportDb.BoardMembers.CountAsync()) + (await stockportDb.BoardMeetings.CountAsync()) + (await stockportDb.AgendaItems.CountAsync()) + (await stockportDb.BoardActions.CountAsync());
        var stockportAttention = await attention.FindAsync(stockportDb, stockportUser, now, CancellationToken.None);

        Assert.Equal(0, seenByBolton);
        Assert.Empty(boltonAttention);
        Assert.True(seenByStockport > 0);
        Assert.Contains(stockportAttention, a => a.Title == $"Board action overdue: {OverdueDemoAction}");
    }
}

public sealed class BoardTestsOnSqlite(SqliteApp app) : BoardTests<SqliteApp>(app);

public sealed class BoardTestsOnPostgres(PostgresApp app) : BoardTests<PostgresApp>(app);
