using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core.Access;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

public abstract class AccountTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private static async Task<string> CreateTokenAsync(HttpClient client, string name, string days = "30")
    {
        var response = await client.SubmitAsync("/account/tokens/new", "main form", ("Input.Name", name), ("Input.DaysValid", days));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Browser.ParseAsync(response)).Text("#token-secret");
    }

    private HttpClient WithToken(string secret)
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task A_personal_access_token_is_shown_once_stored_hashed_and_works_as_a_bearer_token()
    {
        var browser = await SignInAsync("finance@tameside.demo");

        var secret = await CreateTokenAsync(browser, "Monthly recharge script");
        var me = await WithToken(secret).GetFromJsonAsync<JsonElement>("/api/me");
        var (_, account) = await browser.GetPageAsync("/account");

        Assert.Equal("finance@tameside.demo", me.GetProperty("email").GetString());
        Assert.Equal("Finance", me.GetProperty("grants")[0].GetProperty("role").GetString());
        var stored = await ReadAsync(db => db.PersonalAccessTokens.SingleAsync(t => t.Name == "Monthly recharge script"));
        Assert.Equal(PersonalAccessToken.Hash(secret), stored.TokenHash);
        Assert.DoesNotContain(secret, account.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Monthly recharge script", account.Text("table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_acts_with_its_owners_roles_and_council_only()
    {
        var secret = await CreateTokenAsync(await SignInAsync("officer@tameside.demo"), "Tameside calendar sync");
        var stockportBody = await BodyAsync("Stockport", "Cabinet");
        var client = WithToken(secret);

        var own = await client.GetFromJsonAsync<List<JsonElement>>("/api/governance/bodies");
        var other = await client.GetAsync($"/api/governance/bodies/{stockportBody.Id}");
        var partnerships = await client.PostAsJsonAsync("/api/partnerships", new { name = "Not allowed", startDate = "2026-01-01", memberAuthorityIds = Array.Empty<Guid>() });

        Assert.Contains(own!, b => b.GetProperty("name").GetString() == "Executive Cabinet");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partnerships.StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var browser = await SignInAsync("officer@stockport.demo");
        var secret = await CreateTokenAsync(browser, "Short-lived script");
        var id = await ReadAsync(db => db.PersonalAccessTokens.Where(t => t.Name == "Short-lived script").Select(t => t.Id).SingleAsync());

        var before = await WithToken(secret).GetAsync("/api/partnerships");
        var revoke = await browser.SubmitAsync("/account", $"form[action='/account?id={id}&handler=Revoke']");
        var after = await WithToken(secret).GetAsync("/api/partnerships");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Bearer", after.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task An_expired_or_made_up_token_is_refused()
    {
        var secret = await CreateTokenAsync(await SignInAsync("programme@stockport.demo"), "Expiring script", days: "30");

        var madeUp = await WithToken("concord_pat_thisisnotarealtokenatall").GetAsync("/api/me");
        HttpResponseMessage expired;
        using (App.Clock.Travel(TimeSpan.FromDays(32)))
        {
            expired = await WithToken(secret).GetAsync("/api/me");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, madeUp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_token_due_to_expire_needs_attention_on_the_home_page()
    {
        await CreateTokenAsync(await SignInAsync("viewer@stockport.demo"), "Scrutiny pack download", days: "30");

        using var later = App.Clock.Travel(TimeSpan.FromDays(20));
        var (_, home) = await (await SignInAsync("viewer@stockport.demo")).GetPageAsync("/");

        Assert.Contains("Access token \u201cScrutiny pack download\u201d expires on", home.Text("#attention"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_needs_a_name()
    {
        var browser = await SignInAsync("officer@stockport.demo");

        var response = await browser.SubmitAsync("/account/tokens/new", "main form", ("Input.Name", " "), ("Input.DaysValid", "30"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter a name for the token, such as the script that will use it"], (await Browser.ParseAsync(response)).ErrorMessages());
    }

    [Fact]
    public async Task People_change_their_own_password_knowing_the_current_one()
    {
        var client = await SignInAsync("admin@tameside.demo");

        var wrong = await client.SubmitAsync("/account/password", "main form", ("Input.Current", "not-my-password"), ("Input.New", "a-brand-new-passphrase"), ("Input.Confirm", "a-brand-new-passphrase"));
        var right = await client.SubmitAsync("/account/password", "main form", ("Input.Current", DemoPassword.Value), ("Input.New", "a-brand-new-passphrase"), ("Input.Confirm", "a-brand-new-passphrase"));
        var signInWithNew = await App.Anonymous().SubmitAsync("/sign-in", "main form", ("Input.Email", "admin@tameside.demo"), ("Input.Password", "a-brand-new-passphrase"));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["Your current password is not correct"], (await Browser.ParseAsync(wrong)).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signInWithNew.StatusCode);
    }
}

public sealed class AccountTestsOnSqlite(SqliteApp app) : AccountTests<SqliteApp>(app);

public sealed class AccountTestsOnPostgres(PostgresApp app) : AccountTests<PostgresApp>(app);
