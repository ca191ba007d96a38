using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Concord.Core.Governance;
using Concord.Web.Tests.Infrastructure;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>The joint milestone plan, the councils' approvals in step, and the governance calendars they rely on.</summary>
public abstract class MilestoneTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private async Task<Guid> NewMilestoneAsync(HttpClient client, string description, string expected)
    {
        var partnership = await DemoPartnershipAsync();
        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/milestones",
            new { description, owner = "Programme manager", expectedDate = expected, status = "NotStarted" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> MeetingAsync(string authority, string body, DateOnly date)
    {
        var found = await BodyAsync(authority, body);
        await using var db = App.Database.OpenAsSystem();
        var tracked = await db.GovernanceBodies.Include(b => b.Meetings).SingleAsync(b => b.Id == found.Id);
        var meeting = tracked.Meetings.FirstOrDefault(m => m.Date == date) ?? tracked.ScheduleMeeting(date, null);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    [Fact]
    public async Task Each_council_names_its_own_approval_and_out_of_step_approvals_are_flagged()
    {
        var stockport = await SignInAsync("officer@stockport.demo");
        var tameside = await SignInAsync("officer@tameside.demo");
        var id = await NewMilestoneAsync(stockport, "School improvement model through governance", "2027-03-31");
        var stockportCabinet = await BodyAsync("Stockport", "Cabinet");
        var tamesideCabinet = await BodyAsync("Tameside", "Executive Cabinet");
        var january = await MeetingAsync("Stockport", "Cabinet", new DateOnly(2027, 1, 12));
        var april = await MeetingAsync("Tameside", "Executive Cabinet", new DateOnly(2027, 4, 6));

        var page = await stockport.SubmitAsync($"/milestones/{id}", "form[action$='handler=SetApproval']",
            ("Approval.GovernanceBodyId", stockportCabinet.Id.ToString()), ("Approval.MeetingId", january.ToString()));
        var api = await tameside.PutAsJsonAsync($"/api/milestones/{id}/approval", new { governanceBodyId = tamesideCabinet.Id, meetingId = april });
        var milestone = await api.Content.ReadFromJsonAsync<JsonElement>();
        var (_, shown) = await stockport.GetPageAsync($"/milestones/{id}");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var flags = milestone.GetProperty("outOfStep").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Equal(
            [
                "Tameside's Executive Cabinet meets on 6 April 2027, after the milestone's date of 31 March 2027",
                "The councils' approvals are 84 days apart (Stockport on 12 January 2027, Tameside on 6 April 2027); the programme allows 28",
            ],
            flags);
        Assert.Contains("Executive Cabinet", shown.Text("#approvals"), StringComparison.Ordinal);
        Assert.Equal(2, shown.QuerySelectorAll(".govuk-warning-text").Length);
    }

    [Fact]
    public async Task A_council_cannot_name_another_councils_body_or_meeting_for_its_approval()
    {
        var client = await SignInAsync("officer@tameside.demo");
        var id = await NewMilestoneAsync(await SignInAsync("officer@stockport.demo"), "Quality hub through governance", "2027-06-30");
        var stockportCabinet = await BodyAsync("Stockport", "Cabinet");
        var tamesideCabinet = await BodyAsync("Tameside", "Executive Cabinet");
        var stockportMeeting = stockportCabinet.Meetings.First().Id;

        var body = await client.PutAsJsonAsync($"/api/milestones/{id}/approval", new { governanceBodyId = stockportCabinet.Id });
        var meeting = await client.PutAsJsonAsync($"/api/milestones/{id}/approval", new { governanceBodyId = tamesideCabinet.Id, meetingId = stockportMeeting });

        Assert.Equal(HttpStatusCode.BadRequest, body.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, meeting.StatusCode);
        Assert.False(await ReadAsync(db => db.MilestoneApprovals.AnyAsync(a => a.MilestoneId == id)));
    }

    [Fact]
    public async Task Slippage_against_the_baseline_shows_on_the_plan()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var id = await NewMilestoneAsync(client, "Revised specifications shared", "2027-02-01");
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/milestones/{id}");

        var moved = await client.PutAsJsonAsync($"/api/milestones/{id}",
            new { description = "Revised specifications shared", owner = "Programme manager", expectedDate = "2027-02-15", status = "InProgress", version = read.GetProperty("version").GetGuid() });
        var milestone = await moved.Content.ReadFromJsonAsync<JsonElement>();
        var stale = await client.PutAsJsonAsync($"/api/milestones/{id}",
            new { description = "Revised specifications shared", owner = "Someone else", expectedDate = "2027-02-20", status = "InProgress", version = read.GetProperty("version").GetGuid() });

        Assert.Equal("2027-02-01", milestone.GetProperty("baselineDate").GetString());
        Assert.Equal(14, milestone.GetProperty("slippageDays").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task The_plan_page_draws_a_timeline_row_for_each_milestone_beside_its_table()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("viewer@tameside.demo");

        var (response, page) = await client.GetPageAsync($"/programme/{partnership.Id}/milestones");
        var count = await ReadAsync(db => db.Milestones.CountAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(count, page.QuerySelectorAll("#milestone-table tbody tr").Length);
        Assert.Equal(count, page.QuerySelectorAll("svg.app-timeline-chart polygon title").Count(t => t.TextContent.Contains(": expected ", StringComparison.Ordinal)));
        Assert.NotNull(page.QuerySelector("svg.app-timeline-chart[role=img] desc"));
        Assert.Contains("out of step", page.Text(".govuk-warning-text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_downloads_as_CSV_and_Excel_with_the_same_rows()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("viewer@stockport.demo");
        var expected = await ReadAsync(db => db.Milestones.Select(m => m.Description).ToListAsync());

        var csv = await client.GetAsync($"/api/partnerships/{partnership.Id}/milestones?format=csv");
        var xlsx = await client.GetAsync($"/api/partnerships/{partnership.Id}/milestones?format=xlsx");
        var wrong = await client.GetAsync($"/api/partnerships/{partnership.Id}/milestones?format=pdf");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        using var reader = new CsvReader(new StringReader(await csv.Content.ReadAsStringAsync()), System.Globalization.CultureInfo.InvariantCulture);
        var records = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(expected.Order(), records.Select(r => (string)r["Milestone"]).Order());
        var governance = records.Single(r => (string)r["Milestone"] == "Full proposal through governance: approval for implementation");
        Assert.Equal("2022-06-30", governance["Expected date"]);
        Assert.Equal("Stockport: Cabinet, 14 June 2022; Tameside: Executive Cabinet, 22 June 2022", governance["Approvals"]);

        using var workbook = SpreadsheetDocument.Open(await xlsx.Content.ReadAsStreamAsync(), false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(expected.Count + 1, rows.Count);
        Assert.Equal("Milestone", rows[0].Descendants<Cell>().First().InnerText);
        var governanceRow = rows.Single(r => r.Descendants<Cell>().First().InnerText == "Full proposal through governance: approval for implementation");
        var expectedDate = governanceRow.Descendants<Cell>().ElementAt(5);
        Assert.Equal(new DateOnly(2022, 6, 30), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(expectedDate.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [Fact]
    public async Task A_council_uploads_its_calendar_and_a_bad_file_saves_nothing_and_names_each_line()
    {
        var client = await SignInAsync("officer@tameside.demo");
        var before = await ReadAsync(db => db.Meetings.CountAsync());
        const string bad = "Body,Kind,Date,Status\nExecutive Cabinet,,2027-05-19,\nCorporate Parenting Panel,,2027-05-20,\nSchools Forum,Schools Forum,31/02/2027,\nSchools Forum,,2027-06-09,Postponed\n";
        const string good = "Body,Kind,Date,Status,Notes\nExecutive Cabinet,,2027-05-19,,Budget\nCorporate Parenting Panel,Other,2027-05-20,Scheduled,\nSchools Forum,Schools Forum,09/06/2027,,\n";

        var refused = await client.PostAsync("/api/governance/calendar", new StringContent(bad, Encoding.UTF8, "text/csv"));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var page = await client.PostFormAsync("/governance/calendar", "/governance/calendar");
        var accepted = await client.PostAsync("/api/governance/calendar", new StringContent(good, Encoding.UTF8, "text/csv"));
        var result = await accepted.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(
            [
                "Line 3: Corporate Parenting Panel is a new body, so its kind is needed",
                "Line 4: the date '31/02/2027' is not a real date (write it as 2027-01-12 or 12/01/2027)",
                "Line 5: the status 'Postponed' is not Scheduled, Held or Cancelled",
            ],
            problem.GetProperty("errors").GetProperty("lines").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(3, result.GetProperty("meetingsAdded").GetInt32());
        Assert.Equal(1, result.GetProperty("bodiesAdded").GetInt32());
        Assert.Equal(before + 3, await ReadAsync(db => db.Meetings.CountAsync()));
        var tameside = await AuthorityAsync("Tameside");
        Assert.True(await ReadAsync(db => db.GovernanceBodies.AnyAsync(b => b.Name == "Corporate Parenting Panel" && b.AuthorityId == tameside.Id && b.Kind == BodyKind.Other)));
    }

    [Fact]
    public async Task A_new_body_in_an_uploaded_calendar_needs_its_kind_and_nothing_is_saved_without_it()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var before = await ReadAsync(db => db.Meetings.CountAsync());

        var response = await client.PostAsync("/api/governance/calendar",
            new StringContent("Body,Kind,Date\nCabinet,,2027-07-13\nHealth and Wellbeing Board,,2027-07-14\n", Encoding.UTF8, "text/csv"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Line 3: Health and Wellbeing Board is a new body, so its kind is needed", problem.GetProperty("errors").GetProperty("lines")[0].GetString());
        Assert.Equal(before, await ReadAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task A_meeting_a_joint_milestone_relies_on_cannot_be_deleted()
    {
        var approval = await ReadAsync(db => db.MilestoneApprovals.Where(a => a.MeetingId != null)
            .Join(db.Authorities.Where(a => a.Name == "Stockport"), a => a.AuthorityId, a => a.Id, (a, _) => a).FirstAsync());
        var meeting = await ReadAsync(db => db.Meetings.SingleAsync(m => m.Id == approval.MeetingId));
        var client = await SignInAsync("officer@stockport.demo");

        var page = await client.SubmitAsync($"/governance/meetings/{meeting.Id}/delete", "main form");
        var api = await client.DeleteAsync($"/api/governance/meetings/{meeting.Id}?version={meeting.Version}");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.StartsWith("The joint milestone", (await Browser.ParseAsync(page)).ErrorMessages().Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.True(await ReadAsync(db => db.Meetings.AnyAsync(m => m.Id == meeting.Id)));
    }

    [Fact]
    public async Task Viewers_cannot_change_the_plan()
    {
        var partnership = await DemoPartnershipAsync();
        var viewer = await SignInAsync("viewer@tameside.demo");

        var create = await viewer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/milestones", new { description = "x", owner = "y", expectedDate = "2027-01-01" });
        var page = await viewer.GetAsync($"/programme/{partnership.Id}/milestones/new");
        var upload = await viewer.PostAsync("/api/governance/calendar", new StringContent("Body,Kind,Date\nCabinet,,2027-01-01\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }
}

public sealed class MilestoneTestsOnSqlite(SqliteApp app) : MilestoneTests<SqliteApp>(app);

public sealed class MilestoneTestsOnPostgres(PostgresApp app) : MilestoneTests<PostgresApp>(app);
