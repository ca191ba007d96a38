using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>Committee reports in the councils' structure, drafted from live data and downloaded as Word.</summary>
public abstract class ReportTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string Committee = "Children and Families Scrutiny Committee";

    private static async Task<WordprocessingDocument> OpenAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return WordprocessingDocument.Open(new MemoryStream(bytes), false);
    }

    private static IReadOnlyList<string> Headings(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText)
            .ToList();

    [Fact]
    public async Task A_report_on_an_option_is_drafted_on_the_page_edited_and_downloaded_in_the_councils_structure()
    {
        var partnership = await DemoPartnershipAsync();
        var option = await OptionAsync("Shared Out of Hours Service");
        var committee = await BodyAsync("Stockport", Committee);
        var client = await SignInAsync("programme@stockport.demo");

        var drafted = await client.SubmitAsync($"/programme/{partnership.Id}/reports", "main form:not([action])",
            ("Input.GovernanceBodyId", committee.Id.ToString()), ("Input.MeetingDate.Day", "12"), ("Input.MeetingDate.Month", "1"), ("Input.MeetingDate.Year", "2027"),
            ("Input.Scope", option.Id.ToString()));
        var reportUrl = drafted.Headers.Location!.OriginalString;
        var saved = await client.SubmitAsync(reportUrl, "main form", ("Input.Recommendations", "The committee is asked to note the consultation on the Out of Hours Service."));
        var docx = await client.GetAsync($"{reportUrl}/docx");
        using var document = await OpenAsync(docx);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        var tables = document.MainDocumentPart.Document.Body.Elements<Table>().ToList();

        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(
            ["1. Purpose of the report", "2. Background", "3. Information", "4. Risks", "5. Milestones", "6. Financial implications",
             "7. Legal implications", "8. Human resources implications", "9. Equalities implications", "10. Recommendations", "Contact officer"],
            Headings(document));
        Assert.Contains("Shared Out of Hours Service", text, StringComparison.Ordinal);
        Assert.Contains("The committee is asked to note the consultation on the Out of Hours Service.", text, StringComparison.Ordinal);
        Assert.Contains(Committee, tables[0].InnerText, StringComparison.Ordinal);
        Assert.Contains("12 January 2027", tables[0].InnerText, StringComparison.Ordinal);
        var risks = tables[1].Elements<TableRow>().ToList();
        Assert.Equal(["Ref", "Risk", "Implication", "Planned action", "Owner", "Current score"], risks[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Contains(risks.Skip(1), r => r.InnerText.Contains("Response times differ between the boroughs", StringComparison.Ordinal));
        var milestones = tables[2].Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().First().InnerText).ToList();
        Assert.Contains("Out of hours proposal through governance: approval for implementation", milestones);
        Assert.Contains("programme@stockport.demo", tables[^1].InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_programme_report_through_the_API_carries_the_programmes_own_risk_log()
    {
        var partnership = await DemoPartnershipAsync();
        var committee = await BodyAsync("Tameside", "Children's Services Scrutiny Panel");
        var client = await SignInAsync("officer@tameside.demo");

        var created = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/reports",
            new { governanceBodyId = committee.Id, meetingDate = "2027-02-02", officerName = "Taylor Brooks", officerJobTitle = "Education officer", officerEmail = "officer@tameside.demo" });
        var report = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var document = await OpenAsync(await client.GetAsync($"/api/reports/{report.GetProperty("id").GetGuid()}/docx"));
        var riskTable = document.MainDocumentPart!.Document.Body!.Elements<Table>().ElementAt(1).InnerText;
        var expected = await ReadAsync(db => db.Risks.Where(r => r.Status == Concord.Core.Programme.RiskStatus.Open && (r.OptionId == null || r.EscalatedAt != null)).Select(r => r.Reference).ToListAsync());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("To update the Children's Services Scrutiny Panel on the progress", report.GetProperty("purpose").GetString(), StringComparison.Ordinal);
        Assert.All(expected, reference => Assert.Contains(reference, riskTable, StringComparison.Ordinal));
        Assert.Contains("Governance arrangements", riskTable, StringComparison.Ordinal);
        Assert.DoesNotContain("Trade unions and staff are not engaged", riskTable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_councils_report_is_its_own_until_it_publishes_it()
    {
        var partnership = await DemoPartnershipAsync();
        var committee = await BodyAsync("Stockport", Committee);
        var stockport = await SignInAsync("officer@stockport.demo");
        var created = await (await stockport.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/reports",
            new { governanceBodyId = committee.Id, meetingDate = "2027-03-09", officerName = "Jordan Reeves", officerJobTitle = "Education officer", officerEmail = "officer@stockport.demo" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var tameside = await SignInAsync("programme@tameside.demo");

        var (_, list) = await tameside.GetPageAsync($"/programme/{partnership.Id}/reports");

        Assert.Equal(HttpStatusCode.NotFound, (await tameside.GetAsync($"/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tameside.GetAsync($"/reports/{id}/docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tameside.GetAsync($"/reports/{id}/print")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tameside.GetAsync($"/api/reports/{id}")).StatusCode);
        Assert.DoesNotContain("9 March 2027", list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_is_for_one_of_the_councils_own_committees()
    {
        var partnership = await DemoPartnershipAsync();
        var tamesideCommittee = await BodyAsync("Tameside", "Children's Services Scrutiny Panel");
        var client = await SignInAsync("officer@stockport.demo");

        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/reports",
            new { governanceBodyId = tamesideCommittee.Id, meetingDate = "2027-02-02", officerName = "Jordan Reeves", officerJobTitle = "Officer", officerEmail = "officer@stockport.demo" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Select one of your council's own committees", problem.GetProperty("errors").GetProperty("governanceBodyId")[0].GetString());
    }

    [Fact]
    public async Task The_print_view_shows_every_section_and_the_live_tables()
    {
        var partnership = await DemoPartnershipAsync();
        var committee = await BodyAsync("Stockport", "Cabinet");
        var client = await SignInAsync("programme@stockport.demo");
        var created = await (await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/reports",
            new { governanceBodyId = committee.Id, meetingDate = "2027-01-12", officerName = "Chris Allen", officerJobTitle = "Programme lead", officerEmail = "programme@stockport.demo" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var (response, page) = await client.GetPageAsync($"/reports/{created.GetProperty("id").GetGuid()}/print");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headings = page.QuerySelectorAll("article h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal("1. Purpose of the report", headings[0]);
        Assert.Equal("10. Recommendations", headings[9]);
        Assert.Equal(2, page.QuerySelectorAll("article table").Length);
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_a_viewer_cannot_draft()
    {
        var partnership = await DemoPartnershipAsync();
        var committee = await BodyAsync("Stockport", "Cabinet");
        var officer = await SignInAsync("officer@stockport.demo");
        var created = await (await officer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/reports",
            new { governanceBodyId = committee.Id, meetingDate = "2027-04-13", officerName = "Jordan Reeves", officerJobTitle = "Officer", officerEmail = "officer@stockport.demo" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var body = new Dictionary<string, object?>
        {
            ["meetingDate"] = "2027-04-13",
            ["title"] = "Progress",
            ["purpose"] = "p",
            ["background"] = "b",
            ["information"] = "i",
            ["financial"] = "f",
            ["legal"] = "l",
            ["humanResources"] = "h",
            ["equalities"] = "e",
            ["recommendations"] = "r",
            ["officerName"] = "Jordan Reeves",
            ["officerJobTitle"] = "Officer",
            ["officerEmail"] = "officer@stockport.demo",
            ["version"] = created.GetProperty("version").GetGuid(),
        };

        var first = await officer.PutAsJsonAsync($"/api/reports/{id}", body);
        var second = await officer.PutAsJsonAsync($"/api/reports/{id}", body);
        var viewer = await (await SignInAsync("viewer@stockport.demo")).PostAsJsonAsync($"/api/partnerships/{partnership.Id}/reports", new { governanceBodyId = committee.Id });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
    }
}

public sealed class ReportTestsOnSqlite(SqliteApp app) : ReportTests<SqliteApp>(app);

public sealed class ReportTestsOnPostgres(PostgresApp app) : ReportTests<PostgresApp>(app);
