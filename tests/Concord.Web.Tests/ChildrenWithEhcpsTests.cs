using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Concord.Web.Tests.SufficiencyTestSupport;

namespace Concord.Web.Tests;

/// <summary>
/// A council's children with EHC plans: its own CSV replacing its load in one transaction (a bad
/// file loads nothing and leaves the previous load, naming each line and column), the summary by
/// need and age band, settings and records; synthetic records labelled wherever they show; and no
/// other council's staff reading them by page, API or database.
/// </summary>
public abstract class ChildrenWithEhcpsTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string Header = "Reference,DateOfBirth,PrimaryNeed,Setting,ProvisionUrn,SettingName,SettingAreaCode,HomeLsoa,NeedsSpecialistPlace";

    /// <summary>The school year under way, as the page counts ages.</summary>
    private static int SchoolYear => Formats.UkDate(DateTimeOffset.UtcNow) is var today && today.Month >= 9 ? today.Year : today.Year - 1;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<List<string>> LsoasAsync(string council) =>
        ReadAsync(db => db.Lsoas.Where(l => l.AuthorityCode == council).OrderBy(l => l.Code).Select(l => l.Code).Take(3).ToListAsync());

    /// <summary>
    /// Four Stockport children: at Castle Hill (Stockport's special school), in a mainstream school, at
    /// a special school in Tameside's register, and at an out-of-area independent school named.
    /// </summary>
    private async Task<string> GoodFileAsync(string prefix = "STO")
    {
        var lsoas = await LsoasAsync(Stockport);
        var tamesideUrn = await ReadAsync(async db =>
        {
            var tameside = await db.Authorities.SingleAsync(a => a.Name == "Tameside");
            return await db.Provisions.Where(p => p.AuthorityId == tameside.Id && p.Kind == ProvisionKind.SpecialSchool && p.Urn != null).Select(p => p.Urn!.Value).FirstAsync();
        });
        return $"""
            {Header}
            {prefix}-001,2012-05-01,ASD,Specialist,106172,,,{lsoas[0]},yes
            {prefix}-002,2018-10-10,SLCN,Mainstream,,Hazel Grove Primary School,E08000007,{lsoas[1]},no
            {prefix}-003,2009-01-15,SEMH,Specialist,{tamesideUrn},,,{lsoas[2]},yes
            {prefix}-004,2010-03-03,asd,specialist,,An independent school,E08000003,{lsoas[0]},Yes
            """;
    }

    private async Task<List<string>> StockportReferencesAsync()
    {
        var stockport = await AuthorityAsync("Stockport");
        return await ReadAsync(db => db.EhcpRecords.Where(r => r.AuthorityId == stockport.Id).OrderBy(r => r.Reference).Select(r => r.Reference).ToListAsync());
    }

    [Fact]
    public async Task Real_records_uploaded_as_CSV_replace_the_load_and_show_as_counts_settings_and_a_page_of_records()
    {
        var client = await SignInAsync("officer@stockport.demo");

        var uploaded = await client.UploadPageAsync("/sufficiency/children/upload", "Records", await GoodFileAsync(), "stockport-ehcps.csv");
        var (_, page) = await client.GetPageAsync("/sufficiency/children");
        var replaced = await JsonAsync(await client.PostCsvAsync("/api/ehcps/upload", $"{Header}\nNEW-1,2015-06-30,PMLD,Specialist,106172,,,{(await LsoasAsync(Stockport))[0]},yes\n"));
        var api = await JsonAsync(await client.GetAsync("/api/ehcps?page=1"));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Contains("4 children's records are loaded from stockport-ehcps.csv", page.Text(".govuk-notification-banner__heading"), StringComparison.Ordinal);
        Assert.Equal("4", page.Text("#record-count"));
        Assert.Contains("Uploaded by the council", page.Text("#load"), StringComparison.Ordinal);
        Assert.Contains("stockport-ehcps.csv", page.Text("#load"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".app-synthetic-warning"));
        var asd = page.QuerySelectorAll("#need-age tr[data-need='ASD'] td").Select(td => td.TextContent.Trim()).ToList();
        var bands = AgeBands.All.ToList();
        var expected = bands.Select(b => new[] { new DateOnly(2012, 5, 1), new DateOnly(2010, 3, 3) }.Count(d => AgeBands.Of(AgeBands.AcademicAge(d, SchoolYear)) == b).ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([.. expected, "2", "2"], asd);
        Assert.Equal("3", page.Text("#specialist-total"));
        Assert.Equal(["1", "2", "0", "3"], page.QuerySelectorAll("#settings tr[data-setting='Specialist'] td").Select(td => td.TextContent.Trim()));
        Assert.Equal(["1", "0", "0", "1"], page.QuerySelectorAll("#settings tr[data-setting='Mainstream'] td").Select(td => td.TextContent.Trim()));
        var rows = page.QuerySelectorAll("#records tbody tr").ToList();
        Assert.Equal(["STO-001", "STO-002", "STO-003", "STO-004"], rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.Equal(AgeBands.AcademicAge(new DateOnly(2012, 5, 1), SchoolYear).ToString(CultureInfo.InvariantCulture), rows[0].QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("Castle Hill High School", rows[0].QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.All(rows, r => Assert.Equal("Real", r.QuerySelectorAll("td")[6].TextContent.Trim()));
        Assert.Equal((1, 4), (replaced.GetProperty("records").GetInt32(), replaced.GetProperty("replaced").GetInt32()));
        Assert.Equal(["NEW-1"], api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()));
        Assert.Equal(("CSV uploaded through the API", false), (api.GetProperty("batch").GetProperty("source").GetString(), api.GetProperty("batch").GetProperty("synthetic").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, api.GetProperty("warning").ValueKind);
        Assert.Equal(["NEW-1"], await StockportReferencesAsync());
        var audited = await ReadAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(EhcpBatch) || a.Entity == nameof(EhcpRecord)).Select(a => a.Entity).ToListAsync());
        Assert.DoesNotContain(nameof(EhcpRecord), audited);
        Assert.True(audited.Count(e => e == nameof(EhcpBatch)) >= 2);
    }

    [Fact]
    public async Task A_file_with_a_missing_date_of_birth_is_refused_naming_its_line_and_column_and_the_previous_load_stays()
    {
        var client = await SignInAsync("officer@stockport.demo");
        await JsonAsync(await client.PostCsvAsync("/api/ehcps/upload", await GoodFileAsync("KEEP")));
        var stockport = await AuthorityAsync("Stockport");
        var batches = await ReadAsync(db => db.EhcpBatches.CountAsync(b => b.AuthorityId == stockport.Id));
        var lsoa = (await LsoasAsync(Stockport))[0];
        var bad = $"""
            {Header}
            BAD-1,2012-05-01,ASD,Specialist,106172,,,{lsoa},yes
            BAD-2,2012-05-01,XYZ,Mainstream,,,,{lsoa},no
            BAD-3,,ASD,Mainstream,,,,{lsoa},no
            BAD-4,2012-05-01,ASD,Mainstream,,,,E01999999,no
            BAD-5,2012-05-01,ASD,Specialist,999999,,,{lsoa},yes
            BAD-1,01/05/2012,MLD,Mainstream,,,,{lsoa},maybe
            """;

        var api = await client.PostCsvAsync("/api/ehcps/upload", bad);
        var apiLines = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("lines").EnumerateArray().Select(l => l.GetString()).ToList();
        var page = await client.UploadPageAsync("/sufficiency/children/upload", "Records", bad);
        var empty = await client.PostCsvAsync("/api/ehcps/upload", "Reference,DateOfBirth\nX,2012-01-01\n");

        string[] expected =
        [
            $"Line 3, column PrimaryNeed: unknown need code \"XYZ\": use {Needs.Codes}",
            "Line 4, column DateOfBirth: a child record needs a date of birth",
            "Line 5, column HomeLsoa: E01999999 is not an LSOA (2011) with a centre point in the imported ONS lookup",
            "Line 6, column ProvisionUrn: no provision in Stockport's register or its partners' has the URN 999999",
            "Line 7, column DateOfBirth: '01/05/2012' is not a date written yyyy-MM-dd, like 2014-03-27",
            "Line 7, column NeedsSpecialistPlace: 'maybe' is not yes or no",
            "Line 7, column Reference: line 2 already has the reference BAD-1: each child once",
        ];
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(expected, apiLines);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(expected, await PageProblemsAsync(page));
        Assert.Contains("nothing was loaded, and the records loaded before are unchanged", (await Browser.ParseAsync(page)).ErrorMessages().Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.StartsWith("Line 1, column PrimaryNeed: the column is missing", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("lines")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["KEEP-001", "KEEP-002", "KEEP-003", "KEEP-004"], await StockportReferencesAsync());
        Assert.Equal(batches, await ReadAsync(db => db.EhcpBatches.CountAsync(b => b.AuthorityId == stockport.Id)));
    }

    [Fact]
    public async Task Synthetic_records_are_labelled_synthetic_wherever_they_show()
    {
        var stockport = await AuthorityAsync("Stockport");
        var lsoa = await ReadAsync(db => db.Lsoas.FirstAsync(l => l.AuthorityCode == Stockport && l.Latitude != null));
        await using (var db = App.Database.OpenAsSystem())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.EhcpRecords.Where(r => r.AuthorityId == stockport.Id).ExecuteDeleteAsync();
            var batch = EhcpBatch.Create(stockport.Id, synthetic: true, "Generated by Concord (seed 1)", 2, 3_000, "DfE SEN2, January 2025", Formats.UkDate(DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, "Concord");
            db.EhcpBatches.Add(batch);
            await db.SaveChangesAsync();
            var home = new GeoPoint(lsoa.Latitude!.Value, lsoa.Longitude!.Value);
            await db.InsertLoadAsync(
                new[] { ("SYN-STO-000001", NeedType.Asd), ("SYN-STO-000002", NeedType.Semh) }
                    .Select(x => EhcpRecord.Create(stockport.Id, new EhcpDetails(x.Item1, new DateOnly(2013, 2, 2), x.Item2, SettingType.Mainstream, null, null, Stockport, lsoa.Code, home, false, true),
                        Formats.UkDate(DateTimeOffset.UtcNow)).InBatch(batch.Id)).ToList());
            await transaction.CommitAsync();
        }

        var client = await SignInAsync("viewer@stockport.demo");
        var (_, page) = await client.GetPageAsync("/sufficiency/children");
        var api = await JsonAsync(await client.GetAsync("/api/ehcps"));

        Assert.Equal(2, page.QuerySelectorAll(".app-synthetic-warning").Length);
        Assert.Contains("Synthetic: generated by Concord, not real children.", page.Text(".app-synthetic-warning"), StringComparison.Ordinal);
        Assert.Equal(["Synthetic", "Synthetic"], page.QuerySelectorAll("#records tbody .govuk-tag").Select(t => t.TextContent.Trim()));
        Assert.Contains("3,000 EHC plans, DfE SEN2, January 2025", page.Text("#load"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href='/sufficiency/children/upload']"));
        Assert.Equal("Synthetic: generated by Concord, not real children.", api.GetProperty("warning").GetString());
        Assert.All(api.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("synthetic").GetBoolean()));
    }

    [Fact]
    public async Task A_Tameside_officer_cannot_read_or_load_Stockports_children_by_page_API_or_database()
    {
        var stockportClient = await SignInAsync("officer@stockport.demo");
        await JsonAsync(await stockportClient.PostCsvAsync("/api/ehcps/upload", await GoodFileAsync("PRIV")));
        var stockport = await AuthorityAsync("Stockport");
        var tameside = await AuthorityAsync("Tameside");
        var client = await SignInAsync("officer@tameside.demo");

        var (ownResponse, own) = await client.GetPageAsync("/sufficiency/children");
        var asked = await client.GetAsync($"/sufficiency/children?authority={Stockport}");
        var askedApi = await client.GetAsync($"/api/ehcps?authority={Stockport}");
        var ownApi = await client.GetStringAsync("/api/ehcps");
        var upload = await client.PostCsvAsync("/api/ehcps/upload", $"{Header}\nTAM-1,2012-01-01,ASD,Mainstream,,,,{(await LsoasAsync(Tameside))[0]},no\n");

        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Equal("Tameside's children with EHC plans", own.Text("h1"));
        Assert.DoesNotContain("PRIV-", own.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, askedApi.StatusCode);
        Assert.DoesNotContain("PRIV-", await askedApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIV-", ownApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(["PRIV-001", "PRIV-002", "PRIV-003", "PRIV-004"], await StockportReferencesAsync());

        var officer = new FixedUser(tameside.Id, Role.Officer);
        await using (var db = App.Database.Open(officer))
        {
            Assert.Empty(await db.EhcpRecords.Where(r => r.AuthorityId == stockport.Id).ToListAsync());
            Assert.Empty(await db.EhcpBatches.Where(b => b.AuthorityId == stockport.Id).ToListAsync());
            Assert.Equal(["TAM-1"], await db.EhcpRecords.Select(r => r.Reference).ToListAsync());
        }

        await using (var db = App.Database.Open(officer))
        {
            var lsoa = await db.Lsoas.FirstAsync(l => l.AuthorityCode == Stockport && l.Latitude != null);
            var planted = EhcpRecord.Create(stockport.Id, new EhcpDetails("PLANTED", new DateOnly(2012, 1, 1), NeedType.Asd, SettingType.Mainstream, null, null, null, lsoa.Code,
                new GeoPoint(lsoa.Latitude!.Value, lsoa.Longitude!.Value), false, false), new DateOnly(2026, 12, 1));
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.InsertLoadAsync([planted]));
            db.EhcpBatches.Add(EhcpBatch.Create(stockport.Id, false, "forged", 0, null, null, new DateOnly(2026, 12, 1), DateTimeOffset.UtcNow, "forged"));
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(["PRIV-001", "PRIV-002", "PRIV-003", "PRIV-004"], await StockportReferencesAsync());
    }

    [Fact]
    public async Task A_viewer_reads_the_councils_children_but_cannot_load_them()
    {
        var client = await SignInAsync("viewer@stockport.demo");
        var before = await StockportReferencesAsync();

        var (response, _) = await client.GetPageAsync("/sufficiency/children");
        var form = await client.GetAsync("/sufficiency/children/upload");
        var api = await client.PostCsvAsync("/api/ehcps/upload", $"{Header}\nV-1,2012-01-01,ASD,Mainstream,,,,{(await LsoasAsync(Stockport))[0]},no\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(before, await StockportReferencesAsync());
    }
}

public sealed class ChildrenWithEhcpsTestsOnSqlite(SqliteSufficiencyApp app) : ChildrenWithEhcpsTests<SqliteSufficiencyApp>(app);

public sealed class ChildrenWithEhcpsTestsOnPostgres(PostgresSufficiencyApp app) : ChildrenWithEhcpsTests<PostgresSufficiencyApp>(app);
