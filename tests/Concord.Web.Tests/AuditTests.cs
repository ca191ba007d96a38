using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core.Auditing;
using Concord.Core.Governance;
using Concord.Data;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

public abstract class AuditTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    [Fact]
    public async Task Creating_changing_and_deleting_a_record_each_append_an_entry_with_before_and_after()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var stockport = await AuthorityAsync("Stockport");

        var created = await (await client.PostAsJsonAsync("/api/governance/bodies", new { name = "Audit Test Board", kind = "Other", remit = "First remit" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var changed = await client.PutAsJsonAsync($"/api/governance/bodies/{id}",
            new { name = "Audit Test Board", kind = "Other", remit = "Second remit", version = created.GetProperty("version").GetGuid() });
        var version = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
        await client.DeleteAsync($"/api/governance/bodies/{id}?version={version}");

        var entries = await ReadAsync(db => db.AuditEntries.Where(a => a.EntityKey == id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("officer@stockport.demo", e.Actor);
            Assert.Equal(stockport.Id, e.AuthorityId);
            Assert.Equal(nameof(GovernanceBody), e.Entity);
        });
        var update = JsonDocument.Parse(entries[1].Changes).RootElement;
        Assert.Equal("First remit", update.GetProperty("Remit").GetProperty("before").GetString());
        Assert.Equal("Second remit", update.GetProperty("Remit").GetProperty("after").GetString());
        Assert.False(update.TryGetProperty("Name", out _), "Unchanged fields are not listed");
        Assert.Equal("Audit Test Board", JsonDocument.Parse(entries[2].Changes).RootElement.GetProperty("Name").GetProperty("before").GetString());
    }

    [Fact]
    public async Task A_refused_change_leaves_no_audit_entry()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var body = await BodyAsync("Stockport", "Schools Forum");
        var before = await ReadAsync(db => db.AuditEntries.CountAsync());

        var stale = await client.PutAsJsonAsync($"/api/governance/bodies/{body.Id}", new { name = "Schools Forum", kind = "SchoolsForum", remit = "Stale", version = Guid.NewGuid() });
        var invalid = await client.PutAsJsonAsync($"/api/governance/bodies/{body.Id}", new { name = "", kind = "SchoolsForum", version = body.Version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(before, await ReadAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_the_audit_trail()
    {
        await using var db = App.Database.OpenAsSystem();
        var entry = await db.AuditEntries.FirstAsync();

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'someone else'"));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        db.AuditEntries.Remove(entry);
        var throughContext = await Record.ExceptionAsync(() => db.SaveChangesAsync());

        Assert.Contains(AuditTriggers.Message, update?.Message, StringComparison.Ordinal);
        Assert.Contains(AuditTriggers.Message, delete?.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(throughContext);
        await using var check = App.Database.OpenAsSystem();
        Assert.Equal(entry.Actor, (await check.AuditEntries.SingleAsync(a => a.Id == entry.Id)).Actor);
    }

    [Fact]
    public async Task Secrets_never_reach_the_audit_trail()
    {
        var client = await SignInAsync("finance@stockport.demo");
        var created = await client.SubmitAsync("/account/tokens/new", "main form", ("Input.Name", "Audit secrets test"), ("Input.DaysValid", "30"));
        var secret = (await Browser.ParseAsync(created)).Text("#token-secret");

        var changes = await ReadAsync(db => db.AuditEntries.Select(a => a.Changes).ToListAsync());

        Assert.StartsWith("concord_pat_", secret, StringComparison.Ordinal);
        Assert.All(changes, c => Assert.DoesNotContain(secret, c, StringComparison.Ordinal));
        Assert.All(changes, c => Assert.DoesNotContain(DemoPassword.Value, c, StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("\"TokenHash\":{\"before\":null,\"after\":\"[redacted]\"}", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("\"PasswordHash\":{\"before\":null,\"after\":\"[redacted]\"}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_administrator_searches_their_own_authoritys_trail_only()
    {
        var stockportOfficer = await SignInAsync("officer@stockport.demo");
        var tamesideOfficer = await SignInAsync("officer@tameside.demo");
        await stockportOfficer.PostAsJsonAsync("/api/governance/bodies", new { name = "Stockport Searchable Panel", kind = "Other" });
        await tamesideOfficer.PostAsJsonAsync("/api/governance/bodies", new { name = "Tameside Searchable Panel", kind = "Other" });
        var admin = await SignInAsync("admin@stockport.demo");

        var (response, page) = await admin.GetPageAsync("/admin/audit?Text=searchable+panel");
        var api = await admin.GetFromJsonAsync<JsonElement>("/api/audit?text=searchable%20panel");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = page.Text("#audit-entries");
        Assert.Contains("Stockport Searchable Panel", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Tameside Searchable Panel", table, StringComparison.Ordinal);
        Assert.Equal(1, api.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_audit_search_refuses_an_impossible_date_by_name()
    {
        var admin = await SignInAsync("admin@tameside.demo");

        var (response, page) = await admin.GetPageAsync("/admin/audit?From.Day=31&From.Month=2&From.Year=2026");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["From date must be a real date"], page.ErrorMessages());
    }

    [Fact]
    public async Task Only_administrators_open_the_audit_trail()
    {
        var officer = await SignInAsync("programme@stockport.demo");

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/audit")).StatusCode);
    }
}

public sealed class AuditTestsOnSqlite(SqliteApp app) : AuditTests<SqliteApp>(app);

public sealed class AuditTestsOnPostgres(PostgresApp app) : AuditTests<PostgresApp>(app);
