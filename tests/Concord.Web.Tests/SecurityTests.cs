using System.Net;
using System.Text.RegularExpressions;
using Concord.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Web.Tests;

/// <summary>
/// Every route of the app, pages and API, is checked: it names a policy, or it is on the short list
/// of deliberately public ones; and a stranger who asks for it is sent to sign in.
/// </summary>
public abstract partial class SecurityTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    /// <summary>The only routes anyone may open without signing in.</summary>
    public static readonly IReadOnlySet<string> Public = new HashSet<string>
    {
        "sign-in",
        "sign-in/external/{handler?}",
        "accessibility",
        "error/{code:int?}",
        "health",
    };

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null)
            .ToList();

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_deliberately_public()
    {
        var endpoints = Endpoints();
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            if (anonymous && !Public.Contains(route))
            {
                problems.Add($"{route} allows anonymous access but is not on the public list");
            }
            else if (!anonymous && policies.Count == 0)
            {
                problems.Add($"{route} names no authorisation policy");
            }
            else if (anonymous && policies.Count > 0)
            {
                problems.Add($"{route} is public and also names a policy: which is it?");
            }
        }

        Assert.True(endpoints.Count > 30, $"Only {endpoints.Count} endpoints found: is the enumeration broken?");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task No_endpoint_outside_the_public_list_answers_a_stranger()
    {
        var client = App.Anonymous();
        var failures = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var route = endpoint.RoutePattern.RawText!.TrimStart('/');
            if (Public.Contains(route))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                var url = "/" + Fill(route);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                var response = await client.SendAsync(request);
                var refused = url.StartsWith("/api", StringComparison.Ordinal) || url.StartsWith("/openapi", StringComparison.Ordinal)
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/sign-in";
                if (!refused)
                {
                    failures.Add($"{method} {url} answered {(int)response.StatusCode} to a stranger");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_public_pages_really_are_public()
    {
        var client = App.Anonymous();
        foreach (var url in new[] { "/sign-in", "/accessibility", "/health" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
    }

    /// <summary>Puts plausible values into a route template's parameters.</summary>
    private static string Fill(string route) =>
        RouteParameter().Replace(route, match => match.Groups["name"].Value switch
        {
            "kind" => "bodies",
            "code" => "404",
            "urn" => "100000",
            "handler" => string.Empty,
            _ => Guid.NewGuid().ToString(),
        }).Replace("//", "/", StringComparison.Ordinal).TrimEnd('/');

    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}

public sealed class SecurityTestsOnSqlite(SqliteApp app) : SecurityTests<SqliteApp>(app);

public sealed class SecurityTestsOnPostgres(PostgresApp app) : SecurityTests<PostgresApp>(app);
