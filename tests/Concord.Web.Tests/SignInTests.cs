using System.Net;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

public abstract class SignInTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    [Fact]
    public async Task A_demo_account_signs_in_and_sees_its_home_page()
    {
        var client = await SignInAsync("officer@tameside.demo");

        var (response, page) = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Welcome, Taylor Brooks", page.Text("h1"));
        Assert.Contains("Working for: Tameside", page.Text(".app-working-for__authority"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_401_and_a_message_that_names_no_account()
    {
        var client = App.Anonymous();

        var response = await client.SubmitAsync("/sign-in", "main form", ("Input.Email", "finance@stockport.demo"), ("Input.Password", "not-the-password"));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["Enter a correct email address and password"], page.ErrorMessages());
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await App.Anonymous().SubmitAsync("/sign-in", "main form", ("Input.Email", "nobody@nowhere.demo"), ("Input.Password", "whatever-it-is"));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["Enter a correct email address and password"], page.ErrorMessages());
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_error_summary()
    {
        var response = await App.Anonymous().SubmitAsync("/sign-in", "main form", ("Input.Email", ""), ("Input.Password", ""));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter your email address", "Enter your password"], page.ErrorMessages());
        Assert.NotNull(page.QuerySelector("a[href='#Input_Email']"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = App.Anonymous();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SubmitAsync("/sign-in", "main form", ("Input.Email", "viewer@tameside.demo"), ("Input.Password", $"wrong-{attempt}-password"));
        }

        var response = await client.SubmitAsync("/sign-in", "main form", ("Input.Email", "viewer@tameside.demo"), ("Input.Password", DemoPassword.Value));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Your account is locked", page.ErrorMessages().Single(), StringComparison.Ordinal);
        var lockoutEnd = await ReadAsync(db => db.Users.Where(u => u.Email == "viewer@tameside.demo").Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await SignInAsync("programme@tameside.demo");

        var response = await client.SubmitAsync("/", "form[action='/sign-out']");

        Assert.Equal("/sign-in?signedOut=true", response.Headers.Location?.OriginalString);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("http://localhost/sign-in", home.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_elsewhere_is_ignored_after_sign_in()
    {
        var client = App.Anonymous();

        var response = await client.SubmitAsync("/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F", "main form",
            ("Input.Email", "officer@stockport.demo"), ("Input.Password", DemoPassword.Value));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_redirect_strangers_to_sign_in_with_a_return_address()
    {
        var response = await App.Anonymous().GetAsync("/governance");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/sign-in?ReturnUrl=%2Fgovernance", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_sign_in_page_lists_the_demo_accounts_in_development()
    {
        var (_, page) = await App.Anonymous().GetPageAsync("/sign-in");

        var emails = page.QuerySelectorAll("table tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("director@partnership.demo", emails);
        Assert.Contains("admin@stockport.demo", emails);
        Assert.Equal(11, emails.Count);
    }
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests<SqliteApp>(app);

public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests<PostgresApp>(app);
