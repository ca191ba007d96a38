using System.Net;
using Concord.Core.Governance;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>A council's committees and meeting calendar, kept on its own pages.</summary>
public abstract class GovernanceTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    [Fact]
    public async Task An_officer_adds_a_body_and_schedules_a_meeting_on_the_pages()
    {
        var client = await SignInAsync("officer@tameside.demo");

        var added = await client.SubmitAsync("/governance/bodies/new", "main form",
            ("Input.Name", "Education Joint Consultation Group"), ("Input.Kind", "Other"), ("Input.Remit", "Consultation with the trade unions"));
        var bodyUrl = added.Headers.Location!.OriginalString;
        var scheduled = await client.SubmitAsync($"{bodyUrl}/meetings/new", "main form",
            ("Input.Date.Day", "12"), ("Input.Date.Month", "3"), ("Input.Date.Year", "2027"), ("Input.Status", "Scheduled"), ("Input.Notes", "Early years proposal: briefing"));
        var (_, page) = await client.GetPageAsync(bodyUrl);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Equal("Education Joint Consultation Group", page.Text("h1"));
        Assert.Contains("Meeting on 12 March 2027 is saved.", page.Text(".govuk-notification-banner"), StringComparison.Ordinal);
        var row = page.QuerySelectorAll("tbody tr").Single();
        Assert.Equal("12 March 2027", row.Children[0].TextContent.Trim());
        Assert.Equal("Early years proposal: briefing", row.Children[2].TextContent.Trim());
    }

    [Fact]
    public async Task A_meeting_date_must_be_real_and_nothing_is_saved_when_it_is_not()
    {
        var body = await BodyAsync("Tameside", "Schools Forum");
        var client = await SignInAsync("officer@tameside.demo");

        var response = await client.SubmitAsync($"/governance/bodies/{body.Id}/meetings/new", "main form",
            ("Input.Date.Day", "31"), ("Input.Date.Month", "4"), ("Input.Date.Year", "2027"), ("Input.Status", "Scheduled"));
        var missing = await client.SubmitAsync($"/governance/bodies/{body.Id}/meetings/new", "main form",
            ("Input.Date.Day", "3"), ("Input.Date.Month", ""), ("Input.Date.Year", "2027"), ("Input.Status", "Scheduled"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Date of the meeting must be a real date"], (await Browser.ParseAsync(response)).ErrorMessages());
        Assert.Equal(["Date of the meeting must include a month"], (await Browser.ParseAsync(missing)).ErrorMessages());
        Assert.Equal(body.Meetings.Count, (await BodyAsync("Tameside", "Schools Forum")).Meetings.Count);
    }

    [Fact]
    public async Task Two_bodies_of_one_council_cannot_share_a_name()
    {
        var client = await SignInAsync("officer@stockport.demo");

        var response = await client.SubmitAsync("/governance/bodies/new", "main form", ("Input.Name", "Cabinet"), ("Input.Kind", "Cabinet"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Your authority already has a body called Cabinet"], (await Browser.ParseAsync(response)).ErrorMessages());
    }

    [Fact]
    public async Task Changing_a_meeting_records_it_and_a_stale_change_is_refused()
    {
        var body = await BodyAsync("Stockport", "Corporate Leadership Team");
        var meeting = body.Meetings.OrderBy(m => m.Date).Last();
        var client = await SignInAsync("officer@stockport.demo");
        var url = $"/governance/meetings/{meeting.Id}/edit";

        var first = await client.SubmitAsync(url, "main form", ("Input.Status", "Cancelled"), ("Input.Notes", "Moved to the next cycle"));
        var stale = await client.PostFormAsync(url, url,
            ("Input.Date.Day", "1"), ("Input.Date.Month", "1"), ("Input.Date.Year", "2030"), ("Input.Status", "Scheduled"), ("Input.Version", meeting.Version.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var saved = await ReadAsync(db => db.Meetings.SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal(MeetingStatus.Cancelled, saved.Status);
        Assert.Equal(meeting.Date, saved.Date);
        Assert.Equal("Moved to the next cycle", saved.Notes);
    }

    [Fact]
    public async Task Deleting_a_body_removes_its_meetings_and_audits_each()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var added = await client.SubmitAsync("/governance/bodies/new", "main form", ("Input.Name", "Short-lived Working Group"), ("Input.Kind", "Other"));
        var bodyUrl = added.Headers.Location!.OriginalString;
        var bodyId = Guid.Parse(bodyUrl.Split('/').Last());
        await client.SubmitAsync($"{bodyUrl}/meetings/new", "main form", ("Input.Date.Day", "2"), ("Input.Date.Month", "2"), ("Input.Date.Year", "2027"), ("Input.Status", "Scheduled"));

        var deleted = await client.SubmitAsync($"{bodyUrl}/delete", "main form");

        Assert.Equal("/governance", deleted.Headers.Location?.OriginalString);
        Assert.False(await ReadAsync(db => db.GovernanceBodies.AnyAsync(b => b.Id == bodyId)));
        Assert.False(await ReadAsync(db => db.Meetings.AnyAsync(m => m.GovernanceBodyId == bodyId)));
        var deletions = await ReadAsync(db => db.AuditEntries.Where(a => a.Action == Concord.Core.Auditing.AuditAction.Deleted).Select(a => a.Entity).ToListAsync());
        Assert.Contains(nameof(GovernanceBody), deletions);
        Assert.Contains(nameof(Meeting), deletions);
    }
}

public sealed class GovernanceTestsOnSqlite(SqliteApp app) : GovernanceTests<SqliteApp>(app);

public sealed class GovernanceTestsOnPostgres(PostgresApp app) : GovernanceTests<PostgresApp>(app);
