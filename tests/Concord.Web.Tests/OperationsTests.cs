using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>Health, security headers, error pages and bad input: the service's manners.</summary>
public abstract class OperationsTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    [Fact]
    public async Task Health_reports_the_process_and_the_database_to_anyone()
    {
        var response = await App.Anonymous().GetAsync("/health");
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("process").GetProperty("status").GetString());
        var database = health.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal(10, database.GetProperty("data").GetProperty("authorities").GetInt32());
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/health")]
    [InlineData("/css/app.css")]
    [InlineData("/api/authorities")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        var response = await App.Anonymous().GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "No HSTS in Development");
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_and_every_form_carries_an_antiforgery_token()
    {
        var client = await SignInAsync("admin@stockport.demo");
        var body = await BodyAsync("Stockport", "Cabinet");
        var pages = new[]
        {
            "/", "/partnerships", "/governance", $"/governance/bodies/{body.Id}", "/governance/bodies/new", "/authorities",
            "/account", "/account/tokens/new", "/account/password", "/admin", "/admin/users", "/admin/users/new", "/admin/audit",
            "/working-for", "/accessibility",
        };
        foreach (var url in pages)
        {
            var (response, page) = await client.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.All(page.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), $"Inline script on {url}"));
            Assert.Empty(page.QuerySelectorAll("[style], style"));
            Assert.All(page.QuerySelectorAll("form[method=post]"), form =>
                Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]")));
        }
    }

    [Fact]
    public async Task An_unknown_address_gets_the_GOV_UK_page_not_found()
    {
        var client = await SignInAsync("officer@stockport.demo");

        var (response, page) = await client.GetPageAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.Text("h1"));
        Assert.Equal("Page not found – Concord", page.Title);
    }

    [Fact]
    public async Task An_unknown_API_address_gets_404_problem_details()
    {
        var client = await SignInAsync("officer@stockport.demo");

        var response = await client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("POST", "/working-for")]
    public async Task A_failure_shows_the_GOV_UK_problem_page_and_nothing_of_the_error(string method, string url)
    {
        var client = await SignInAsync("officer@stockport.demo");
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Headers = { { FaultOnRequest.Header, "yes" } } };
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        var response = await client.SendAsync(request);
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Sorry, there is a problem with the service", page.Text("h1"));
        Assert.DoesNotContain("hunter2", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Concord.Secret", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_API_failure_is_problem_details_with_nothing_of_the_error()
    {
        var client = await SignInAsync("officer@stockport.demo");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/partnerships") { Headers = { { FaultOnRequest.Header, "yes" } } };

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("at Concord", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_antiforgery_token_is_refused_with_400_and_nothing_is_written()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var bodies = await ReadAsync(db => db.GovernanceBodies.CountAsync());

        var response = await client.PostAsync("/governance/bodies/new", new FormUrlEncodedContent(
        [
            new("Input.Name", "Forged committee"),
            new("Input.Kind", "Other"),
            new("__RequestVerificationToken", "CfDJ8forged-token-value"),
        ]));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("There was a problem with your request", page.Text("h1"));
        Assert.Equal(bodies, await ReadAsync(db => db.GovernanceBodies.CountAsync()));
    }

    [Fact]
    public async Task A_malformed_API_body_gets_400_problem_details_and_nothing_is_written()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var bodies = await ReadAsync(db => db.GovernanceBodies.CountAsync());

        var response = await client.PostAsync("/api/governance/bodies", new StringContent("{\"name\": \"Broken\", \"kind\": ", System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(bodies, await ReadAsync(db => db.GovernanceBodies.CountAsync()));
    }

    [Fact]
    public async Task An_API_body_with_a_value_of_the_wrong_kind_names_where_it_is()
    {
        var client = await SignInAsync("officer@stockport.demo");

        var response = await client.PostAsJsonAsync("/api/governance/bodies", new { name = "", kind = "Nonsense" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.kind", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_API_body_with_missing_values_lists_them_against_their_fields()
    {
        var client = await SignInAsync("officer@stockport.demo");

        var response = await client.PostAsJsonAsync("/api/governance/bodies", new { name = "" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter the name of the body", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal("Select the kind of body", problem.GetProperty("errors").GetProperty("kind")[0].GetString());
    }

    [Fact]
    public async Task The_API_answers_strangers_401_with_problem_details()
    {
        var response = await App.Anonymous().GetAsync("/api/partnerships");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Sign in required", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API_for_signed_in_people()
    {
        var stranger = await App.Anonymous().GetAsync("/openapi/v1.json");
        var client = await SignInAsync("viewer@stockport.demo");

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/authorities", paths);
        Assert.Contains("/api/partnerships", paths);
        Assert.Contains("/api/governance/bodies/{id}", paths);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("PersonalAccessToken", out _));
    }
}

public sealed class OperationsTestsOnSqlite(SqliteApp app) : OperationsTests<SqliteApp>(app);

public sealed class OperationsTestsOnPostgres(PostgresApp app) : OperationsTests<PostgresApp>(app);
