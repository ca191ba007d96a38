using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Concord.Web.PublicData;
using Concord.Web.Tests.Infrastructure;

namespace Concord.Web.Tests;

/// <summary>
/// The register of schools, on screen and through the API: the partnership's schools by default,
/// any authority's by choice; filters, search, order and pages; a school's own page with its trust,
/// area and Ofsted judgements always dated February 2020; nothing for a stranger. Expected figures
/// are worked out here from the shipped files.
/// </summary>
public abstract class SchoolRegisterTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const int HazelGrove = 137923;

    /// <summary>The shipped files read here, not through the importer: GIAS, the capital allocations and the scrape's latest ratings, by URN.</summary>
    private sealed record Shipped(List<Dictionary<string, string>> Gias, Dictionary<string, string> Trusts, Dictionary<string, string> Ratings)
    {
        public IEnumerable<Dictionary<string, string>> Of(params string[] authorities) => Gias.Where(r => authorities.Contains(r["la_code"]));
    }

    /// <summary>Read once for all the tests, on either database.</summary>
    private static readonly Lazy<Task<Shipped>> Files = new(ReadShippedAsync);

    private static Task<Shipped> ShippedAsync() => Files.Value;

    private static async Task<Shipped> ReadShippedAsync()
    {
        static async Task<List<Dictionary<string, string>>> Rows(IPublicDataset dataset, string file)
        {
            using var csv = new CsvHelper.CsvReader(new StringReader(await ShippedFiles.ReadTextAsync(dataset, file)), CultureInfo.InvariantCulture);
            return (await csv.GetRecordsAsync<dynamic>().ToListAsync())
                .Select(r => ((IDictionary<string, object>)r).ToDictionary(c => c.Key.TrimStart('\uFEFF'), c => (string)c.Value)).ToList();
        }

        return new Shipped(
            await Rows(new SchoolImport(), SchoolImport.RegisterFile),
            (await Rows(new SchoolImport(), SchoolImport.CapitalFile)).ToDictionary(r => r["urn"], r => r["sca_responsible_body"]),
            (await Rows(new SchoolInspectionImport(), SchoolInspectionImport.SchoolsFile)).ToDictionary(r => r["URN"], r => r["Rating"]));
    }

    private static IReadOnlyList<IElement> Rows(IDocument page) => page.QuerySelectorAll("#schools tbody tr").ToList();

    private static int Count(IDocument page) =>
        int.Parse(page.QuerySelector("#school-count")!.TextContent.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB"));

    private static string Cell(IElement row, int column) => row.QuerySelectorAll("th, td")[column].TextContent.Trim();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_register_lists_the_partnerships_schools_by_default_each_rating_dated_February_2020()
    {
        var shipped = await ShippedAsync();
        var client = await SignInAsync("viewer@stockport.demo");

        var (response, page) = await client.GetPageAsync("/schools");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(shipped.Of("356", "357").Count(), Count(page));
        Assert.Equal(50, Rows(page).Count);
        Assert.Equal("Schools in Stockport and Tameside, sorted by Name (A to Z)", page.QuerySelector("#schools caption")!.TextContent.Trim());
        Assert.All(Rows(page), row => Assert.Contains(Cell(row, 1), new[] { "Stockport", "Tameside" }));
        Assert.All(Rows(page).Where(r => r.QuerySelector("[data-ofsted]")!.GetAttribute("data-ofsted") != "none"),
            row => Assert.Contains("as shown in February 2020", Cell(row, 6), StringComparison.Ordinal));
        Assert.Contains("Ofsted, as shown in February 2020", page.QuerySelector("#schools thead")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav.govuk-pagination a[rel=next]"));
        Assert.Contains("/schools", page.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Filters_and_search_find_the_schools_the_files_say()
    {
        var shipped = await ShippedAsync();
        var client = await SignInAsync("officer@tameside.demo");
        var partnership = shipped.Of("356", "357").ToList();

        var (_, secondary) = await client.GetPageAsync("/schools?authority=E08000007&phase=Secondary");
        var (_, unjudged) = await client.GetPageAsync("/schools?ofsted=none");
        var (_, laurus) = await client.GetPageAsync("/schools?trust=THE%20LAURUS%20TRUST");
        var (_, byName) = await client.GetPageAsync("/schools?q=hazel%20grove%20high");
        var (_, byUrn) = await client.GetPageAsync($"/schools?q={HazelGrove}");
        var (_, byPostcode) = await client.GetPageAsync("/schools?q=sk75jx");
        var (_, manchester) = await client.GetPageAsync("/schools?authority=E08000003&typeGroup=Academies");

        Assert.Equal(shipped.Of("356").Count(r => r["education_phase"] == "Secondary"), Count(secondary));
        Assert.All(Rows(secondary), row => Assert.Equal("Stockport", Cell(row, 1)));
        Assert.Equal(partnership.Count(r => string.IsNullOrEmpty(shipped.Ratings.GetValueOrDefault(r["urn"]))), Count(unjudged));
        Assert.All(Rows(unjudged), row => Assert.Equal("No judgement in the February 2020 data", Cell(row, 6)));
        Assert.Equal(partnership.Count(r => shipped.Trusts.GetValueOrDefault(r["urn"]) == "THE LAURUS TRUST"), Count(laurus));
        Assert.All(Rows(laurus), row => Assert.Equal("THE LAURUS TRUST", Cell(row, 3)));
        Assert.Equal([HazelGrove.ToString(CultureInfo.InvariantCulture)], Rows(byName).Select(r => r.GetAttribute("data-urn")));
        Assert.Equal([HazelGrove.ToString(CultureInfo.InvariantCulture)], Rows(byUrn).Select(r => r.GetAttribute("data-urn")));
        Assert.Contains(HazelGrove.ToString(CultureInfo.InvariantCulture), Rows(byPostcode).Select(r => r.GetAttribute("data-urn")));
        Assert.Equal(shipped.Of("352").Count(r => r["establishment_type_group"] == "Academies"), Count(manchester));
    }

    [Fact]
    public async Task The_list_sorts_by_pupils_free_school_meals_and_Ofsted_and_pages_on()
    {
        var client = await SignInAsync("viewer@tameside.demo");

        var (_, pupils) = await client.GetPageAsync("/schools?sort=pupils");
        var (_, fsm) = await client.GetPageAsync("/schools?sort=fsm");
        var (_, ofsted) = await client.GetPageAsync("/schools?sort=ofsted");
        var (_, first) = await client.GetPageAsync("/schools");
        var (_, second) = await client.GetPageAsync(first.QuerySelector("nav.govuk-pagination a[rel=next]")!.GetAttribute("href")!);

        static decimal Number(string text) => decimal.Parse(text.TrimEnd('%'), NumberStyles.Number, CultureInfo.GetCultureInfo("en-GB"));
        var pupilCounts = Rows(pupils).Select(r => Number(Cell(r, 4))).ToList();
        var fsmShares = Rows(fsm).Select(r => Number(Cell(r, 5))).ToList();
        var grades = Rows(ofsted).Select(r => r.QuerySelector("[data-ofsted]")!.GetAttribute("data-ofsted")).ToList();
        Assert.Equal(pupilCounts.OrderDescending(), pupilCounts);
        Assert.Equal(fsmShares.OrderDescending(), fsmShares);
        Assert.Equal("descending", pupils.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.All(grades.Take(5), g => Assert.Equal("outstanding", g));
        Assert.Equal(grades.OrderBy(g => Array.IndexOf(["outstanding", "good", "requires-improvement", "inadequate", "none"], g)), grades);
        Assert.Empty(Rows(first).Select(r => r.GetAttribute("data-urn")).Intersect(Rows(second).Select(r => r.GetAttribute("data-urn"))));
        Assert.Contains(", page 2 of", second.QuerySelector("#school-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schools_page_shows_its_trust_figures_area_and_2020_Ofsted_history()
    {
        var shipped = await ShippedAsync();
        var gias = shipped.Gias.Single(r => r["urn"] == "137923");
        var imd = (await ShippedFiles.ReadLinesAsync(new DeprivationImport(), DeprivationImport.IndexFile)).Single(l => l.StartsWith("E01005806,", StringComparison.Ordinal));
        var client = await SignInAsync("viewer@tameside.demo");

        var (response, page) = await client.GetPageAsync($"/schools/{HazelGrove}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelectorAll(".govuk-summary-list__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("Hazel Grove High School", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"{shipped.Trusts["137923"]} (multi-academy trust)", summary["Trust or responsible body"]);
        Assert.Equal(int.Parse(gias["number_of_pupils"], CultureInfo.InvariantCulture).ToString("N0", CultureInfo.GetCultureInfo("en-GB")), summary["Pupils"]);
        Assert.Equal($"{gias["percentage_fsm"]}% of pupils eligible", summary["Free school meals"]);
        Assert.Equal("Stockport 033A (E01005806)", summary["LSOA"]);
        Assert.Equal("Stepping Hill (E05000799)", summary["Ward"]);
        Assert.StartsWith($"Decile {imd.Split(',')[^1]} ", summary["Index of Multiple Deprivation 2019"], StringComparison.Ordinal);
        Assert.Equal("Academy converter (Academies)", summary["Type"]);
        Assert.Equal("Secondary", summary["Phase"]);
        Assert.Contains(gias["postcode"], summary["Postcode"], StringComparison.Ordinal);
        Assert.StartsWith("Longitude -2.13", summary["Location"], StringComparison.Ordinal);
        Assert.Equal("Latest, as shown in February 2020: Requires Improvement, from the inspection of 23 January 2018.", page.QuerySelector("#ofsted-latest")!.TextContent.Trim());
        Assert.Equal(
            [("23 January 2018", "Requires Improvement"), ("3 December 2014", "Good"), ("20 February 2013", "Good")],
            page.QuerySelectorAll("#ofsted-history tbody tr").Select(r => (r.Children[0].TextContent.Trim(), r.Children[1].TextContent.Trim())));
        Assert.Contains("February 2020", page.QuerySelector("#ofsted-history caption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_URN_or_authority_is_answered_clearly()
    {
        var client = await SignInAsync("viewer@stockport.demo");

        var page = await client.GetAsync("/schools/999999");
        var api = await client.GetAsync("/api/schools/999999");
        var (badPage, badDocument) = await client.GetPageAsync("/schools?authority=E99999999");
        var badApi = await client.GetAsync("/api/schools?authority=E08000007,E99999999");
        var region = await client.GetAsync("/api/schools?authority=E12000002");
        var problem = await badApi.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("'E99999999' is not the ONS code of an English local authority", badDocument.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badApi.StatusCode);
        Assert.StartsWith("'E99999999' is not the ONS code", problem.GetProperty("errors").GetProperty("authority")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, region.StatusCode);
    }

    [Fact]
    public async Task The_API_lists_an_authoritys_schools_and_gives_a_school_with_its_area_and_dated_judgement()
    {
        var shipped = await ShippedAsync();
        var client = await SignInAsync("officer@stockport.demo");

        var tameside = await JsonAsync(await client.GetAsync("/api/schools?authority=E08000008"));
        var page2 = await JsonAsync(await client.GetAsync("/api/schools?authority=E08000008&page=2"));
        var primary = await JsonAsync(await client.GetAsync("/api/schools?authority=e08000007&phase=Primary&q=hazel"));
        var school = await JsonAsync(await client.GetAsync($"/api/schools/{HazelGrove}"));

        Assert.Equal(shipped.Of("357").Count(), tameside.GetProperty("total").GetInt32());
        Assert.Equal(["E08000008"], tameside.GetProperty("authorities").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(50, tameside.GetProperty("schools").GetArrayLength());
        Assert.All(tameside.GetProperty("schools").EnumerateArray(), s => Assert.Equal(357, s.GetProperty("laNumber").GetInt32()));
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.Equal(
            shipped.Of("356").Where(r => r["education_phase"] == "Primary" && r["establishment_name"].Contains("hazel", StringComparison.OrdinalIgnoreCase)).Select(r => int.Parse(r["urn"], CultureInfo.InvariantCulture)).Order(),
            primary.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("urn").GetInt32()).Order());
        var dto = school.GetProperty("school");
        Assert.Equal("THE LAURUS TRUST", dto.GetProperty("responsibleBody").GetString());
        Assert.Equal("E08000007", dto.GetProperty("authorityCode").GetString());
        Assert.Equal("Requires Improvement", dto.GetProperty("ofsted").GetProperty("rating").GetString());
        Assert.Equal("2020-02-26", dto.GetProperty("ofsted").GetProperty("asShownOn").GetString());
        Assert.Equal("Stepping Hill", school.GetProperty("lsoa").GetProperty("wardName").GetString());
        Assert.Equal(3, school.GetProperty("ofstedHistory").GetArrayLength());
        Assert.Contains(school.GetProperty("sources").EnumerateArray(), s => s.GetProperty("title").GetString()!.Contains("February 2020", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_download_has_every_school_the_filters_find()
    {
        var shipped = await ShippedAsync();
        var client = await SignInAsync("viewer@stockport.demo");
        var (_, page) = await client.GetPageAsync("/schools?authority=E08000007&phase=Primary");

        var response = await client.GetAsync(page.QuerySelector("#school-count a[download]")!.GetAttribute("href")!);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(shipped.Of("356").Count(r => r["education_phase"] == "Primary") + 1, lines.Length);
        Assert.StartsWith("URN,School,Local authority", lines[0], StringComparison.Ordinal);
        Assert.Contains("as shown in February 2020", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_is_refused_the_register_by_page_and_API()
    {
        var client = App.Anonymous();

        var list = await client.GetAsync("/schools");
        var school = await client.GetAsync($"/schools/{HazelGrove}");
        var api = await client.GetAsync("/api/schools?authority=E08000007");
        var one = await client.GetAsync($"/api/schools/{HazelGrove}");

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Equal("/sign-in", list.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, school.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, one.StatusCode);
        Assert.DoesNotContain("Hazel Grove", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SchoolRegisterTestsOnSqlite(SqliteEvidenceApp app) : SchoolRegisterTests<SqliteEvidenceApp>(app);

public sealed class SchoolRegisterTestsOnPostgres(PostgresEvidenceApp app) : SchoolRegisterTests<PostgresEvidenceApp>(app);
