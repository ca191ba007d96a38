using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Concord.Core.Access;
using Concord.Core.Outcomes;
using Concord.Core.Programme;
using Concord.Core.PublicData;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>
/// The outcomes framework: the demo framework rated from published LAIT rows and entered values,
/// its API, indicators, targets and values added by page and API, CSV upload, options linked to
/// indicators, and who may write whose figures.
/// </summary>
public abstract class OutcomesTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string Gld = "Good level of development at age 5";
    private const string Absence = "Persistent absence";
    private const string TeamAroundTheSchool = "Schools with a named Team Around the School";
    private const string Stockport = "E08000007";
    private const string Tameside = "E08000008";

    /// <summary>
    /// LAIT rows as the importer writes them, with the published figures: good level of
    /// development (FSP_NEW_GOODDEV) and persistent absence (TotPerAbNew) for 2024 and 2025, a
    /// suppressed 2020, and England (not a council of the partnership).
    /// </summary>
    private async Task EnsureLaitAsync()
    {
        await using var db = App.Database.OpenAsSystem();
        if (await db.PublishedStatistics.AnyAsync(s => s.Dataset == "dfe-lait" && s.Table == string.Empty))
        {
            return;
        }

        PublishedStatistic Row(string area, string period, params (string Measure, decimal Value)[] values)
        {
            var row = new PublishedStatistic { Dataset = "dfe-lait", AreaCode = area, Period = period, Year = int.Parse(period, System.Globalization.CultureInfo.InvariantCulture) };
            foreach (var (measure, value) in values)
            {
                row.Values[measure] = value;
            }

            return row;
        }

        var suppressed = Row(Stockport, "2020");
        suppressed.Texts["FSP_NEW_GOODDEV"] = "-";
        db.PublishedStatistics.AddRange(
            Row(Stockport, "2024", ("FSP_NEW_GOODDEV", 68.7m), ("TotPerAbNew", 18.51m)),
            Row(Stockport, "2025", ("FSP_NEW_GOODDEV", 68m), ("TotPerAbNew", 16.58m)),
            Row(Tameside, "2024", ("FSP_NEW_GOODDEV", 62m), ("TotPerAbNew", 18.95m)),
            Row(Tameside, "2025", ("FSP_NEW_GOODDEV", 61.6m), ("TotPerAbNew", 18.41m)),
            suppressed,
            Row("E92000001", "2025", ("FSP_NEW_GOODDEV", 68.3m)));
        await db.SaveChangesAsync();
    }

    private async Task<Indicator> IndicatorAsync(string name) => await ReadAsync(db => db.Indicators.SingleAsync(i => i.Name == name));

    private async Task<OutcomeTheme> ThemeAsync(string name)
    {
        var partnership = await DemoPartnershipAsync();
        return await ReadAsync(db => db.OutcomeThemes.SingleAsync(t => t.PartnershipId == partnership.Id && t.Name == name));
    }

    /// <summary>A new indicator whose values the councils enter, added through the API: in the demo framework's Inclusion theme, or in another partnership's library.</summary>
    private async Task<Guid> NewEnteredIndicatorAsync(HttpClient client, string name, decimal tolerance = 5, Guid? partnershipId = null)
    {
        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnershipId ?? (await DemoPartnershipAsync()).Id}/indicators", new
        {
            name,
            definition = "Schools taking part, as a percentage of the council's schools",
            unit = "%",
            polarity = "HigherIsBetter",
            source = "The council's own records",
            frequency = "Termly",
            amberTolerance = tolerance,
            themeId = partnershipId is null ? (await ThemeAsync("Inclusion")).Id : (Guid?)null,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The words in a council's row of an indicator in a framework table: baseline, latest, target, rating, direction.</summary>
    private static string[] Cells(IDocument page, string indicator, string council)
    {
        var row = page.QuerySelector($"tbody[data-indicator='{indicator}'] tr[data-council='{council}']")
            ?? throw new InvalidOperationException($"No row for {council} on {indicator}");
        return [.. new[] { ".app-baseline", ".app-latest", ".app-target", ".app-rating", ".app-direction" }
            .Select(c => string.Join(' ', row.QuerySelector(c)!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];
    }

    private static async Task<HttpResponseMessage> UploadPageAsync(HttpClient client, string url, string csv)
    {
        var (_, form) = await client.GetPageAsync(url);
        var token = form.QuerySelector<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Values", "values.csv" },
        };
        return await client.PostAsync(url, content);
    }

    [Fact]
    public async Task The_framework_page_rates_each_council_against_its_own_target_in_words_from_published_and_entered_values()
    {
        await EnsureLaitAsync();
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("viewer@tameside.demo");

        var (response, page) = await client.GetPageAsync($"/partnerships/{partnership.Id}/outcomes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Best start in life", "Inclusion", "Attendance", "Attainment", "SEND"], page.QuerySelectorAll("h2[id^='theme-']").Select(h => h.TextContent.Trim()));
        // Stockport: 68 is 2 short of its target of 70, within the tolerance of 2 points: amber; down from 68.7.
        Assert.Equal(["65.5% 2022", "68% 2025, imported", "70% by 2027", "Amber: near target", "Worsening from 68.7% in 2024"], Cells(page, Gld, "Stockport"));
        // Tameside: 61.6 is 4.4 short of its own target of 66: red; down from 62.
        Assert.Equal(["60.1% 2022", "61.6% 2025, imported", "66% by 2027", "Red: off target", "Worsening from 62% in 2024"], Cells(page, Gld, "Tameside"));
        // Persistent absence, lower is better: 16.58 is 1.58 over the target of 15, beyond 1 point: red; but down from 18.51, improving.
        Assert.Equal(["Red: off target", "Improving from 18.51% in 2024"], Cells(page, Absence, "Stockport")[3..]);
        // Entered by each council: Tameside 61 against 90 is red, down from 64.
        Assert.Equal(["64% Autumn term 2025", "61% Spring term 2026, entered", "90% by Summer term 2027", "Red: off target", "Worsening from 64% in Autumn term 2025"],
            Cells(page, TeamAroundTheSchool, "Tameside"));
        Assert.Null(page.QuerySelector("#framework-actions"));
    }

    [Fact]
    public async Task The_API_returns_the_framework_by_theme_and_the_library_with_each_indicators_mapping()
    {
        await EnsureLaitAsync();
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("officer@stockport.demo");

        var framework = await client.GetFromJsonAsync<JsonElement>($"/api/partnerships/{partnership.Id}/outcomes");
        var library = await client.GetFromJsonAsync<List<JsonElement>>("/api/indicators");

        var themes = framework.GetProperty("themes").EnumerateArray().ToList();
        Assert.Equal(["Best start in life", "Inclusion", "Attendance", "Attainment", "SEND"], themes.Select(t => t.GetProperty("name").GetString()));
        var gld = themes[0].GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetProperty("name").GetString() == Gld);
        var stockport = gld.GetProperty("councils").EnumerateArray().Single(c => c.GetProperty("council").GetProperty("name").GetString() == "Stockport");
        Assert.Equal("Amber", stockport.GetProperty("rag").GetString());
        Assert.Equal("Worsening", stockport.GetProperty("direction").GetString());
        Assert.Equal(("2025", 68m, "Imported"), (stockport.GetProperty("latest").GetProperty("period").GetString(), stockport.GetProperty("latest").GetProperty("value").GetDecimal(),
            stockport.GetProperty("latest").GetProperty("origin").GetString()));
        Assert.Equal(("2024", 68.7m), (stockport.GetProperty("previous").GetProperty("period").GetString(), stockport.GetProperty("previous").GetProperty("value").GetDecimal()));
        Assert.Equal(("2022", 65.5m, 70m), (stockport.GetProperty("baseline").GetProperty("period").GetString(), stockport.GetProperty("baseline").GetProperty("value").GetDecimal(),
            stockport.GetProperty("target").GetDecimal()));
        Assert.Contains("Shared early years education improvement leadership (proof of concept)", gld.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("title").GetString()));
        var fromLibrary = library!.Single(i => i.GetProperty("name").GetString() == Gld);
        Assert.True(fromLibrary.GetProperty("imported").GetBoolean());
        Assert.Equal(("dfe-lait", "FSP_NEW_GOODDEV"), (fromLibrary.GetProperty("mapping").GetProperty("dataset").GetString(), fromLibrary.GetProperty("mapping").GetProperty("measure").GetString()));
        Assert.Equal("Best start in life", fromLibrary.GetProperty("theme").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_mapped_indicators_values_are_read_from_the_published_rows_when_shown_and_cannot_be_entered()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("officer@stockport.demo");
        var created = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/indicators", new
        {
            name = "Take-up of funded places by two-year-olds",
            definition = "Eligible two-year-olds taking up a funded early education place",
            unit = "%",
            polarity = "HigherIsBetter",
            source = "DfE, through LAIT",
            frequency = "Annually",
            amberTolerance = 3,
            mappedDataset = "dfe-lait",
            mappedTable = "outcomes-test",
            mappedMeasure = "TWO_YEAR_OLDS",
            themeId = (await ThemeAsync("Best start in life")).Id,
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}");
        await using (var db = App.Database.OpenAsSystem())
        {
            var row = new PublishedStatistic { Dataset = "dfe-lait", Table = "outcomes-test", AreaCode = Tameside, Period = "2025", Year = 2025 };
            row.Values["TWO_YEAR_OLDS"] = 74.5m;
            db.PublishedStatistics.Add(row);
            await db.SaveChangesAsync();
        }

        var after = await client.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}");
        var entered = await (await SignInAsync("officer@tameside.demo")).PostAsJsonAsync($"/api/indicators/{id}/values",
            new { period = "2026", periodEnd = "2026-08-31", value = 80m });
        var problem = await entered.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Empty(before.GetProperty("values").EnumerateArray());
        var value = after.GetProperty("values").EnumerateArray().Single();
        Assert.Equal(("Tameside", "2025", 74.5m, "Imported"), (value.GetProperty("council").GetProperty("name").GetString(), value.GetProperty("period").GetString(),
            value.GetProperty("value").GetDecimal(), value.GetProperty("origin").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, entered.StatusCode);
        Assert.Equal("Take-up of funded places by two-year-olds is read from published data (dfe-lait, table outcomes-test: TWO_YEAR_OLDS), so its values cannot be entered",
            problem.GetProperty("errors").GetProperty("value")[0].GetString());
        Assert.Equal(0, await ReadAsync(db => db.OutcomeValues.CountAsync(v => v.IndicatorId == id)));
    }

    [Fact]
    public async Task An_indicator_added_on_the_page_joins_its_theme_and_bad_input_names_each_field_saving_nothing()
    {
        var partnership = await DemoPartnershipAsync();
        var attainment = await ThemeAsync("Attainment");
        var client = await SignInAsync("officer@tameside.demo");
        var before = await ReadAsync(db => db.Indicators.CountAsync());

        var refused = await client.SubmitAsync("/indicators/new", "main form",
            ("Input.Name", string.Empty), ("Input.AmberTolerance", "two"), ("Input.MappedMeasure", "KS4_ATT8"));
        var refusedPage = await Browser.ParseAsync(refused);
        var afterRefusal = await ReadAsync(db => db.Indicators.CountAsync());
        var added = await client.SubmitAsync("/indicators/new", "main form",
            ("Input.Name", "Attainment 8 of disadvantaged pupils"), ("Input.Definition", "Average Attainment 8 score of disadvantaged pupils at the end of key stage 4"),
            ("Input.Polarity", "HigherIsBetter"), ("Input.Frequency", "Annually"), ("Input.Source", "DfE, key stage 4 performance, through LAIT"),
            ("Input.AmberTolerance", "1.5"), ("Input.ThemeId", attainment.Id.ToString()), ("Input.MappedDataset", "dfe-lait"), ("Input.MappedMeasure", "DAP_KS4_ATT8"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(
            ["Enter the indicator's name, for example Good level of development at age 5", "Enter the indicator's definition: what is counted, and of whom",
             "Select whether higher or lower is better", "Select how often it is published", "Enter where the figures come from",
             "Enter the amber tolerance as a number, like 2", "Enter the dataset the measure is published in, for example dfe-lait"],
            refusedPage.ErrorMessages());
        Assert.Equal(before, afterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var indicator = await IndicatorAsync("Attainment 8 of disadvantaged pupils");
        Assert.Equal(($"/indicators/{indicator.Id}", attainment.Id, "DAP_KS4_ATT8", 1.5m),
            (added.Headers.Location?.OriginalString, indicator.ThemeId, indicator.MappedMeasure, indicator.AmberTolerance));
        var (_, framework) = await client.GetPageAsync($"/partnerships/{partnership.Id}/outcomes");
        Assert.NotNull(framework.QuerySelector("div[data-theme='Attainment'] tbody[data-indicator='Attainment 8 of disadvantaged pupils']"));
        Assert.Equal(["Not set", "No values yet", "Not set", "Not rated", "Not enough values"], Cells(framework, "Attainment 8 of disadvantaged pupils", "Tameside"));
    }

    [Fact]
    public async Task A_new_framework_starts_with_the_usual_themes_and_an_indicator_of_the_library_is_placed_in_a_theme_added_on_the_page()
    {
        var (stockport, bolton) = ((await AuthorityAsync("Stockport")).Id, (await AuthorityAsync("Bolton")).Id);
        var lead = await SignInAsync("programme@stockport.demo");
        var created = await lead.PostAsJsonAsync("/api/partnerships", new { name = "Stockport and Bolton early years pilot", startDate = "2027-04-01", memberAuthorityIds = new[] { stockport, bolton } });
        var pid = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (_, empty) = await lead.GetPageAsync($"/partnerships/{pid}/outcomes");

        var usual = await lead.SubmitAsync($"/partnerships/{pid}/outcomes", "form[action*='handler=UsualThemes']");
        var theme = await lead.SubmitAsync($"/partnerships/{pid}/outcomes/themes/new", "main form", ("Input.Name", "Childminders"), ("Input.Description", "The pilot's childminder network"));
        var twice = await lead.SubmitAsync($"/partnerships/{pid}/outcomes/themes/new", "main form", ("Input.Name", "best start in life"));
        var indicator = await NewEnteredIndicatorAsync(lead, "Childminders in the pilot network", partnershipId: pid);
        var unplaced = await lead.SubmitAsync($"/partnerships/{pid}/outcomes/indicators/add", "main form", ("Input.IndicatorId", string.Empty), ("Input.ThemeId", string.Empty));
        var childminders = await ReadAsync(db => db.OutcomeThemes.SingleAsync(t => t.PartnershipId == pid && t.Name == "Childminders"));
        var placed = await lead.SubmitAsync($"/partnerships/{pid}/outcomes/indicators/add", "main form",
            ("Input.IndicatorId", indicator.ToString()), ("Input.ThemeId", childminders.Id.ToString()));
        var (_, framework) = await lead.GetPageAsync($"/partnerships/{pid}/outcomes");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(empty.QuerySelector("#no-themes"));
        Assert.Equal(HttpStatusCode.Redirect, usual.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, theme.StatusCode);
        Assert.Equal($"/partnerships/{pid}/outcomes#theme-6", theme.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(["The framework already has a theme called best start in life"], (await Browser.ParseAsync(twice)).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, unplaced.StatusCode);
        Assert.Equal(["Select an indicator of the library that is not yet in a theme", "Select the theme"], (await Browser.ParseAsync(unplaced)).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        Assert.Equal(["Best start in life", "Inclusion", "Attendance", "Attainment", "SEND", "Childminders"], framework.QuerySelectorAll("h2[id^='theme-']").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Bolton", "Stockport"], framework.QuerySelectorAll("div[data-theme='Childminders'] tbody[data-indicator='Childminders in the pilot network'] tr")
            .Select(r => r.GetAttribute("data-council")));
    }

    [Fact]
    public async Task A_council_sets_its_target_and_enters_its_values_on_the_page_and_the_indicator_page_rates_charts_and_downloads_them()
    {
        var officer = await SignInAsync("officer@stockport.demo");
        var id = await NewEnteredIndicatorAsync(officer, "Schools in a formal partnership", tolerance: 5);

        var target = await officer.SubmitAsync($"/indicators/{id}/target", "main form",
            ("Input.BaselinePeriod", "Summer term 2026"), ("Input.BaselineValue", "38"), ("Input.Target", "50"), ("Input.TargetPeriod", "Summer term 2027"));
        var autumn = await officer.SubmitAsync($"/indicators/{id}", "#record",
            ("Value.Period", "Autumn term 2026"), ("Value.PeriodEnd.Day", "31"), ("Value.PeriodEnd.Month", "12"), ("Value.PeriodEnd.Year", "2026"), ("Value.Value", "40"));
        var spring = await officer.SubmitAsync($"/indicators/{id}", "#record",
            ("Value.Period", "Spring term 2027"), ("Value.PeriodEnd.Day", "31"), ("Value.PeriodEnd.Month", "3"), ("Value.PeriodEnd.Year", "2027"), ("Value.Value", "52"));
        var bad = await officer.SubmitAsync($"/indicators/{id}", "#record", ("Value.Period", "Summer term 2027"), ("Value.PeriodEnd.Day", "31"), ("Value.Value", "lots"));
        var badPage = await Browser.ParseAsync(bad);
        var (_, page) = await (await SignInAsync("viewer@tameside.demo")).GetPageAsync($"/indicators/{id}");
        var csv = await officer.GetAsync($"/api/indicators/{id}/values?format=csv");

        Assert.All([target, autumn, spring], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["End of the period must include a month and a year", "Enter the value as a number, like 72.5"], badPage.ErrorMessages());
        // 52 meets the target of 50: green; up from 40: improving.
        Assert.Equal(["38% Summer term 2026", "52% Spring term 2027, entered", "50% by Summer term 2027", "Green: on target", "Improving from 40% in Autumn term 2026"],
            Cells(page, "Schools in a formal partnership", "Stockport"));
        Assert.Equal(["Red: off target", "Green: on target"], page.QuerySelectorAll("#values tbody .app-rag").Select(t => t.TextContent.Trim()));   // 40 is 10 short
        var chart = page.QuerySelector("#trend svg")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.StartsWith("Stockport: 2 values from Autumn term 2026 to Spring term 2027; the latest, 52% in Spring term 2027, Green: on target against a target of 50%, improving from 40% in Autumn term 2026. Tameside: no values yet.",
            page.Text("#trend-desc"), StringComparison.Ordinal);
        Assert.Equal(2, chart.QuerySelectorAll("circle title").Length);   // Stockport's two points (Tameside, with none, is in the legend only)
        Assert.Null(page.QuerySelector("#record"));                        // a viewer enters nothing
        Assert.Equal(TableExportCsv, (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n")[0]);
        Assert.Contains("Stockport,Spring term 2027,52,Green: on target,Entered,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await ReadAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(OutcomeValue)).OrderByDescending(a => a.When).FirstAsync());
        Assert.Equal(("officer@stockport.demo", Concord.Core.Auditing.AuditAction.Created), (audit.Actor, audit.Action));
        Assert.Contains("\"Spring term 2027\"", audit.Changes, StringComparison.Ordinal);
    }

    private const string TableExportCsv = "Council,Period,Value,Rating against target,Origin,Source,Note";

    [Fact]
    public async Task A_target_changed_against_an_old_version_is_refused_and_the_latest_is_kept()
    {
        var client = await SignInAsync("officer@tameside.demo");
        var id = await NewEnteredIndicatorAsync(client, "Settings with a named early years lead");
        var set = await client.PutAsJsonAsync($"/api/indicators/{id}/targets/Tameside", new { target = 80m, targetPeriod = "2027/28" });
        var version = (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("targetVersion").GetGuid();

        var first = await client.PutAsJsonAsync($"/api/indicators/{id}/targets/E08000008", new { target = 85m, version });
        var second = await client.PutAsJsonAsync($"/api/indicators/{id}/targets/Tameside", new { target = 90m, version });
        var unversioned = await client.PutAsJsonAsync($"/api/indicators/{id}/targets/Tameside", new { target = 95m });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unversioned.StatusCode);
        Assert.Equal(85m, await ReadAsync(db => db.OutcomeTargets.Where(t => t.IndicatorId == id).Select(t => t.Target).SingleAsync()));
    }

    [Fact]
    public async Task Values_uploaded_as_CSV_are_saved_together_and_a_file_with_any_bad_line_saves_nothing_naming_each_line_and_column()
    {
        var partnership = await DemoPartnershipAsync();
        var client = await SignInAsync("officer@stockport.demo");
        var id = await NewEnteredIndicatorAsync(client, "Upload test indicator");
        const string bad = """
            Indicator,Council,Period,PeriodEnd,Value,Note
            Upload test indicator,Stockport,Autumn term 2026,2026-12-31,55,
            Nonexistent indicator,,Spring term 2027,2027-03-31,60,
            Upload test indicator,Tameside,Spring term 2027,2027-03-31,60,
            Upload test indicator,,Summer term 2027,31 July 2027x,60,
            Upload test indicator,,Summer term 2027,2027-07-31,lots,
            Good level of development at age 5,,2026,2026-08-31,70,
            Upload test indicator,,,2027-08-31,61,
            Upload test indicator,E08000007,Autumn term 2026 again,31/12/2026,56,
            """;
        const string good = """
            Indicator,Period,Period end,Value
            Upload test indicator,Autumn term 2026,31/12/2026,55
            upload test indicator,Spring term 2027,2027-03-31,58.5
            """;

        var refused = await client.PostAsync($"/api/partnerships/{partnership.Id}/outcomes/values", new StringContent(bad, Encoding.UTF8, "text/csv"));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var refusedPage = await UploadPageAsync(client, $"/partnerships/{partnership.Id}/outcomes/upload", bad);
        var pageProblems = (await Browser.ParseAsync(refusedPage)).QuerySelectorAll("#problems li").Select(li => li.TextContent.Trim()).ToList();
        var nothing = await ReadAsync(db => db.OutcomeValues.CountAsync(v => v.IndicatorId == id));
        var accepted = await client.PostAsync($"/api/partnerships/{partnership.Id}/outcomes/values", new StringContent(good, Encoding.UTF8, "text/csv"));
        var again = await UploadPageAsync(client, $"/partnerships/{partnership.Id}/outcomes/upload", good.Replace("58.5", "59", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        string[] expected =
        [
            "Line 3, column Indicator: 'Nonexistent indicator' is not an indicator of the framework",
            "Line 4, column Council: you can upload values only for Stockport, the council you work for, not Tameside",
            "Line 5, column PeriodEnd: '31 July 2027x' is not a date (write it as 2025-12-31 or 31/12/2025)",
            "Line 6, column Value: 'lots' is not a number",
            "Line 7, column Indicator: Good level of development at age 5 is read from published data, so its values cannot be uploaded",
            "Line 8, column Period: enter the period, for example Autumn term 2025 or 2024/25",
            "Line 9, column PeriodEnd: line 2 already gives Upload test indicator for the period ending 31 December 2026",
        ];
        Assert.Equal(expected, problem.GetProperty("errors").GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, refusedPage.StatusCode);
        Assert.Equal(expected, pageProblems);
        Assert.Equal(0, nothing);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal((2, 0), await accepted.Content.ReadFromJsonAsync<UploadResult>() is { } r ? (r.Added, r.Changed) : default);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var values = await ReadAsync(db => db.OutcomeValues.Where(v => v.IndicatorId == id).OrderBy(v => v.PeriodEnd).Select(v => v.Value).ToListAsync());
        Assert.Equal([55m, 59m], values);
    }

    private sealed record UploadResult(int Added, int Changed);

    [Fact]
    public async Task A_stranger_is_sent_to_sign_in_and_the_API_answers_401()
    {
        var partnership = await DemoPartnershipAsync();
        var stranger = App.Anonymous();

        var page = await stranger.GetAsync($"/partnerships/{partnership.Id}/outcomes");
        var api = await stranger.GetAsync("/api/indicators");
        var write = await stranger.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/indicators", new { name = "Stranger's indicator" });

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/sign-in", page.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    [Fact]
    public async Task Tameside_staff_see_Stockports_values_but_cannot_write_them_by_API_page_or_database()
    {
        var partnership = await DemoPartnershipAsync();
        var indicator = await IndicatorAsync(TeamAroundTheSchool);
        var stockport = await AuthorityAsync("Stockport");
        var tameside = await AuthorityAsync("Tameside");
        var before = await ReadAsync(db => db.OutcomeValues.Where(v => v.AuthorityId == stockport.Id).Select(v => new { v.Id, v.Value, v.Version }).ToListAsync());
        var target = await ReadAsync(db => db.OutcomeTargets.SingleAsync(t => t.IndicatorId == indicator.Id && t.AuthorityId == stockport.Id));
        var client = await SignInAsync("programme@tameside.demo");

        var value = await client.PostAsJsonAsync($"/api/indicators/{indicator.Id}/values", new { council = "Stockport", period = "Summer term 2026", periodEnd = "2026-07-31", value = 10m });
        var retarget = await client.PutAsJsonAsync($"/api/indicators/{indicator.Id}/targets/{stockport.OnsCode}", new { target = 1m, version = target.Version });
        var upload = await UploadPageAsync(client, $"/partnerships/{partnership.Id}/outcomes/upload",
            $"Indicator,Council,Period,PeriodEnd,Value\n{TeamAroundTheSchool},Stockport,Summer term 2026,2026-07-31,10\n");
        var uploadPage = await Browser.ParseAsync(upload);
        var (_, page) = await client.GetPageAsync($"/indicators/{indicator.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, value.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retarget.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal(["Line 2, column Council: you can upload values only for Tameside, the council you work for, not Stockport"],
            uploadPage.QuerySelectorAll("#problems li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["72% Autumn term 2025", "81% Spring term 2026, entered"], Cells(page, TeamAroundTheSchool, "Stockport")[..2]);
        Assert.Null(page.QuerySelector("#councils tr[data-council='Stockport'] a[href$='/target']"));
        Assert.NotNull(page.QuerySelector("#councils tr[data-council='Tameside'] a[href$='/target']"));

        var officer = new FixedUser(tameside.Id, Role.Officer);
        await using (var db = App.Database.Open(officer))
        {
            var seen = await db.OutcomeValues.Where(v => v.AuthorityId == stockport.Id).ToListAsync();
            Assert.Equal(before.Select(b => b.Id).Order(), seen.Select(v => v.Id).Order());      // read through the joint framework
            db.Entry(seen[0]).Property(nameof(OutcomeValue.Value)).CurrentValue = 1m;
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using (var db = App.Database.Open(officer))
        {
            var team = await db.Indicators.SingleAsync(i => i.Id == indicator.Id);
            var lie = new Actor(null, "forged", stockport.Id, DateTimeOffset.UtcNow);
            db.OutcomeValues.Add(OutcomeValue.Record(team, stockport.Id, [stockport.Id, tameside.Id], [], new ValueDetails("Summer term 2026", new DateOnly(2026, 7, 31), 10m, null), lie));
            db.OutcomeTargets.Remove(await db.OutcomeTargets.SingleAsync(t => t.Id == target.Id));
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        var after = await ReadAsync(db => db.OutcomeValues.Where(v => v.AuthorityId == stockport.Id).Select(v => new { v.Id, v.Value, v.Version }).ToListAsync());
        Assert.Equal(before.OrderBy(b => b.Id), after.OrderBy(a => a.Id));
        Assert.Equal(target.Version, (await ReadAsync(db => db.OutcomeTargets.SingleAsync(t => t.Id == target.Id))).Version);
    }

    [Fact]
    public async Task A_council_outside_the_partnership_sees_nothing_of_its_framework_and_cannot_add_to_it()
    {
        var partnership = await DemoPartnershipAsync();
        var bolton = await AuthorityAsync("Bolton");
        var indicator = await IndicatorAsync(TeamAroundTheSchool);
        await using var db = App.Database.Open(new FixedUser(bolton.Id, Role.Officer));

        Assert.Empty(await db.Indicators.Where(i => i.PartnershipId == partnership.Id).ToListAsync());
        Assert.Empty(await db.OutcomeThemes.Where(t => t.PartnershipId == partnership.Id).ToListAsync());
        Assert.Empty(await db.OutcomeValues.Where(v => v.PartnershipId == partnership.Id).ToListAsync());
        Assert.Empty(await db.OutcomeTargets.Where(t => t.PartnershipId == partnership.Id).ToListAsync());
        var planted = await db.Indicators.IgnoreQueryFilters().SingleAsync(i => i.Id == indicator.Id);
        db.OutcomeThemes.Add(OutcomeTheme.Create(partnership.Id, "Planted by Bolton", null, []));
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.OutcomeValues.Add(OutcomeValue.Record(planted, bolton.Id, [bolton.Id], [], new ValueDetails("2026", new DateOnly(2026, 8, 31), 1m, null),
            new Actor(null, "Bolton officer", bolton.Id, DateTimeOffset.UtcNow)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_viewer_reads_the_framework_but_writes_nothing_by_page_API_or_database()
    {
        var partnership = await DemoPartnershipAsync();
        var indicator = await IndicatorAsync(TeamAroundTheSchool);
        var stockport = await AuthorityAsync("Stockport");
        var viewer = await SignInAsync("viewer@stockport.demo");

        var (_, page) = await viewer.GetPageAsync($"/indicators/{indicator.Id}");
        var newPage = await viewer.GetAsync("/indicators/new");
        var targetPage = await viewer.GetAsync($"/indicators/{indicator.Id}/target");
        var create = await viewer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/indicators", new { name = "Viewer's indicator" });
        var value = await viewer.PostAsJsonAsync($"/api/indicators/{indicator.Id}/values", new { period = "Summer term 2026", periodEnd = "2026-07-31", value = 90m });
        var upload = await viewer.PostAsync($"/api/partnerships/{partnership.Id}/outcomes/values",
            new StringContent($"Indicator,Period,PeriodEnd,Value\n{TeamAroundTheSchool},Summer term 2026,2026-07-31,90\n", Encoding.UTF8, "text/csv"));
        await using var db = App.Database.Open(new FixedUser(stockport.Id, Role.Viewer));
        var own = await db.Indicators.SingleAsync(i => i.Id == indicator.Id);
        db.OutcomeValues.Add(OutcomeValue.Record(own, stockport.Id, [stockport.Id, (await AuthorityAsync("Tameside")).Id], [],
            new ValueDetails("Summer term 2026", new DateOnly(2026, 7, 31), 90m, null), new Actor(null, "viewer", stockport.Id, DateTimeOffset.UtcNow)));

        Assert.NotNull(page.QuerySelector("#councils"));
        Assert.Null(page.QuerySelector("#record"));
        Assert.Null(page.QuerySelector("a[href$='/target']"));
        Assert.All([newPage, targetPage, create, value, upload], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_option_page_shows_the_indicators_it_aims_to_move_and_each_indicator_page_shows_the_option()
    {
        await EnsureLaitAsync();
        var poc = await ReadAsync(db => db.Options.SingleAsync(o => o.IsProofOfConcept));
        var hub = await OptionAsync("Quality and Improvement Hub");
        var gld = await IndicatorAsync(Gld);
        var absence = await IndicatorAsync(Absence);
        var client = await SignInAsync("officer@tameside.demo");

        var (_, pocPage) = await client.GetPageAsync($"/options/{poc.Id}");
        var (_, gldPage) = await client.GetPageAsync($"/indicators/{gld.Id}");
        var chosen = await client.SubmitAsync($"/options/{hub.Id}/indicators", "main form", ("Input.IndicatorIds", absence.Id.ToString()));
        var (_, hubPage) = await client.GetPageAsync($"/options/{hub.Id}");
        var (_, absencePage) = await client.GetPageAsync($"/indicators/{absence.Id}");
        var api = await client.PutAsJsonAsync($"/api/options/{hub.Id}/indicators", new { indicatorIds = new[] { absence.Id, gld.Id } });
        var linked = await client.GetFromJsonAsync<List<JsonElement>>($"/api/options/{hub.Id}/indicators");

        Assert.Equal(["Amber: near target", "Worsening from 68.7% in 2024"], Cells(pocPage, Gld, "Stockport")[3..]);
        Assert.Contains("Shared early years education improvement leadership (proof of concept) (implemented)", gldPage.Text("#options"), StringComparison.Ordinal);
        Assert.NotNull(gldPage.QuerySelector($"#options a[href='/options/{poc.Id}']"));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal([Absence], hubPage.QuerySelectorAll("tbody[data-indicator]").Select(t => t.GetAttribute("data-indicator")));
        Assert.Equal(["Red: off target", "Improving from 18.51% in 2024"], Cells(hubPage, Absence, "Stockport")[3..]);
        Assert.NotNull(absencePage.QuerySelector($"#options a[href='/options/{hub.Id}']"));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal([Gld, Absence], linked!.Select(i => i.GetProperty("name").GetString()));
    }
}

public sealed class OutcomesTestsOnSqlite(SqliteApp app) : OutcomesTests<SqliteApp>(app);

public sealed class OutcomesTestsOnPostgres(PostgresApp app) : OutcomesTests<PostgresApp>(app);
