using System.Net;
using AngleSharp.Html.Dom;
using Concord.Core.Access;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>Administrators manage the people and roles of their own authority, and only theirs.</summary>
public abstract class AdminTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    [Fact]
    public async Task An_administrator_adds_a_person_who_then_signs_in_with_the_temporary_password()
    {
        var admin = await SignInAsync("admin@stockport.demo");

        var response = await admin.SubmitAsync("/admin/users/new", "main form",
            ("Input.Email", "sen.caseworker@stockport.example"), ("Input.DisplayName", "Sam Caseworker"), ("Input.Roles", "Officer"), ("Input.Roles", "Viewer"));
        var password = (await Browser.ParseAsync(response)).Text("#temporary-password");
        var person = await App.SignInAsync("sen.caseworker@stockport.example", password);
        var (_, home) = await person.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Welcome, Sam Caseworker", home.Text("h1"));
        var roles = await ReadAsync(db => db.AuthorityGrants.Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new { u.Email, g.Role })
            .Where(x => x.Email == "sen.caseworker@stockport.example").Select(x => x.Role).ToListAsync());
        Assert.Equal([Role.Viewer, Role.Officer], roles.Order());
    }

    [Fact]
    public async Task Adding_a_person_who_works_for_a_partner_council_makes_a_shared_post_holder()
    {
        var admin = await SignInAsync("admin@stockport.demo");

        var response = await admin.SubmitAsync("/admin/users/new", "main form", ("Input.Email", "finance@tameside.demo"), ("Input.Roles", "Finance"));
        var shared = await SignInAsync("finance@tameside.demo");
        var (_, home) = await shared.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await Browser.ParseAsync(response)).QuerySelector("#temporary-password"));
        var choices = home.QuerySelectorAll("#working-for option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(["Stockport", "Tameside"], choices);
    }

    [Fact]
    public async Task A_Tameside_administrator_cannot_see_or_manage_Stockport_people()
    {
        var stockportOfficer = await ReadAsync(db => db.Users.SingleAsync(u => u.Email == "officer@stockport.demo"));
        var admin = await SignInAsync("admin@tameside.demo");

        var (_, list) = await admin.GetPageAsync("/admin/users");
        var details = await admin.GetAsync($"/admin/users/{stockportOfficer.Id}");
        var grant = await admin.PostFormAsync($"/admin/users/{stockportOfficer.Id}?handler=AddRole", "/admin/users/new", ("Role", "Administrator"));
        var unlock = await admin.PostFormAsync($"/admin/users/{stockportOfficer.Id}?handler=ResetPassword", "/admin/users/new");

        Assert.DoesNotContain("officer@stockport.demo", list.Text("table"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, grant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unlock.StatusCode);
        Assert.DoesNotContain(Role.Administrator, await ReadAsync(db => db.AuthorityGrants.Where(g => g.UserId == stockportOfficer.Id).Select(g => g.Role).ToListAsync()));
    }

    [Fact]
    public async Task The_last_administrator_of_an_authority_cannot_be_removed()
    {
        var adminUser = await ReadAsync(db => db.Users.SingleAsync(u => u.Email == "admin@tameside.demo"));
        var grant = await ReadAsync(db => db.AuthorityGrants.SingleAsync(g => g.UserId == adminUser.Id && g.Role == Role.Administrator));
        var admin = await SignInAsync("admin@tameside.demo");

        var response = await admin.SubmitAsync($"/admin/users/{adminUser.Id}", $"form[action*='grantId={grant.Id}']");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("This is the authority's last administrator", (await Browser.ParseAsync(response)).ErrorMessages().Single(), StringComparison.Ordinal);
        Assert.True(await ReadAsync(db => db.AuthorityGrants.AnyAsync(g => g.Id == grant.Id)));
    }

    [Fact]
    public async Task A_removed_role_stops_working_on_the_next_request()
    {
        var admin = await SignInAsync("admin@stockport.demo");
        var finance = await SignInAsync("finance@stockport.demo");
        var person = await ReadAsync(db => db.Users.SingleAsync(u => u.Email == "finance@stockport.demo"));
        var grant = await ReadAsync(db => db.AuthorityGrants.SingleAsync(g => g.UserId == person.Id && g.Role == Role.Finance));
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync("/governance")).StatusCode);

        await admin.SubmitAsync($"/admin/users/{person.Id}", $"form[action*='grantId={grant.Id}']");

        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync("/governance")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_unlocks_a_locked_account()
    {
        var client = App.Anonymous();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SubmitAsync("/sign-in", "main form", ("Input.Email", "programme@stockport.demo"), ("Input.Password", "wrong-password-again"));
        }

        var person = await ReadAsync(db => db.Users.SingleAsync(u => u.Email == "programme@stockport.demo"));
        var admin = await SignInAsync("admin@stockport.demo");
        var (_, home) = await admin.GetPageAsync("/");
        var unlock = await admin.SubmitAsync($"/admin/users/{person.Id}", "form[action$='handler=Unlock']");

        Assert.Contains("1 account is locked", home.Text("#attention"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Anonymous().SubmitAsync("/sign-in", "main form", ("Input.Email", "programme@stockport.demo"), ("Input.Password", DemoPassword.Value))).StatusCode);
    }

    [Fact]
    public async Task Adding_a_person_names_each_problem_and_saves_nothing()
    {
        var admin = await SignInAsync("admin@stockport.demo");
        var people = await ReadAsync(db => db.Users.CountAsync());

        var response = await admin.SubmitAsync("/admin/users/new", "main form", ("Input.Email", "not an email"), ("Input.DisplayName", ""));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter an email address in the correct format, like name@example.gov.uk", "Enter their name", "Select at least one role"], page.ErrorMessages());
        Assert.Equal(people, await ReadAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Officers_cannot_open_administration()
    {
        var officer = await SignInAsync("officer@stockport.demo");

        var (response, page) = await officer.GetPageAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You do not have permission to see this page", page.Text("h1"));
        Assert.DoesNotContain(page.QuerySelectorAll(".govuk-service-navigation__link"), a => a.TextContent.Contains("Administration", StringComparison.Ordinal));
    }
}

public sealed class AdminTestsOnSqlite(SqliteApp app) : AdminTests<SqliteApp>(app);

public sealed class AdminTestsOnPostgres(PostgresApp app) : AdminTests<PostgresApp>(app);
