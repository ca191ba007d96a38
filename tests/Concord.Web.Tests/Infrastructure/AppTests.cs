using Concord.Core.Governance;
using Concord.Core.Partnerships;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests.Infrastructure;

/// <summary>
/// Base of every test class that runs against the app. Each such class has two one-line
/// subclasses, "...OnSqlite" and "...OnPostgres", so the same suite runs on both databases.
/// </summary>
public abstract class AppTests<TApp> : IClassFixture<TApp>
    where TApp : ConcordApp
{
    protected AppTests(TApp app)
    {
        TestEnvironment.Require(app.Unavailable);
        App = app;
    }

    protected TApp App { get; }

    protected Task<HttpClient> SignInAsync(string email) => App.SignInAsync(email);

    protected async Task<Authority> AuthorityAsync(string name)
    {
        await using var db = App.Database.OpenAsSystem();
        return await db.Authorities.SingleAsync(a => a.Name == name);
    }

    protected async Task<Partnership> DemoPartnershipAsync()
    {
        await using var db = App.Database.OpenAsSystem();
        return await db.Partnerships.SingleAsync(p => p.Name == Concord.Web.Infrastructure.Demo.DemoData.PartnershipName);
    }

    protected async Task<GovernanceBody> BodyAsync(string authority, string name)
    {
        var authorityId = (await AuthorityAsync(authority)).Id;
        await using var db = App.Database.OpenAsSystem();
        return await db.GovernanceBodies.Include(b => b.Meetings).SingleAsync(b => b.AuthorityId == authorityId && b.Name == name);
    }

    /// <summary>An option of the demo programme, by its title.</summary>
    protected Task<Concord.Core.Programme.Option> OptionAsync(string title) =>
        ReadAsync(db => db.Options.Include(o => o.Transitions).SingleAsync(o => o.Title == title));

    protected async Task<T> ReadAsync<T>(Func<ConcordDbContext, Task<T>> query)
    {
        await using var db = App.Database.OpenAsSystem();
        return await query(db);
    }
}
