using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Concord.Core.Access;
using Concord.Data.Identity;
using Concord.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Web.Tests;

/// <summary>
/// Concord with what SEND sufficiency reads besides the usual datasets: the register of areas, the
/// LSOA centre points, GIAS and the 2020 Ofsted scrape, so that the demo registers are built from
/// real settings as at start-up in Development.
/// </summary>
public sealed class SqliteSufficiencyApp : SqliteApp
{
    protected override string PublicDatasets => SufficiencyTestSupport.Datasets;
}

public sealed class PostgresSufficiencyApp : PostgresApp
{
    protected override string PublicDatasets => SufficiencyTestSupport.Datasets;
}

public static class SufficiencyTestSupport
{
    public const string Datasets = "dfe-areas,dfe-dsg,ons-mye-2019,ons-mye-2020,census-2021,ons-lsoa,schools-gias,ofsted-schools-scrape-2020";

    public const string Stockport = "E08000007";

    public const string Tameside = "E08000008";

    /// <summary>Posts a CSV file to an upload page as a browser does, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> UploadPageAsync(this HttpClient client, string url, string field, string csv, string fileName = "upload.csv")
    {
        var (_, form) = await client.GetPageAsync(url);
        var token = form.QuerySelector<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), field, fileName },
        };
        return await client.PostAsync(url, content);
    }

    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string url, string csv) =>
        client.PostAsync(url, new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>
    /// A person who works for Bolton only (a council in no partnership with Stockport), signed in
    /// through the sign-in page like anyone else.
    /// </summary>
    public static async Task<HttpClient> SignInAsBoltonOfficerAsync(this ConcordApp app)
    {
        const string email = "officer@bolton.test";
        await using (var db = app.Database.OpenAsSystem())
        {
            if (!await db.Users.AnyAsync(u => u.Email == email))
            {
                await using var scope = app.Services.CreateAsyncScope();
                var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();
                var user = new ConcordUser
                {
                    UserName = email,
                    NormalizedUserName = normalizer.NormalizeName(email),
                    Email = email,
                    NormalizedEmail = normalizer.NormalizeEmail(email),
                    EmailConfirmed = true,
                    LockoutEnabled = true,
                    DisplayName = "Bolton test officer",
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<ConcordUser>>().HashPassword(user, DemoPassword.Value);
                db.Users.Add(user);
                var bolton = await db.Authorities.SingleAsync(a => a.Name == "Bolton");
                db.AuthorityGrants.Add(new AuthorityGrant { UserId = user.Id, AuthorityId = bolton.Id, Role = Role.Officer, GrantedAt = DateTimeOffset.UtcNow, GrantedBy = "Test" });
                await db.SaveChangesAsync();
            }
        }

        return await app.SignInAsync(email);
    }

    /// <summary>The problems a refused upload lists on its page.</summary>
    public static async Task<IReadOnlyList<string>> PageProblemsAsync(HttpResponseMessage response) =>
        (await Browser.ParseAsync(response)).QuerySelectorAll("#problems li").Select(li => li.TextContent.Trim()).ToList();

    public static void Refused(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}");
}
