using System.Net;
using Concord.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Concord.Web.Tests;

public sealed class ProductionSqliteApp : SqliteApp
{
    protected override string EnvironmentName => "Production";
}

public sealed class ProductionPostgresApp : PostgresApp
{
    protected override string EnvironmentName => "Production";
}

/// <summary>Outside Development there are no demo accounts, and HSTS is sent.</summary>
public abstract class ProductionTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    [Fact]
    public async Task No_demo_account_or_demo_data_exists_outside_development()
    {
        var (_, page) = await App.Anonymous().GetPageAsync("/sign-in");
        var attempt = await App.Anonymous().SubmitAsync("/sign-in", "main form", ("Input.Email", "director@partnership.demo"), ("Input.Password", DemoPassword.Value));

        Assert.Equal(0, await ReadAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await ReadAsync(db => db.Partnerships.CountAsync()));
        Assert.Equal(10, await ReadAsync(db => db.Authorities.CountAsync()));
        Assert.DoesNotContain("Demo accounts", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPassword.Value, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
    }

    [Fact]
    public async Task Strict_transport_security_is_sent_over_https()
    {
        var response = await App.Anonymous("https://concord.example.gov.uk").GetAsync("/sign-in");

        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }
}

public sealed class ProductionTestsOnSqlite(ProductionSqliteApp app) : ProductionTests<ProductionSqliteApp>(app);

public sealed class ProductionTestsOnPostgres(ProductionPostgresApp app) : ProductionTests<ProductionPostgresApp>(app);

/// <summary>Concord with OpenID Connect configured, its identity provider's metadata given in advance (no network).</summary>
public sealed class OidcApp : SqliteApp
{
    public const string Authority = "https://login.example.test/council-tenant/v2.0";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Authentication:OpenIdConnect:Authority"] = Authority,
        ["Authentication:OpenIdConnect:ClientId"] = "concord-test-client",
        ["Authentication:OpenIdConnect:ClientSecret"] = "test-secret",
        ["Authentication:OpenIdConnect:DisplayName"] = "Microsoft Entra ID",
    };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Configure<OpenIdConnectOptions>("oidc", options => options.Configuration = new OpenIdConnectConfiguration
        {
            Issuer = Authority,
            AuthorizationEndpoint = "https://login.example.test/council-tenant/oauth2/v2.0/authorize",
            TokenEndpoint = "https://login.example.test/council-tenant/oauth2/v2.0/token",
        });
}

/// <summary>OpenID Connect is switched on by configuration alone.</summary>
public sealed class OidcTests(OidcApp app) : AppTests<OidcApp>(app)
{
    [Fact]
    public async Task The_sign_in_page_offers_the_councils_identity_provider()
    {
        var (_, page) = await App.Anonymous().GetPageAsync("/sign-in");

        Assert.Equal("Sign in with Microsoft Entra ID", page.Text(".govuk-button--start"));
    }

    [Fact]
    public async Task Choosing_it_sends_the_person_to_the_identity_provider_with_Concords_client_id()
    {
        var response = await App.Anonymous().GetAsync("/sign-in/external?returnUrl=%2Fgovernance");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("login.example.test", location.Host);
        Assert.Contains("client_id=concord-test-client", location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", location.Query, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-oidc", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_content_security_policy_lets_the_sign_in_form_reach_the_identity_provider()
    {
        var response = await App.Anonymous().GetAsync("/sign-in");

        Assert.EndsWith("form-action 'self' https://login.example.test", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_sign_in_that_did_not_complete_is_refused_clearly()
    {
        var (response, page) = await App.Anonymous().GetPageAsync("/sign-in/external/Callback");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Your organisation's sign-in did not complete. Try again.", page.Text("main p"));
    }
}

/// <summary>Without configuration there is no external sign-in at all.</summary>
public sealed class NoOidcTests(SqliteApp app) : AppTests<SqliteApp>(app)
{
    [Fact]
    public async Task Without_configuration_there_is_no_external_sign_in()
    {
        var (_, page) = await App.Anonymous().GetPageAsync("/sign-in");
        var external = await App.Anonymous().GetAsync("/sign-in/external");

        Assert.Null(page.QuerySelector(".govuk-button--start"));
        Assert.Equal(HttpStatusCode.NotFound, external.StatusCode);
    }
}
