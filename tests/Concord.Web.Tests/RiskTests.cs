using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Programme;
using Concord.Web.Infrastructure.Attention;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.Tests.Infrastructure;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Formats = Concord.Core.Formats;

namespace Concord.Web.Tests;

/// <summary>The risk log: its pages, heat map, downloads and API, and overdue reviews on the home page.</summary>
public abstract class RiskTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string Hub = "Quality and Improvement Hub";
    private const string LevelOfService = "Maintaining the level of service";

    private static readonly DateOnly NextYear = new(DateTime.UtcNow.Year + 1, 3, 27);

    private static object RiskBody(string title, Guid? optionId = null, int currentLikelihood = 3, int currentImpact = 4) => new
    {
        optionId,
        title,
        implication = "Families wait longer for support",
        cause = "Two councils' processes",
        mitigation = "Agree one process before the service starts",
        owner = "Programme manager",
        scope = "EveryCouncil",
        inherentLikelihood = 4,
        inherentImpact = 4,
        currentLikelihood,
        currentImpact,
        targetLikelihood = 1,
        targetImpact = 3,
        reviewDate = NextYear.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private async Task<JsonElement> NewRiskAsync(HttpClient client, string title, Guid? optionId = null)
    {
        var partnership = await DemoPartnershipAsync();
        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/risks", RiskBody(title, optionId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Every risk of the demo programme (the only programme), the demo's and those tests added.</summary>
    private Task<List<Risk>> ProgrammeRisksAsync() => ReadAsync(db => db.Risks.Include(r => r.History).ToListAsync());

    /// <summary>Every field of the risk form, with <paramref name="overrides"/> in place of the defaults they name.</summary>
    private static (string Name, string Value)[] PageFields(string title, params (string Name, string Value)[] overrides) =>
    [
        .. Defaults(title).Where(f => overrides.All(o => o.Name != f.Name)),
        .. overrides,
    ];

    private static (string Name, string Value)[] Defaults(string title) =>
    [
        ("Input.Title", title),
        ("Input.Implication", "Schools do not use the hub"),
        ("Input.Mitigation", "Design the hub with trust leaders"),
        ("Input.Owner", "Assistant Director, Education"),
        ("Input.Scope", "Partnership"),
        ("Input.InherentLikelihood", "4"),
        ("Input.InherentImpact", "3"),
        ("Input.CurrentLikelihood", "3"),
        ("Input.CurrentImpact", "3"),
        ("Input.TargetLikelihood", "2"),
        ("Input.TargetImpact", "2"),
        ("Input.ReviewDate.Day", "27"),
        ("Input.ReviewDate.Month", "3"),
        ("Input.ReviewDate.Year", NextYear.Year.ToString(CultureInfo.InvariantCulture)),
    ];

    [Fact]
    public async Task A_risk_added_to_an_option_on_the_page_is_on_that_options_log_with_the_next_reference()
    {
        var partnership = await DemoPartnershipAsync();
        var hub = await OptionAsync(Hub);
        var client = await SignInAsync("officer@stockport.demo");
        var expected = $"R{Risk.NextNumber((await ProgrammeRisksAsync()).Select(r => r.Reference))}";

        var response = await client.SubmitAsync($"/programme/{partnership.Id}/risks/new?optionId={hub.Id}", "main form", PageFields("The hub's charges put schools off"));
        var (_, optionLog) = await client.GetPageAsync($"/programme/{partnership.Id}/risks?optionId={hub.Id}");
        var (_, programmeLog) = await client.GetPageAsync($"/programme/{partnership.Id}/risks");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var risk = await ReadAsync(db => db.Risks.SingleAsync(r => r.Title == "The hub's charges put schools off"));
        Assert.Equal($"/risks/{risk.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(expected, risk.Reference);
        Assert.Equal(hub.Id, risk.OptionId);
        Assert.Contains("The hub's charges put schools off", optionLog.Text($"#risks tr[data-reference='{expected}']"), StringComparison.Ordinal);
        Assert.Null(programmeLog.QuerySelector($"#risks tr[data-reference='{expected}']"));
    }

    [Fact]
    public async Task Scores_outside_one_to_five_are_refused_on_the_page_naming_the_fields_and_nothing_is_saved()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("officer@tameside.demo");
        var before = await ReadAsync(db => db.Risks.CountAsync());

        var response = await client.SubmitAsync($"/programme/{partnership.Id}/risks/new", "main form",
            PageFields("Scored out of range", ("Input.CurrentLikelihood", "6"), ("Input.TargetImpact", "0")));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["The current likelihood must be between 1 and 5", "The target impact must be between 1 and 5"], page.ErrorMessages());
        Assert.Equal(["#Input_CurrentLikelihood", "#Input_TargetImpact"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Contains("The current likelihood must be between 1 and 5", page.Text("#Input_CurrentLikelihood-error"), StringComparison.Ordinal);
        Assert.Equal(before, await ReadAsync(db => db.Risks.CountAsync()));
    }

    [Fact]
    public async Task Scores_outside_one_to_five_are_refused_by_the_API_as_problem_details_and_nothing_is_saved()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("officer@stockport.demo");
        var before = await ReadAsync(db => db.Risks.CountAsync());

        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/risks", RiskBody("Out of range", currentLikelihood: 7, currentImpact: 0));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal("The current likelihood must be between 1 and 5", problem.GetProperty("errors").GetProperty("currentLikelihood")[0].GetString());
        Assert.Equal("The current impact must be between 1 and 5", problem.GetProperty("errors").GetProperty("currentImpact")[0].GetString());
        Assert.Equal(before, await ReadAsync(db => db.Risks.CountAsync()));
    }

    [Fact]
    public async Task The_heat_map_counts_the_open_risks_each_log_shows()
    {
        var partnership = await DemoPartnershipAsync();
        var hub = await OptionAsync(Hub);
        var client = await SignInAsync("viewer@stockport.demo");
        var risks = await ProgrammeRisksAsync();

        foreach (var (query, shown) in new[]
        {
            (string.Empty, risks.Where(r => r.OnProgrammeLog).ToList()),
            ("?log=all", risks),
            ($"?optionId={hub.Id}", risks.Where(r => r.OptionId == hub.Id).ToList()),
        })
        {
            var (response, page) = await client.GetPageAsync($"/programme/{partnership.Id}/risks{query}");
            var expected = RiskMatrix.Count(shown);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(shown.Select(r => r.Reference).Order(), page.QuerySelectorAll("#risks tbody tr").Select(tr => tr.GetAttribute("data-reference")!).Order());
            Assert.Equal(["Impact 1", "Impact 2", "Impact 3", "Impact 4", "Impact 5"], page.QuerySelectorAll("#heat-map thead th").Select(th => th.TextContent.Trim()));
            Assert.Equal(["Likelihood 5", "Likelihood 4", "Likelihood 3", "Likelihood 2", "Likelihood 1"], page.QuerySelectorAll("#heat-map tbody th").Select(th => th.TextContent.Trim()));
            for (var likelihood = 1; likelihood <= 5; likelihood++)
            {
                for (var impact = 1; impact <= 5; impact++)
                {
                    var cell = page.QuerySelector($"#heat-map td[data-likelihood='{likelihood}'][data-impact='{impact}']")!;
                    Assert.Equal(expected[likelihood - 1, impact - 1], int.Parse(cell.ChildNodes[0].TextContent, CultureInfo.InvariantCulture));
                    var rating = new RiskScore(likelihood, impact).Rating.ToString().ToLowerInvariant();
                    Assert.Contains($"app-heat-map__cell--{rating}", cell.ClassList);
                    Assert.Contains(rating, cell.QuerySelector(".govuk-visually-hidden")!.TextContent, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(RiskMatrix.Count(risks).Cast<int>().Sum() > 0);
    }

    [Fact]
    public async Task Changing_the_current_score_adds_to_the_history_and_an_unchanged_save_does_not()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var id = (await NewRiskAsync(client, "Admissions data differs between the councils")).GetProperty("id").GetGuid();

        var unchanged = await client.SubmitAsync($"/risks/{id}/edit", "main form");
        var afterUnchanged = await ReadAsync(db => db.Set<RiskAssessment>().CountAsync(h => h.RiskId == id));
        var changed = await client.SubmitAsync($"/risks/{id}/edit", "main form", ("Input.CurrentLikelihood", "2"), ("Input.Note", "Data sharing agreement signed"));
        var (_, page) = await client.GetPageAsync($"/risks/{id}");

        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(1, afterUnchanged);
        var history = await ReadAsync(db => db.Set<RiskAssessment>().Where(h => h.RiskId == id).OrderBy(h => h.AssessedAt).ToListAsync());
        Assert.Equal([12, 8], history.Select(h => h.Score.Value));
        Assert.Equal("Data sharing agreement signed", history[1].Note);
        Assert.Equal(2, page.QuerySelectorAll("#history tbody tr").Length);
        Assert.Contains("Data sharing agreement signed", page.Text("#history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalating_an_options_risk_puts_it_on_the_programmes_log_and_escalating_twice_is_refused()
    {
        var partnership = await DemoPartnershipAsync();
        var hub = await OptionAsync(Hub);
        var client = await SignInAsync("officer@tameside.demo");
        var created = await NewRiskAsync(client, "Trust leaders see the hub as a competitor", hub.Id);
        var (id, reference) = (created.GetProperty("id").GetGuid(), created.GetProperty("reference").GetString()!);
        var (_, before) = await client.GetPageAsync($"/programme/{partnership.Id}/risks");

        var escalated = await client.SubmitAsync($"/risks/{id}", "#escalate", ("Reason", "It affects every school improvement option"));
        var (_, after) = await client.GetPageAsync($"/programme/{partnership.Id}/risks");
        var (_, stillOnOption) = await client.GetPageAsync($"/programme/{partnership.Id}/risks?optionId={hub.Id}");
        var againByApi = await client.PostAsJsonAsync($"/api/risks/{id}/escalate", new { reason = "Again" });
        var againByPage = await client.PostFormAsync($"/risks/{id}?handler=Escalate", $"/risks/{id}", ("Reason", "Again"));
        var problem = await againByApi.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Null(before.QuerySelector($"#risks tr[data-reference='{reference}']"));
        Assert.Equal(HttpStatusCode.Redirect, escalated.StatusCode);
        Assert.Contains(Hub, after.Text($"#risks tr[data-reference='{reference}']"), StringComparison.Ordinal);
        Assert.NotNull(stillOnOption.QuerySelector($"#risks tr[data-reference='{reference}']"));
        Assert.Equal(HttpStatusCode.BadRequest, againByApi.StatusCode);
        Assert.Equal("The risk is already escalated to the programme", problem.GetProperty("errors").GetProperty("escalatedAt")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, againByPage.StatusCode);
        Assert.Equal(["The risk is already escalated to the programme"], (await Browser.ParseAsync(againByPage)).ErrorMessages());
        var risk = await ReadAsync(db => db.Risks.SingleAsync(r => r.Id == id));
        Assert.Equal("It affects every school improvement option", risk.EscalationReason);
        Assert.Equal(hub.Id, risk.OptionId);
    }

    [Fact]
    public async Task A_programme_risk_cannot_be_escalated_and_shows_no_escalation_form()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var id = (await NewRiskAsync(client, "Members' briefing packs differ")).GetProperty("id").GetGuid();

        var (_, page) = await client.GetPageAsync($"/risks/{id}");
        var response = await client.PostAsJsonAsync($"/api/risks/{id}/escalate", new { reason = "Try" });

        Assert.Null(page.QuerySelector("#escalate"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await ReadAsync(db => db.Risks.Where(r => r.Id == id).Select(r => r.EscalatedAt).SingleAsync()));
    }

    [Fact]
    public async Task The_CSV_download_holds_a_header_and_one_row_per_risk_of_the_log()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("viewer@tameside.demo");
        var (_, page) = await client.GetPageAsync($"/programme/{partnership.Id}/risks");
        var shown = (await ProgrammeRisksAsync()).Where(r => r.OnProgrammeLog).OrderBy(r => r.Number).ToList();

        var response = await client.GetAsync(page.QuerySelector("#download-csv")!.GetAttribute("href"));
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<(string Reference, string Risk, string Implication, string Mitigation, int Current, string Rating, string Review)>();
        while (csv.Read())
        {
            rows.Add((csv.GetField("Reference")!, csv.GetField("Risk")!, csv.GetField("Implication")!, csv.GetField("Planned action to explore and mitigate")!,
                csv.GetField<int>("Current score"), csv.GetField("Current rating")!, csv.GetField("Review date")!));
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("risk-log.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(["Reference", "Risk", "Implication", "Cause", "Planned action to explore and mitigate"], csv.HeaderRecord!.Take(5));
        Assert.Equal(shown.Select(r => (r.Reference, r.Title, r.Implication, r.Mitigation, r.Current.Value, r.Current.Rating.ToString(), r.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), rows);
        Assert.Contains(rows, r => r.Risk.StartsWith(LevelOfService, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_Excel_download_holds_a_header_and_one_row_per_risk_with_real_numbers_and_dates()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("viewer@stockport.demo");
        var (_, page) = await client.GetPageAsync($"/programme/{partnership.Id}/risks?log=all");
        var shown = (await ProgrammeRisksAsync()).OrderBy(r => r.Number).ToList();

        var response = await client.GetAsync(page.QuerySelector("#download-xlsx")!.GetAttribute("href"));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!;
        var lines = sheet.Elements<Row>().Select(row => row.Elements<Cell>().ToList()).ToList();
        var header = lines[0].Select(ExcelFile.Text).ToList();
        int Column(string heading) => header.IndexOf(heading);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TableExport.XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("risk-log-all.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("Risk log", workbook.Workbook.Sheets!.Elements<Sheet>().Single().Name?.Value);
        Assert.Equal(["Reference", "Risk", "Implication"], header.Take(3));
        Assert.Equal(shown.Count, lines.Count - 1);
        foreach (var (risk, cells) in shown.Zip(lines.Skip(1)))
        {
            Assert.Equal(risk.Reference, ExcelFile.Text(cells[Column("Reference")]));
            Assert.Equal(risk.Title, ExcelFile.Text(cells[Column("Risk")]));
            var score = cells[Column("Current score")];
            Assert.Equal(CellValues.Number, score.DataType?.Value);
            Assert.Equal(risk.Current.Value, int.Parse(score.CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.Equal(risk.InherentLikelihood, int.Parse(cells[Column("Inherent likelihood")].CellValue!.Text, CultureInfo.InvariantCulture));
            var review = cells[Column("Review date")];
            Assert.Null(review.DataType);
            Assert.Equal(risk.ReviewDate, DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(review.CellValue!.Text, CultureInfo.InvariantCulture))));
            var format = (CellFormat)workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)review.StyleIndex!.Value);
            var code = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value);
            Assert.Equal("d mmmm yyyy", code.FormatCode?.Value);
        }
    }


    [Fact]
    public async Task An_unknown_download_format_is_refused_naming_the_parameter()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("viewer@stockport.demo");

        var response = await client.GetAsync($"/api/partnerships/{partnership.Id}/risks?format=pdf");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Format must be json, csv or xlsx", problem.GetProperty("errors").GetProperty("format")[0].GetString());
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409_on_the_API_and_the_page()
    {
        var first = await SignInAsync("officer@stockport.demo");
        var second = await SignInAsync("officer@tameside.demo");
        var created = await NewRiskAsync(first, "Night rota gaps in the summer");
        var (id, version) = (created.GetProperty("id").GetGuid(), created.GetProperty("version").GetGuid());
        var (_, staleForm) = await second.GetPageAsync($"/risks/{id}/edit");

        var withoutVersion = await first.PutAsJsonAsync($"/api/risks/{id}", RiskBody("Night rota gaps in the summer holidays"));
        var withVersion = await first.PutAsJsonAsync($"/api/risks/{id}", Versioned("Night rota gaps in the summer holidays", version));
        var staleApi = await second.PutAsJsonAsync($"/api/risks/{id}", Versioned("Second person's title", version));
        var stalePage = await second.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)staleForm.QuerySelector("main form")!, ("Input.Title", "Second person's page title"));

        Assert.Equal(HttpStatusCode.BadRequest, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withVersion.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleApi.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stalePage.StatusCode);
        Assert.Contains("Someone else changed this risk", (await Browser.ParseAsync(stalePage)).ErrorMessages()[0], StringComparison.Ordinal);
        Assert.Equal("Night rota gaps in the summer holidays", await ReadAsync(db => db.Risks.Where(r => r.Id == id).Select(r => r.Title).SingleAsync()));
    }

    private static Dictionary<string, object?> Versioned(string title, Guid version)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(RiskBody(title)))!;
        body["version"] = version;
        return body;
    }

    [Fact]
    public async Task A_viewer_gets_403_on_every_write_by_page_and_API()
    {
        var partnership = await DemoPartnershipAsync();
        var hub = await OptionAsync(Hub);
        var officer = await SignInAsync("officer@stockport.demo");
        var created = await NewRiskAsync(officer, "Hub staff are recruited twice", hub.Id);
        var (id, version) = (created.GetProperty("id").GetGuid(), created.GetProperty("version").GetGuid());
        var viewer = await SignInAsync("viewer@stockport.demo");
        var count = await ReadAsync(db => db.Risks.CountAsync());

        var newPage = await viewer.GetAsync($"/programme/{partnership.Id}/risks/new");
        var editPage = await viewer.GetAsync($"/risks/{id}/edit");
        var postNew = await viewer.PostFormAsync($"/programme/{partnership.Id}/risks/new", $"/risks/{id}", PageFields("Viewer's risk"));
        var postEdit = await viewer.PostFormAsync($"/risks/{id}/edit", $"/risks/{id}", PageFields("Viewer's change", ("Input.Version", version.ToString())));
        var postEscalate = await viewer.PostFormAsync($"/risks/{id}?handler=Escalate", $"/risks/{id}", ("Reason", "Viewer escalates"), ("Version", version.ToString()));
        var apiCreate = await viewer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/risks", RiskBody("Viewer's risk"));
        var apiUpdate = await viewer.PutAsJsonAsync($"/api/risks/{id}", Versioned("Viewer's change", version));
        var apiEscalate = await viewer.PostAsJsonAsync($"/api/risks/{id}/escalate", new { reason = "Viewer escalates" });
        var (_, list) = await viewer.GetPageAsync($"/programme/{partnership.Id}/risks");
        var (_, details) = await viewer.GetPageAsync($"/risks/{id}");

        Assert.All([newPage, editPage, postNew, postEdit, postEscalate, apiCreate, apiUpdate, apiEscalate], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(count, await ReadAsync(db => db.Risks.CountAsync()));
        var risk = await ReadAsync(db => db.Risks.SingleAsync(r => r.Id == id));
        Assert.Equal(version, risk.Version);
        Assert.Null(risk.EscalatedAt);
        Assert.Empty(list.QuerySelectorAll("a[href$='/risks/new']"));
        Assert.Null(details.QuerySelector("#escalate"));
        Assert.Null(details.QuerySelector($"a[href='/risks/{id}/edit']"));
    }

    [Fact]
    public async Task The_demos_overdue_risk_review_shows_on_a_Tameside_officers_home_page()
    {
        var risk = (await ProgrammeRisksAsync()).Single(r => r.Title.StartsWith(LevelOfService, StringComparison.Ordinal));
        var client = await SignInAsync("officer@tameside.demo");

        var (_, home) = await client.GetPageAsync("/");

        var item = home.QuerySelectorAll("#attention li").Single(li => li.QuerySelector($"a[href='/risks/{risk.Id}']") is not null);
        Assert.Equal($"Risk review overdue: {risk.Reference} {risk.Title}", item.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal($"Review was due {Formats.Date(risk.ReviewDate)}; owner {risk.Owner}", item.QuerySelector(".govuk-task-list__hint")!.TextContent.Trim());
        Assert.Equal("Overdue", item.QuerySelector(".govuk-tag")!.TextContent.Trim());
        Assert.True(risk.ReviewDate < Formats.UkDate(App.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_council_outside_the_partnership_sees_none_of_the_risk_log()
    {
        var bolton = await AuthorityAsync("Bolton");
        var tameside = await AuthorityAsync("Tameside");
        var partnership = await DemoPartnershipAsync();
        var risk = (await ProgrammeRisksAsync()).First();
        var boltonLead = new FixedUser(bolton.Id, Role.ProgrammeLead);
        var tamesideOfficer = new FixedUser(tameside.Id, Role.Officer);
        var now = App.Clock.GetUtcNow();

        await using (var db = App.Database.Open(boltonLead))
        {
            Assert.Empty(await db.Risks.ToListAsync());
            Assert.Empty(await db.Set<RiskAssessment>().ToListAsync());
            Assert.Empty(await new RiskReviewsDue().FindAsync(db, boltonLead, now, CancellationToken.None));
        }

        await using (var db = App.Database.Open(tamesideOfficer))
        {
            Assert.NotEmpty(await new RiskReviewsDue().FindAsync(db, tamesideOfficer, now, CancellationToken.None));
            Assert.NotNull(await db.Risks.SingleOrDefaultAsync(r => r.Id == risk.Id));
        }

        Assert.Equal(partnership.Id, risk.PartnershipId);
    }
}

public sealed class RiskTestsOnSqlite(SqliteApp app) : RiskTests<SqliteApp>(app);

public sealed class RiskTestsOnPostgres(PostgresApp app) : RiskTests<PostgresApp>(app);
