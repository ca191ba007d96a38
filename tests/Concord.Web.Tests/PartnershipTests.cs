using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

public abstract class PartnershipTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    [Fact]
    public async Task The_API_lists_the_ten_Greater_Manchester_authorities_with_their_codes()
    {
        var client = await SignInAsync("viewer@tameside.demo");

        var authorities = await client.GetFromJsonAsync<List<JsonElement>>("/api/authorities");

        Assert.Equal(10, authorities!.Count);
        var stockport = authorities.Single(a => a.GetProperty("name").GetString() == "Stockport");
        Assert.Equal("E08000007", stockport.GetProperty("onsCode").GetString());
        Assert.Equal(356, stockport.GetProperty("dfeCode").GetInt32());
        var tameside = authorities.Single(a => a.GetProperty("name").GetString() == "Tameside");
        Assert.Equal("E08000008", tameside.GetProperty("onsCode").GetString());
        Assert.Equal(357, tameside.GetProperty("dfeCode").GetInt32());
    }

    [Fact]
    public async Task The_API_lists_the_demo_partnership_with_its_members()
    {
        var client = await SignInAsync("officer@stockport.demo");

        var partnerships = await client.GetFromJsonAsync<List<JsonElement>>("/api/partnerships");

        var partnership = partnerships!.Single(p => p.GetProperty("name").GetString() == "Stockport and Tameside shared services");
        Assert.Equal("2021-09-01", partnership.GetProperty("startDate").GetString());
        Assert.Equal(["Stockport", "Tameside"], partnership.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_council_outside_the_partnership_does_not_see_it()
    {
        var bolton = await AuthorityAsync("Bolton");
        var partnership = await DemoPartnershipAsync();
        await using var db = App.Database.Open(new FixedUser(bolton.Id, Concord.Core.Access.Role.ProgrammeLead));

        Assert.Empty(await db.Partnerships.ToListAsync());
        Assert.Null(await db.Partnerships.SingleOrDefaultAsync(p => p.Id == partnership.Id));
    }

    [Fact]
    public async Task A_programme_lead_adds_a_partnership_on_the_page_and_it_shows_for_both_members()
    {
        var stockport = await AuthorityAsync("Stockport");
        var trafford = await AuthorityAsync("Trafford");
        var client = await SignInAsync("programme@stockport.demo");

        var response = await client.SubmitAsync("/partnerships/new", "main form",
            ("Input.Name", "Stockport and Trafford SEND commissioning"),
            ("Input.StartDate.Day", "1"), ("Input.StartDate.Month", "4"), ("Input.StartDate.Year", "2026"),
            ("Input.Members", stockport.Id.ToString()), ("Input.Members", trafford.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Stockport and Trafford SEND commissioning", page.Text("h1"));
        Assert.Contains("1 April 2026", page.Text(".govuk-summary-list"), StringComparison.Ordinal);
        await using var db = App.Database.Open(new FixedUser(trafford.Id, Concord.Core.Access.Role.Viewer));
        Assert.Contains(await db.Partnerships.Select(p => p.Name).ToListAsync(), n => n == "Stockport and Trafford SEND commissioning");
    }

    [Fact]
    public async Task A_partnership_needs_two_members_a_name_and_a_real_date()
    {
        var stockport = await AuthorityAsync("Stockport");
        var client = await SignInAsync("programme@stockport.demo");
        var before = await ReadAsync(db => db.Partnerships.CountAsync());

        var response = await client.SubmitAsync("/partnerships/new", "main form",
            ("Input.Name", ""),
            ("Input.StartDate.Day", "30"), ("Input.StartDate.Month", "2"), ("Input.StartDate.Year", "2026"),
            ("Input.Members", stockport.Id.ToString()));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["Enter the partnership's name", "Start date must be a real date", "Choose at least two member authorities"],
            page.ErrorMessages());
        Assert.Equal(before, await ReadAsync(db => db.Partnerships.CountAsync()));
    }

    [Fact]
    public async Task A_programme_lead_cannot_create_a_partnership_that_leaves_out_their_own_council()
    {
        var bolton = await AuthorityAsync("Bolton");
        var bury = await AuthorityAsync("Bury");
        var client = await SignInAsync("programme@tameside.demo");

        var response = await client.PostAsJsonAsync("/api/partnerships", new { name = "Bolton and Bury", startDate = "2026-04-01", memberAuthorityIds = new[] { bolton.Id, bury.Id } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Include the authority you are working for", problem.GetProperty("errors").GetProperty("members")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_programme_leads_change_partnerships()
    {
        var partnership = await DemoPartnershipAsync();
        var officer = await SignInAsync("officer@stockport.demo");

        var page = await officer.GetAsync($"/partnerships/{partnership.Id}/edit");
        var api = await officer.PutAsJsonAsync($"/api/partnerships/{partnership.Id}", new { name = "Renamed", startDate = "2021-09-01", memberAuthorityIds = partnership.Members.Select(m => m.AuthorityId), version = partnership.Version });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task Two_people_saving_the_same_partnership_never_overwrite_each_other()
    {
        var members = new[] { (await AuthorityAsync("Stockport")).Id, (await AuthorityAsync("Tameside")).Id };
        var stockportLead = await SignInAsync("programme@stockport.demo");
        var tamesideLead = await SignInAsync("programme@tameside.demo");
        var created = await (await stockportLead.PostAsJsonAsync("/api/partnerships", new { name = "Quality and Improvement Hub", startDate = "2026-09-01", memberAuthorityIds = members }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetGuid();
        var (_, stockportForm) = await stockportLead.GetPageAsync($"/partnerships/{id}/edit");

        var first = await tamesideLead.PutAsJsonAsync($"/api/partnerships/{id}",
            new { name = "Quality and Improvement Hub (Tameside's title)", startDate = "2026-09-01", memberAuthorityIds = members, version });
        var second = await stockportLead.SubmitAsync(stockportForm.QuerySelector<IHtmlFormElement>("main form")!,
            ("Input.Name", "Quality and Improvement Hub (Stockport's title)"), ("Input.StartDate.Day", "1"), ("Input.StartDate.Month", "9"), ("Input.StartDate.Year", "2026"),
            ("Input.Members", members[0].ToString()), ("Input.Members", members[1].ToString()));
        var conflict = await Browser.ParseAsync(second);
        var stale = await stockportLead.PutAsJsonAsync($"/api/partnerships/{id}",
            new { name = "Quality and Improvement Hub (Stockport's title)", startDate = "2026-09-01", memberAuthorityIds = members, version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.StartsWith("Someone else changed this partnership", conflict.ErrorMessages().Single(), StringComparison.Ordinal);
        Assert.Equal("Quality and Improvement Hub (Tameside's title)", conflict.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Quality and Improvement Hub (Tameside's title)", await ReadAsync(db => db.Partnerships.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()));
    }
}

public sealed class PartnershipTestsOnSqlite(SqliteApp app) : PartnershipTests<SqliteApp>(app);

public sealed class PartnershipTestsOnPostgres(PostgresApp app) : PartnershipTests<PostgresApp>(app);
