using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Sufficiency;
using Concord.Web.Sufficiency;
using Concord.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using static Concord.Web.Tests.SufficiencyTestSupport;

namespace Concord.Web.Tests;

/// <summary>
/// The SEND provision registers on screen and through the API: the demo registers built from real
/// GIAS settings, the list with its filters, totals and CSV download, a provision's page, adding and
/// changing by form, API and CSV (bad input refused naming each field or line and column, nothing
/// written), "Add from GIAS", and who may read and write whose register.
/// </summary>
public abstract class ProvisionRegisterTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const int CastleHill = 106172;
    private const string CheadleHeathResourced = "Cheadle Heath Primary School resourced provision";

    private static DateOnly NextSeptember => ProvisionRegister.NextSeptemberAfter(Formats.UkDate(DateTimeOffset.UtcNow));

    private static IReadOnlyList<IElement> Rows(IDocument page) => page.QuerySelectorAll("#provisions tbody tr").ToList();

    /// <summary>A cell's words as a browser shows them: a line break read as a space, whitespace collapsed.</summary>
    private static string Cell(IElement row, int column) =>
        string.Join(' ', string.Concat(row.QuerySelectorAll("th, td")[column].Descendants().Select(n => n switch
        {
            IText text => text.Data,
            IElement { LocalName: "br" } => " ",
            _ => string.Empty,
        })).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<Provision> ProvisionAsync(string name) => ReadAsync(db => db.Provisions.SingleAsync(p => p.Name == name));

    private async Task<List<(Guid Id, Guid Version)>> SnapshotAsync() =>
        (await ReadAsync(db => db.Provisions.Select(p => new { p.Id, p.Version }).ToListAsync())).Select(p => (p.Id, p.Version)).OrderBy(p => p.Id).ToList();

    /// <summary>A provision of Stockport's own, added through the API for a test to change.</summary>
    private static async Task<JsonElement> AddAsync(HttpClient client, string name, int? urn = null)
    {
        var response = await client.PostAsJsonAsync("/api/provisions", new
        {
            urn,
            name,
            kind = "ResourcedProvision",
            areaCode = Stockport,
            latitude = 53.39,
            longitude = -2.16,
            ageFrom = 4,
            ageTo = 11,
            commissionedPlaces = 10,
            physicalPlaces = 12,
            needs = new[] { "ASD", "SLCN" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_demo_registers_hold_the_real_GIAS_settings_of_each_area_with_their_URNs()
    {
        var stockport = await AuthorityAsync("Stockport");
        var tameside = await AuthorityAsync("Tameside");
        var (schools, provisions) = await ReadAsync(async db => (
            await db.Schools.Where(s => s.LaNumber == 356 || s.LaNumber == 357).Select(s => new { s.Urn, s.LaNumber, s.Type, s.Pupils }).ToListAsync(),
            await db.Provisions.Where(p => p.AuthorityId == stockport.Id || p.AuthorityId == tameside.Id).ToListAsync()));
        var specialist = schools.Where(s => GiasProvisions.KindOf(s.Type) is not null).ToList();

        foreach (var school in specialist)
        {
            var owner = school.LaNumber == 356 ? stockport.Id : tameside.Id;
            var entry = Assert.Single(provisions, p => p.Urn == school.Urn && p.AuthorityId == owner);
            Assert.Equal(GiasProvisions.KindOf(school.Type), entry.Kind);
            Assert.Equal(Math.Max(1, school.Pupils ?? 0), entry.PhysicalPlaces);
        }

        var castleHill = provisions.Single(p => p.Urn == CastleHill);
        Assert.Equal((ProvisionKind.SpecialSchool, 341, 11, 18), (castleHill.Kind, castleHill.CommissionedPlaces, castleHill.AgeFrom, castleHill.AgeTo));
        Assert.Null(castleHill.AnnualCostPerPlace);
        Assert.Contains(GiasProvisions.DesignationNote, castleHill.Notes, StringComparison.Ordinal);
        var illustrative = provisions.Where(p => p.Notes?.Contains("Illustrative", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(5, illustrative.Count);
        Assert.All(illustrative, p => Assert.Equal(stockport.Id, p.AuthorityId));
        var freeSchool = illustrative.Single(p => p.Urn is null);
        Assert.Equal((133, new DateOnly(2027, 9, 1), 11, 19), (freeSchool.CommissionedPlaces, freeSchool.Opens!.Value, freeSchool.AgeFrom, freeSchool.AgeTo));
        Assert.Equal([NeedType.Asd, NeedType.Sld], freeSchool.Needs);
        Assert.Equal(2, illustrative.Count(p => p.Kind == ProvisionKind.IndependentSpecial && p.AreaCode != Stockport));
        Assert.Equal([24, 18], illustrative.Where(p => p.Kind == ProvisionKind.ResourcedProvision).OrderBy(p => p.AgeFrom).Select(p => p.PlannedChanges.Single().Places));
    }

    [Fact]
    public async Task The_register_lists_the_partnerships_provisions_by_default_with_places_next_September_costs_and_totals()
    {
        var stockport = await AuthorityAsync("Stockport");
        var tameside = await AuthorityAsync("Tameside");
        var count = await ReadAsync(db => db.Provisions.CountAsync(p => p.AuthorityId == stockport.Id || p.AuthorityId == tameside.Id));
        var client = await SignInAsync("viewer@tameside.demo");

        var (response, page) = await client.GetPageAsync("/provisions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(count, Rows(page).Count);
        Assert.Equal($"Provisions of Stockport and Tameside, with places on {Formats.Date(NextSeptember)}", page.Text("#provisions caption"));
        var resourced = Rows(page).Single(r => Cell(r, 0).StartsWith(CheadleHeathResourced, StringComparison.Ordinal));
        Assert.Equal(["Stockport", "Resourced provision", "Stockport", "4 to 11", "ASD, SLCN", "12 / 36"], Enumerable.Range(1, 6).Select(i => Cell(resourced, i)));
        Assert.StartsWith("36 +24 from 1 September 2026", Cell(resourced, 7), StringComparison.Ordinal);
        Assert.Equal("default band: £16,000", Cell(resourced, 8));
        Assert.Equal("Autistic spectrum disorder", resourced.QuerySelector(".app-needs abbr")!.GetAttribute("title"));
        var outside = Rows(page).Where(r => r.QuerySelector(".app-where .govuk-tag") is not null && Cell(r, 1) == "Stockport").ToList();
        Assert.Equal(2, outside.Count);
        Assert.All(outside, r => Assert.EndsWith("outside the area", Cell(r, 3), StringComparison.Ordinal));
        var freeSchool = Rows(page).Single(r => Cell(r, 0).StartsWith("New secondary special free school", StringComparison.Ordinal));
        Assert.StartsWith(NextSeptember >= new DateOnly(2027, 9, 1) ? "133" : "0", Cell(freeSchool, 7), StringComparison.Ordinal);
        var places = Rows(page).Sum(r => int.Parse(Cell(r, 7).Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(places.ToString("N0", CultureInfo.GetCultureInfo("en-GB")), Cell(page.QuerySelector("#provision-totals")!, 2));
        Assert.Null(page.QuerySelector("a[href='/provisions/new']"));
        Assert.Contains("/sufficiency", page.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_list_filters_by_council_kind_need_and_name_or_URN_on_the_page_and_the_API_alike()
    {
        var client = await SignInAsync("officer@stockport.demo");

        var (_, special) = await client.GetPageAsync($"/provisions?authority={Tameside}&kind=SpecialSchool");
        var api = await JsonAsync(await client.GetAsync($"/api/provisions?authority={Tameside}&kind=SpecialSchool"));
        var (_, sld) = await client.GetPageAsync("/provisions?need=SLD");
        var (_, byUrn) = await client.GetPageAsync($"/provisions?q={CastleHill}");
        var (_, byName) = await client.GetPageAsync("/provisions?q=castle hill");
        var unknown = await client.GetAsync("/api/provisions?kind=Castle&need=XYZ&authority=E99999999");

        Assert.NotEmpty(Rows(special));
        Assert.All(Rows(special), r => Assert.Equal(("Tameside", "Special school"), (Cell(r, 1), Cell(r, 2))));
        Assert.Equal(Rows(special).Count, api.GetProperty("count").GetInt32());
        Assert.All(api.GetProperty("provisions").EnumerateArray(), p => Assert.Equal("SpecialSchool", p.GetProperty("kind").GetString()));
        Assert.All(Rows(sld), r => Assert.Contains("SLD", Cell(r, 5), StringComparison.Ordinal));
        Assert.Contains(Rows(sld), r => Cell(r, 0).StartsWith("New secondary special free school", StringComparison.Ordinal));
        Assert.Equal("Castle Hill High School URN 106172", Cell(Assert.Single(Rows(byUrn)), 0));
        Assert.Equal(Cell(Rows(byUrn)[0], 0), Cell(Assert.Single(Rows(byName)), 0));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["authority", "kind", "need"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task The_list_downloads_as_CSV_that_reopens_with_the_rows_shown()
    {
        var client = await SignInAsync("officer@tameside.demo");
        var (_, page) = await client.GetPageAsync($"/provisions?authority={Stockport}");
        var link = page.QuerySelector("#download-csv")!.GetAttribute("href")!;

        var response = await client.GetAsync(link);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        using var csv = new CsvHelper.CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var rows = (await csv.GetRecordsAsync<dynamic>().ToListAsync()).Cast<IDictionary<string, object>>().Select(r => r.ToDictionary(c => c.Key.TrimStart('\uFEFF'), c => (string)c.Value)).ToList();
        Assert.Equal(Rows(page).Select(r => Cell(r, 0)), rows.Select(r => r["URN"].Length > 0 ? $"{r["Name"]} URN {r["URN"]}" : r["Name"]));
        Assert.All(rows, r => Assert.Equal("Stockport", r["Council"]));
        var resourced = rows.Single(r => r["Name"] == CheadleHeathResourced);
        Assert.Equal(("ResourcedProvision", "ASD;SLCN", "12", "36", "36", "yes"),
            (resourced["Kind"], resourced["Needs"], resourced["Commissioned places"], resourced["Physical places"], resourced["Places on the next 1 September"], resourced["Cost is the council's default band"]));
        Assert.Equal(16_000m, decimal.Parse(resourced["Annual cost per place"], CultureInfo.InvariantCulture));
        Assert.Equal("2026-09-01 +24 (primary resourced places from September 2026)", resourced["Planned changes"]);
    }

    [Fact]
    public async Task The_list_downloads_as_Excel_with_the_same_rows_and_real_numbers()
    {
        var client = await SignInAsync("officer@tameside.demo");
        var (_, page) = await client.GetPageAsync($"/provisions?authority={Stockport}");

        var response = await client.GetAsync(page.QuerySelector("#download-xlsx")!.GetAttribute("href"));
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetData>()!.Elements<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList()).ToList();
        var header = sheet[0].Select(ExcelFile.Text).ToList();
        var rows = sheet.Skip(1).Select(r => header.Zip(r).ToDictionary(c => c.First, c => c.Second)).ToList();

        Assert.Equal("provisions-stockport.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(Rows(page).Count, rows.Count);
        var resourced = rows.Single(r => ExcelFile.Text(r["Name"]) == CheadleHeathResourced);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, resourced["Commissioned places"].DataType?.Value);
        Assert.Equal((12m, 16_000m), (decimal.Parse(ExcelFile.Text(resourced["Commissioned places"]), CultureInfo.InvariantCulture),
            decimal.Parse(ExcelFile.Text(resourced["Annual cost per place"]), CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_provisions_page_shows_every_field_and_its_planned_changes_with_the_change_link_only_for_its_own_staff()
    {
        var provision = await ProvisionAsync(CheadleHeathResourced);
        var own = await SignInAsync("officer@stockport.demo");
        var partner = await SignInAsync("officer@tameside.demo");

        var (ownResponse, ownPage) = await own.GetPageAsync($"/provisions/{provision.Id}");
        var (partnerResponse, partnerPage) = await partner.GetPageAsync($"/provisions/{provision.Id}");

        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, partnerResponse.StatusCode);
        var keys = ownPage.QuerySelectorAll("#provision .govuk-summary-list__key").Select(k => k.TextContent.Trim()).ToList();
        Assert.Equal(["Name", "URN", "Kind", "Council's register", "Area", "Location", "Ages", "Designated for", "Commissioned places", "Physical places",
            $"Places on {Formats.Date(NextSeptember)}", "Annual cost per place", "Status", "Opens", "Closes", "Notes"], keys);
        Assert.Equal("/schools/133326", ownPage.QuerySelector("#provision a[href^='/schools/']")!.GetAttribute("href"));
        Assert.Equal(["1 September 2026", "+24", "36", "primary resourced places from September 2026"],
            ownPage.QuerySelectorAll("#planned-changes tbody tr th, #planned-changes tbody tr td").Select(c => c.TextContent.Trim()));
        Assert.Contains("Stockport's default band for resourced provision: £16,000", ownPage.Text("#cost"), StringComparison.Ordinal);
        Assert.NotNull(ownPage.QuerySelector($"a[href='/provisions/{provision.Id}/edit']"));
        Assert.Null(partnerPage.QuerySelector($"a[href='/provisions/{provision.Id}/edit']"));
        Assert.Contains("Stockport's own staff change it", partnerPage.Text("#read-only"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_adds_a_provision_by_form_with_its_location_from_GIAS_then_plans_a_change_of_places()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var bramhall = await ReadAsync(db => db.Schools.SingleAsync(s => s.Urn == 106139));

        var added = await client.SubmitAsync("/provisions/new", "main form",
            ("Input.Name", "Bramhall High School resourced provision"), ("Input.Urn", "106139"), ("Input.Kind", "ResourcedProvision"), ("Input.AreaCode", Stockport),
            ("Input.AgeFrom", "11"), ("Input.AgeTo", "16"), ("Input.CommissionedPlaces", "10"), ("Input.PhysicalPlaces", "20"),
            ("Input.Needs", "ASD"), ("Input.Needs", "SEMH"), ("Input.AnnualCostPerPlace", "£17,250"));
        var provision = await ProvisionAsync("Bramhall High School resourced provision");
        var changed = await client.SubmitAsync($"/provisions/{provision.Id}/edit", "main form",
            ("Input.PlannedChanges[0].From.Day", "1"), ("Input.PlannedChanges[0].From.Month", "9"), ("Input.PlannedChanges[0].From.Year", NextSeptember.Year.ToString(CultureInfo.InvariantCulture)),
            ("Input.PlannedChanges[0].Places", "8"), ("Input.PlannedChanges[0].Note", "secondary resourced places"));
        var (_, page) = await client.GetPageAsync($"/provisions/{provision.Id}");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/provisions/{provision.Id}", added.Headers.Location!.OriginalString);
        Assert.Equal((bramhall.Latitude, bramhall.Longitude), (provision.Latitude, provision.Longitude));
        Assert.Equal(("Stockport", 17_250m), (provision.AreaName, provision.AnnualCostPerPlace!.Value));
        Assert.Equal([NeedType.Asd, NeedType.Semh], provision.Needs);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("18", page.Text("#places-next"));
        Assert.Equal("£17,250", page.Text("#cost"));
        var audit = await ReadAsync(db => db.AuditEntries.Where(a => a.EntityKey == provision.Id.ToString()).Select(a => a.Actor).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("officer@stockport.demo", a));
    }

    [Fact]
    public async Task Bad_provisions_are_refused_by_form_API_and_CSV_naming_each_problem_and_nothing_is_written()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var castleHill = await ReadAsync(db => db.Provisions.SingleAsync(p => p.Urn == CastleHill));
        var before = await SnapshotAsync();

        var form = await client.SubmitAsync("/provisions/new", "main form",
            ("Input.Name", "Upside-down unit"), ("Input.Kind", "SenUnit"), ("Input.AreaCode", Stockport), ("Input.Latitude", "53.4"), ("Input.Longitude", "-2.15"),
            ("Input.AgeFrom", "16"), ("Input.AgeTo", "11"), ("Input.CommissionedPlaces", "0"), ("Input.PhysicalPlaces", "0"), ("Input.Needs", "XYZ"));
        var formErrors = (await Browser.ParseAsync(form)).ErrorMessages();
        var api = await client.PostAsJsonAsync("/api/provisions", new
        {
            name = "Upside-down unit",
            kind = "SenUnit",
            areaCode = Stockport,
            latitude = 53.4,
            longitude = -2.15,
            ageFrom = 16,
            ageTo = 11,
            commissionedPlaces = 0,
            physicalPlaces = 0,
            needs = new[] { "ASD", "XYZ" },
        });
        var apiErrors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var change = await client.PutAsJsonAsync($"/api/provisions/{castleHill.Id}", new
        {
            urn = CastleHill,
            name = castleHill.Name,
            kind = "SpecialSchool",
            areaCode = Stockport,
            ageFrom = 19,
            ageTo = 11,
            commissionedPlaces = 341,
            physicalPlaces = 341,
            needs = new[] { "ASD" },
            version = castleHill.Version,
        });
        const string csv = """
            Urn,Name,Kind,AreaCode,Latitude,Longitude,AgeFrom,AgeTo,CommissionedPlaces,PhysicalPlaces,Needs,AnnualCostPerPlace,Opens,Closes
            106172,Castle Hill High School,SpecialSchool,E08000007,,,11,18,350,350,ASD;SLD,,,
            ,No places unit,SenUnit,E08000007,53.4,-2.15,5,11,0,0,ASD,,,
            ,Upside-down unit,SenUnit,E08000007,53.4,-2.15,16,11,5,5,ASD,,,
            ,Unknown need unit,SenUnit,E08000007,53.4,-2.15,5,11,5,5,ASD;XYZ,,,
            ,Strange kind,Castle,E08000007,53.4,-2.15,5,11,5,5,SEMH,,,
            """;
        var upload = await client.PostCsvAsync("/api/provisions/upload", csv);
        var uploadLines = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("lines").EnumerateArray().Select(l => l.GetString()).ToList();
        var page = await client.UploadPageAsync("/provisions/upload", "Provisions", csv);

        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(
        [
            "The age range is upside down: the oldest age (11) is younger than the youngest (16)",
            "A provision must have at least one commissioned place",
            "A provision must have at least one physical place",
            $"Unknown need code \"XYZ\": select among {Needs.Codes}",
        ], formErrors);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(["ageTo", "commissionedPlaces", "needs", "physicalPlaces"], apiErrors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal($"Unknown need code \"XYZ\": use {Needs.Codes}", apiErrors.GetProperty("needs")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        string[] expected =
        [
            "Line 3, column CommissionedPlaces: a provision must have at least one commissioned place",
            "Line 3, column PhysicalPlaces: a provision must have at least one physical place",
            "Line 4, column AgeTo: the age range is upside down: the oldest age (11) is younger than the youngest (16)",
            $"Line 5, column Needs: unknown need code \"XYZ\": use {Needs.Codes}, separated by semicolons",
            $"Line 6, column Kind: unknown kind 'Castle': use one of {string.Join(", ", ProvisionKinds.All)}",
        ];
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal(expected, uploadLines);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(expected, await PageProblemsAsync(page));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(341, (await ReadAsync(db => db.Provisions.SingleAsync(p => p.Id == castleHill.Id))).CommissionedPlaces);
    }

    [Fact]
    public async Task A_CSV_line_with_a_URN_in_the_register_changes_that_provision_and_others_add_all_in_one_save()
    {
        const string stockportSchool = "Stockport School resourced provision";
        var client = await SignInAsync("officer@stockport.demo");
        var resourced = await ProvisionAsync(stockportSchool);
        var csv = $"""
            Urn,Name,Kind,AreaCode,Latitude,Longitude,AgeFrom,AgeTo,CommissionedPlaces,PhysicalPlaces,Needs,AnnualCostPerPlace,Opens,Closes
            106135,{stockportSchool},ResourcedProvision,E08000007,,,11,16,14,30,ASD;SLCN;SEMH,15500,,
            ,Marple SEN unit,SenUnit,E08000007,53.3975,-2.0885,5,11,8,10,SLCN,,2027-09-01,
            """;

        var response = await client.UploadPageAsync("/provisions/upload", "Provisions", csv);
        var changed = await ProvisionAsync(stockportSchool);
        var added = await ProvisionAsync("Marple SEN unit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((14, 15_500m, 3), (changed.CommissionedPlaces, changed.AnnualCostPerPlace!.Value, changed.Needs.Count));
        Assert.Equal(resourced.PlannedChanges, changed.PlannedChanges);
        Assert.Equal(resourced.Notes, changed.Notes);
        Assert.Equal((resourced.Latitude, resourced.Longitude), (changed.Latitude, changed.Longitude));
        Assert.Equal((ProvisionKind.SenUnit, new DateOnly(2027, 9, 1), (await AuthorityAsync("Stockport")).Id), (added.Kind, added.Opens!.Value, added.AuthorityId));
        var (_, list) = await client.GetPageAsync("/provisions");
        Assert.Equal("The file is uploaded: 1 provision added, 1 changed.", list.Text(".govuk-notification-banner__heading"));
    }

    [Fact]
    public async Task An_empty_CSV_or_one_missing_a_column_is_refused_at_line_1()
    {
        var client = await SignInAsync("officer@stockport.demo");

        var empty = await client.PostCsvAsync("/api/provisions/upload", string.Empty);
        var missing = await client.UploadPageAsync("/provisions/upload", "Provisions", "Urn,Name,Kind,AreaCode,AgeFrom,CommissionedPlaces,PhysicalPlaces,Needs\n,Unit,SenUnit,E08000007,5,1,1,ASD\n");
        var headerOnly = await client.PostCsvAsync("/api/provisions/upload", ProvisionUpload.Columns + "\n");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.StartsWith("Line 1: the file is empty", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("lines")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.StartsWith("Line 1, column AgeTo: the column is missing from the first line", Assert.Single(await PageProblemsAsync(missing)), StringComparison.Ordinal);
        Assert.Equal("Line 2: the file has no provisions", (await headerOnly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("lines")[0].GetString());
    }

    [Fact]
    public async Task The_API_adds_and_changes_a_provision_with_its_version_and_refuses_a_stale_or_missing_one()
    {
        var client = await SignInAsync("officer@stockport.demo");
        var created = await AddAsync(client, "API resourced base");
        var id = created.GetProperty("id").GetGuid();
        var body = new
        {
            name = "API resourced base",
            kind = "ResourcedProvision",
            areaCode = Stockport,
            latitude = 53.39,
            longitude = -2.16,
            ageFrom = 4,
            ageTo = 11,
            commissionedPlaces = 16,
            physicalPlaces = 16,
            needs = new[] { "ASD" },
            plannedChanges = new[] { new { from = "2027-09-01", places = -4, note = "fewer places" } },
            version = created.GetProperty("version").GetGuid(),
        };

        var updated = await JsonAsync(await client.PutAsJsonAsync($"/api/provisions/{id}", body));
        var stale = await client.PutAsJsonAsync($"/api/provisions/{id}", body);
        var unversioned = await client.PutAsJsonAsync($"/api/provisions/{id}", body with { version = Guid.Empty });
        var read = await JsonAsync(await client.GetAsync($"/api/provisions/{id}"));

        Assert.Equal(("Stockport", "Stockport", 10, 10), (created.GetProperty("council").GetProperty("name").GetString(), created.GetProperty("areaName").GetString(),
            created.GetProperty("commissionedPlaces").GetInt32(), created.GetProperty("placesNextSeptember").GetInt32()));
        Assert.True(created.GetProperty("defaultBand").GetBoolean());
        Assert.Equal(16_000m, created.GetProperty("costPerPlace").GetDecimal());
        Assert.Equal(16, updated.GetProperty("commissionedPlaces").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unversioned.StatusCode);
        Assert.Equal(updated.GetProperty("version").GetGuid(), read.GetProperty("version").GetGuid());
        Assert.Equal(NextSeptember >= new DateOnly(2027, 9, 1) ? 12 : 16, read.GetProperty("placesNextSeptember").GetInt32());
        Assert.Equal(-4, read.GetProperty("plannedChanges")[0].GetProperty("places").GetInt32());
    }

    [Fact]
    public async Task Two_officers_changing_the_same_provision_on_the_page_never_overwrite_each_other()
    {
        var first = await SignInAsync("officer@stockport.demo");
        var second = await SignInAsync("programme@stockport.demo");
        var id = (await AddAsync(first, "Contested base")).GetProperty("id").GetGuid();
        var (_, page) = await second.GetPageAsync($"/provisions/{id}/edit");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;

        var saved = await first.SubmitAsync($"/provisions/{id}/edit", "main form", ("Input.CommissionedPlaces", "11"));
        var late = await second.SubmitAsync(form, ("Input.CommissionedPlaces", "3"));
        var latePage = await Browser.ParseAsync(late);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.StartsWith("Someone else changed this provision while you were editing it", latePage.ErrorMessages().Single(), StringComparison.Ordinal);
        Assert.Equal("11", latePage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.CommissionedPlaces']")!.Value);
        Assert.Equal(11, (await ReadAsync(db => db.Provisions.SingleAsync(p => p.Id == id))).CommissionedPlaces);
    }

    [Fact]
    public async Task Add_from_GIAS_lists_real_settings_not_yet_in_the_register_and_adds_them_with_their_URNs()
    {
        var client = await SignInAsync("officer@tameside.demo");
        var tameside = await AuthorityAsync("Tameside");
        var (_, page) = await client.GetPageAsync("/provisions/from-gias");
        var inRegister = (await ReadAsync(db => db.Provisions.Where(p => p.AuthorityId == tameside.Id && p.Urn != null).Select(p => p.Urn!.Value).ToListAsync())).ToHashSet();
        var offered = page.QuerySelectorAll("#nearby tbody tr").Select(r => int.Parse(r.GetAttribute("data-urn")!, CultureInfo.InvariantCulture)).ToList();
        var urn = offered[0];
        var school = await ReadAsync(db => db.Schools.SingleAsync(s => s.Urn == urn));

        var response = await client.SubmitAsync("/provisions/from-gias", "main form", ("Urns", urn.ToString(CultureInfo.InvariantCulture)));
        var added = await ReadAsync(db => db.Provisions.SingleAsync(p => p.AuthorityId == tameside.Id && p.Urn == urn));
        var (_, after) = await client.GetPageAsync("/provisions/from-gias");
        var apiChoice = await JsonAsync(await client.GetAsync("/api/provisions/from-gias"));
        var another = apiChoice.GetProperty("nearby")[0].GetProperty("urn").GetInt32();
        var viaApi = await JsonAsync(await client.PostAsJsonAsync("/api/provisions/from-gias", new { urns = new[] { another } }));
        var nothing = await client.PostAsJsonAsync("/api/provisions/from-gias", new { urns = new[] { urn } });

        Assert.NotEmpty(offered);
        Assert.DoesNotContain(offered, inRegister.Contains);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((school.Name, ProvisionKind.IndependentSpecial, Math.Max(1, school.Pupils ?? 0)), (added.Name, added.Kind, added.CommissionedPlaces));
        Assert.Equal((school.Latitude!.Value, school.Longitude!.Value), (added.Latitude, added.Longitude));
        Assert.NotEqual(Tameside, added.AreaCode);
        Assert.Equal([NeedType.Asd, NeedType.Semh], added.Needs);
        Assert.Null(added.AnnualCostPerPlace);
        Assert.DoesNotContain(urn.ToString(CultureInfo.InvariantCulture), after.QuerySelectorAll("#nearby tbody tr").Select(r => r.GetAttribute("data-urn")));
        Assert.Equal(another, Assert.Single(viaApi.EnumerateArray()).GetProperty("urn").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.All(apiChoice.GetProperty("nearby").EnumerateArray(), c => Assert.True(c.GetProperty("distanceKm").GetDouble() <= 40));
        Assert.Contains("default for its kind", page.Text(".govuk-warning-text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_reads_but_cannot_change_another_councils_provisions_by_page_API_or_database()
    {
        var provision = await ProvisionAsync(CheadleHeathResourced);
        var tameside = await AuthorityAsync("Tameside");
        var client = await SignInAsync("officer@tameside.demo");

        var read = await client.GetAsync($"/api/provisions/{provision.Id}");
        var put = await client.PutAsJsonAsync($"/api/provisions/{provision.Id}", new
        {
            name = "Taken over",
            kind = "ResourcedProvision",
            areaCode = Stockport,
            latitude = 53.4,
            longitude = -2.19,
            ageFrom = 4,
            ageTo = 11,
            commissionedPlaces = 1,
            physicalPlaces = 1,
            needs = new[] { "ASD" },
            version = provision.Version,
        });
        var editPage = await client.GetAsync($"/provisions/{provision.Id}/edit");
        var editPost = await client.PostFormAsync($"/provisions/{provision.Id}/edit", "/provisions/new",
            ("Input.Name", "Taken over"), ("Input.Version", provision.Version.ToString()));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editPost.StatusCode);

        await using (var db = App.Database.Open(new FixedUser(tameside.Id, Role.Officer)))
        {
            var seen = await db.Provisions.SingleAsync(p => p.Id == provision.Id);
            seen.Change(seen.Details with { Name = "Taken over" });
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using (var db = App.Database.Open(new FixedUser(tameside.Id, Role.Officer)))
        {
            db.Provisions.Add(Provision.Create(provision.AuthorityId, provision.Details with { Name = "Planted by Tameside", Urn = null }));
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        var after = await ProvisionAsync(CheadleHeathResourced);
        Assert.Equal((provision.Name, provision.Version), (after.Name, after.Version));
        Assert.False(await ReadAsync(db => db.Provisions.AnyAsync(p => p.Name == "Planted by Tameside")));
    }

    [Fact]
    public async Task A_council_in_no_partnership_with_Stockport_sees_none_of_its_provisions()
    {
        var provision = await ProvisionAsync(CheadleHeathResourced);
        var bolton = await AuthorityAsync("Bolton");
        var client = await App.SignInAsBoltonOfficerAsync();

        var (_, own) = await client.GetPageAsync("/provisions");
        var (_, asked) = await client.GetPageAsync($"/provisions?authority={Stockport}");
        var api = await JsonAsync(await client.GetAsync($"/api/provisions?authority={Stockport},{Tameside}"));
        var one = await client.GetAsync($"/api/provisions/{provision.Id}");
        var page = await client.GetAsync($"/provisions/{provision.Id}");
        var csv = await client.GetStringAsync($"/api/provisions?authority={Stockport}&format=csv");

        Assert.Empty(Rows(own));
        Assert.Empty(Rows(asked));
        Assert.Contains("Stockport does not share its register", asked.Text("#not-shared"), StringComparison.Ordinal);
        Assert.Equal(0, api.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(CheadleHeathResourced, csv, StringComparison.Ordinal);
        await using var db = App.Database.Open(new FixedUser(bolton.Id, Role.Officer));
        Assert.Empty(await db.Provisions.ToListAsync());
        Assert.Empty(await db.SufficiencySettings.ToListAsync());
    }

    [Fact]
    public async Task A_viewer_reads_the_register_but_cannot_add_to_it()
    {
        var client = await SignInAsync("viewer@stockport.demo");
        var before = await SnapshotAsync();

        var (list, page) = await client.GetPageAsync("/provisions");
        var form = await client.GetAsync("/provisions/new");
        var api = await client.PostAsJsonAsync("/api/provisions", new { name = "Viewer's unit" });
        var upload = await client.PostCsvAsync("/api/provisions/upload", ProvisionUpload.Columns + "\n,Viewer's unit,SenUnit,E08000007,53.4,-2.15,5,11,5,5,ASD,,,\n");
        var gias = await client.PostAsJsonAsync("/api/provisions/from-gias", new { urns = new[] { 100000 } });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.NotEmpty(Rows(page));
        Assert.Null(page.QuerySelector("a[href='/provisions/new']"));
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.All([api, upload, gias], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_sufficiency_pages_have_captioned_tables_with_scoped_headers_and_no_inline_script_or_style()
    {
        var provision = await ProvisionAsync(CheadleHeathResourced);
        var client = await SignInAsync("officer@stockport.demo");

        foreach (var url in new[]
        {
            "/sufficiency", "/provisions", $"/provisions/{provision.Id}", $"/provisions/{provision.Id}/edit", "/provisions/new", "/provisions/from-gias",
            "/provisions/upload", "/sufficiency/assumptions", $"/sufficiency/assumptions?authority={Tameside}", "/sufficiency/assumptions/edit",
            "/sufficiency/children", "/sufficiency/children/upload",
        })
        {
            var (response, page) = await client.GetPageAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.All(page.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), $"Inline script on {url}"));
            Assert.Empty(page.QuerySelectorAll("[style], style"));
            Assert.All(page.QuerySelectorAll("table"), table => Assert.NotNull(table.QuerySelector("caption")));
            Assert.All(page.QuerySelectorAll("table th"), th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "row" }));
            Assert.Single(page.QuerySelectorAll("h1"));
        }
    }
}

public sealed class ProvisionRegisterTestsOnSqlite(SqliteSufficiencyApp app) : ProvisionRegisterTests<SqliteSufficiencyApp>(app);

public sealed class ProvisionRegisterTestsOnPostgres(PostgresSufficiencyApp app) : ProvisionRegisterTests<PostgresSufficiencyApp>(app);
