using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Core.Access;
using Concord.Core.Finance;
using Concord.Core.Partnerships;
using Concord.Web.Infrastructure.Attention;
using Concord.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>Shared posts: the register's pages and API, the form's rules and splits, who may see them, and reviews due on the home page.</summary>
public abstract class SharedPostTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string Director = "Joint Director of Education";

    private async Task<(Partnership Partnership, Guid Stockport, Guid Tameside)> DemoAsync()
    {
        var partnership = await DemoPartnershipAsync();
        return (partnership, (await AuthorityAsync("Stockport")).Id, (await AuthorityAsync("Tameside")).Id);
    }

    /// <summary>A post starting in 2025, so that it never changes the demo's 2022-23 recharge statement.</summary>
    private static Dictionary<string, object?> PostBody(string title, Guid employer, Guid[] served, object? rule = null, decimal salary = 50_000m) => new()
    {
        ["title"] = title,
        ["arrangement"] = "JointAppointment",
        ["employingAuthorityId"] = employer,
        ["servedAuthorityIds"] = served,
        ["holder"] = "Sam Patel",
        ["fte"] = 0.8m,
        ["start"] = "2025-04-01",
        ["initialTermEnds"] = "2027-03-31",
        ["reviewDates"] = new[] { "2026-04-01", "2027-01-15" },
        ["salary"] = salary,
        ["onCosts"] = 14_000m,
        ["otherCosts"] = 1_000m,
        ["funding"] = served.Select(s => new { authorityId = s, source = "GeneralFund" }).ToArray(),
        ["rule"] = rule,
    };

    private async Task<JsonElement> NewPostAsync(HttpClient client, string title, object? rule = null)
    {
        var (partnership, stockport, tameside) = await DemoAsync();
        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/shared-posts", PostBody(title, stockport, [stockport, tameside], rule));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (string Name, string Value)[] PageFields(string title, Guid stockport, Guid tameside, params (string Name, string Value)[] overrides) =>
    [
        .. new (string Name, string Value)[]
        {
            ("Input.Title", title),
            ("Input.Arrangement", "SharedLeadershipRole"),
            ("Input.EmployingAuthorityId", tameside.ToString()),
            ("Input.Holder", "Jo Brennan"),
            ("Input.Fte", "1"),
            ("Input.Start.Day", "1"),
            ("Input.Start.Month", "9"),
            ("Input.Start.Year", "2025"),
            ("Input.ReviewDates", "1/9/2026\n1/3/2027"),
            ("Input.Salary", "48,000"),
            ("Input.OnCosts", "13440"),
            ("Input.OtherCosts", "0"),
            ($"Input.Funding[{stockport}]", "Dsg"),
            ($"Input.Funding[{tameside}]", "GeneralFund"),
            ("Input.RuleMethod", "FixedPercentages"),
            ($"Input.RuleShares[{stockport}]", "60"),
            ($"Input.RuleShares[{tameside}]", "40"),
        }.Where(f => overrides.All(o => o.Name != f.Name)),
        .. overrides,
    ];

    [Fact]
    public async Task A_post_added_on_the_page_with_fixed_percentages_is_saved_and_its_page_shows_every_field_and_each_councils_share()
    {
        var (partnership, stockport, tameside) = await DemoAsync();
        var client = await SignInAsync("officer@stockport.demo");

        var response = await client.SubmitAsync($"/partnerships/{partnership.Id}/shared-posts/new", "main form", PageFields("Lead for SEND Sufficiency", stockport, tameside));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = await ReadAsync(db => db.SharedPosts.SingleAsync(p => p.Title == "Lead for SEND Sufficiency"));
        Assert.Equal($"/shared-posts/{post.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(ApportionmentMethod.FixedPercentages, post.Rule.Method);
        Assert.Equal([60m, 40m], post.Rule.Weights([stockport, tameside]));
        Assert.Equal(61_440m, post.AnnualCost);
        Assert.Equal([new DateOnly(2026, 9, 1), new DateOnly(2027, 3, 1)], post.ReviewDates);
        Assert.Equal([FundingSource.Dsg, FundingSource.GeneralFund], post.Funding.OrderBy(f => f.AuthorityId == tameside).Select(f => f.Source));

        var (_, page) = await client.GetPageAsync($"/shared-posts/{post.Id}");
        var details = page.Text("#post");
        foreach (var expected in new[] { "Shared leadership role", "Employing authority Tameside", "Authorities served Stockport and Tameside", "Jo Brennan", "1 September 2025", "£48,000.00", "£13,440.00", "£61,440.00" })
        {
            Assert.Contains(expected, details, StringComparison.Ordinal);
        }

        Assert.Equal("Fixed percentages", page.Text("#rule"));
        Assert.Equal("Stockport Dedicated Schools Grant 60% £36,864.00", page.Text($"#shares tr[data-authority='{stockport}']"));
        Assert.Equal("Tameside General fund 40% £24,576.00", page.Text($"#shares tr[data-authority='{tameside}']"));
        var (_, list) = await client.GetPageAsync($"/partnerships/{partnership.Id}/shared-posts");
        Assert.Contains("Lead for SEND Sufficiency", list.Text($"#posts tr[data-id='{post.Id}']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_changed_on_the_page_to_a_driver_takes_each_councils_value_from_the_partnerships_measures()
    {
        var (_, stockport, tameside) = await DemoAsync();
        var client = await SignInAsync("officer@tameside.demo");
        var id = (await NewPostAsync(client, "Principal Educational Psychologist")).GetProperty("id").GetGuid();

        var response = await client.SubmitAsync($"/shared-posts/{id}/edit", "main form",
            ("Input.RuleMethod", "Driver"), ("Input.RuleDriver", "PopulationAged0To25"), ("Input.RuleDriverYear", "2021"));
        var (_, page) = await client.GetPageAsync($"/shared-posts/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = await ReadAsync(db => db.SharedPosts.SingleAsync(p => p.Id == id));
        Assert.Equal(ApportionmentDriver.PopulationAged0To25, post.Rule.Driver);
        Assert.Equal([83_763m, 70_383m], post.Rule.Weights([stockport, tameside]));
        Assert.Equal("In proportion to population aged 0 to 25 (2021)", page.Text("#rule"));
        var shares = ApportionmentRule.Create(ApportionmentMethod.Driver, ApportionmentDriver.PopulationAged0To25, 2021,
            [new(stockport, 83_763m), new(tameside, 70_383m)], [stockport, tameside]).Split(65_000m, [stockport, tameside]);
        Assert.EndsWith(Money.Format(shares[stockport]), page.Text($"#shares tr[data-authority='{stockport}']"), StringComparison.Ordinal);
        Assert.EndsWith(Money.Format(shares[tameside]), page.Text($"#shares tr[data-authority='{tameside}']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_driver_year_without_a_measure_for_every_council_is_refused_naming_the_missing_council()
    {
        var (partnership, stockport, tameside) = await DemoAsync();
        var client = await SignInAsync("officer@stockport.demo");
        var before = await ReadAsync(db => db.SharedPosts.CountAsync());

        var response = await client.SubmitAsync($"/partnerships/{partnership.Id}/shared-posts/new", "main form",
            PageFields("Driven by a missing year", stockport, tameside, ("Input.RuleMethod", "Driver"), ("Input.RuleDriver", "NumberOfSchools"), ("Input.RuleDriverYear", "2019")));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["There is no number of schools figure for Stockport and Tameside in 2019: enter it under apportionment measures first"], page.ErrorMessages());
        Assert.Equal(before, await ReadAsync(db => db.SharedPosts.CountAsync()));
    }

    [Fact]
    public async Task Bad_input_on_the_page_is_refused_naming_each_field_and_nothing_is_saved()
    {
        var (partnership, stockport, tameside) = await DemoAsync();
        var bolton = (await AuthorityAsync("Bolton")).Id;
        var client = await SignInAsync("officer@stockport.demo");
        var before = await ReadAsync(db => db.SharedPosts.CountAsync());

        // Bolton is not a member, so it is not offered; the form is sent as if it had been.
        var response = await client.SubmitAsync($"/partnerships/{partnership.Id}/shared-posts/new", "main form",
            PageFields("Badly entered post", stockport, tameside,
                ("Input.EmployingAuthorityId", bolton.ToString()),
                ("Input.End.Day", "31"), ("Input.End.Month", "8"), ("Input.End.Year", "2025"),
                ("Input.ReviewDates", "1/9/2026\n31/2/2027"),
                ("Input.Salary", "-5"),
                ($"Input.RuleShares[{tameside}]", "30")));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
        [
            "Select the employing council from the partnership's members",
            "The end date must be the same as or after the start date",
            "Review date \u201c31/2/2027\u201d must be a real date, like 1/9/2026",
            "The salary cannot be negative",
            "Percentages must add up to 100; these add up to 90",
        ], page.ErrorMessages());
        Assert.Equal(["#Input_EmployingAuthorityId", "#Input_End", "#Input_ReviewDates", "#Input_Salary", "#Input_RuleShares"],
            page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.QuerySelector("#Input_RuleShares-error"));
        Assert.Equal("Badly entered post", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(before, await ReadAsync(db => db.SharedPosts.CountAsync()));
    }

    [Fact]
    public async Task A_post_is_created_read_and_changed_through_the_API_with_its_version()
    {
        var (_, stockport, tameside) = await DemoAsync();
        var client = await SignInAsync("officer@stockport.demo");
        var other = await SignInAsync("officer@tameside.demo");
        var created = await NewPostAsync(client, "Virtual School Head", new { method = "FixedPercentages", shares = new[] { new { authorityId = stockport, value = 70m }, new { authorityId = tameside, value = 30m } } });
        var (id, version) = (created.GetProperty("id").GetGuid(), created.GetProperty("version").GetGuid());

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/shared-posts/{id}");
        var all = await client.GetFromJsonAsync<JsonElement>("/api/shared-posts");
        var body = PostBody("Virtual School Head (joint)", stockport, [stockport, tameside]);
        var withoutVersion = await client.PutAsJsonAsync($"/api/shared-posts/{id}", body);
        body["version"] = version;
        var changed = await client.PutAsJsonAsync($"/api/shared-posts/{id}", body);
        var stale = await other.PutAsJsonAsync($"/api/shared-posts/{id}", body);

        Assert.Equal(65_000m, read.GetProperty("annualCost").GetDecimal());
        Assert.Equal("Fixed percentages: Stockport 70%, Tameside 30%", read.GetProperty("rule").GetProperty("description").GetString());
        Assert.Equal([45_500m, 19_500m], read.GetProperty("yearlyShares").EnumerateArray().Select(s => s.GetProperty("value").GetDecimal()));
        Assert.Equal("2026-04-01", read.GetProperty("reviewDates")[0].GetString());
        Assert.Contains(all.EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        Assert.Contains(all.EnumerateArray(), p => p.GetProperty("title").GetString() == Director);
        Assert.Equal(HttpStatusCode.BadRequest, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var post = await ReadAsync(db => db.SharedPosts.SingleAsync(p => p.Id == id));
        Assert.Equal("Virtual School Head (joint)", post.Title);
        Assert.Equal(ApportionmentMethod.EqualShares, post.Rule.Method);
    }

    [Fact]
    public async Task Bad_input_through_the_API_is_refused_as_problem_details_naming_each_field_and_nothing_is_saved()
    {
        var (partnership, stockport, tameside) = await DemoAsync();
        var bolton = (await AuthorityAsync("Bolton")).Id;
        var client = await SignInAsync("officer@stockport.demo");
        var before = await ReadAsync(db => db.SharedPosts.CountAsync());
        var body = PostBody("Refused post", bolton, [stockport, tameside],
            new { method = "FixedPercentages", shares = new[] { new { authorityId = stockport, value = 50m }, new { authorityId = tameside, value = 40m } } }, salary: -1m);
        body["end"] = "2025-01-01";

        var response = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/shared-posts", body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal("Select the employing council from the partnership's members", errors.GetProperty("employingAuthorityId")[0].GetString());
        Assert.Equal("The salary cannot be negative", errors.GetProperty("salary")[0].GetString());
        Assert.Equal("The end date must be the same as or after the start date", errors.GetProperty("end")[0].GetString());
        Assert.Equal("Percentages must add up to 100; these add up to 90", errors.GetProperty("ruleShares")[0].GetString());
        Assert.Equal(before, await ReadAsync(db => db.SharedPosts.CountAsync()));
    }

    [Fact]
    public async Task A_stale_edit_on_the_page_is_refused_with_409_and_shows_the_saved_version()
    {
        var first = await SignInAsync("officer@stockport.demo");
        var second = await SignInAsync("officer@tameside.demo");
        var id = (await NewPostAsync(first, "Head of Admissions")).GetProperty("id").GetGuid();
        var (_, staleForm) = await second.GetPageAsync($"/shared-posts/{id}/edit");

        var saved = await first.SubmitAsync($"/shared-posts/{id}/edit", "main form", ("Input.Holder", "First holder"));
        var stale = await second.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)staleForm.QuerySelector("main form")!, ("Input.Holder", "Second holder"));
        var page = await Browser.ParseAsync(stale);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this shared post", page.ErrorMessages()[0], StringComparison.Ordinal);
        Assert.Equal("First holder", page.QuerySelector("#Input_Holder")!.GetAttribute("value"));
        Assert.Equal("First holder", await ReadAsync(db => db.SharedPosts.Where(p => p.Id == id).Select(p => p.Holder).SingleAsync()));
    }

    [Fact]
    public async Task A_viewer_reads_the_register_but_gets_403_on_every_write()
    {
        var (partnership, stockport, tameside) = await DemoAsync();
        var post = await ReadAsync(db => db.SharedPosts.FirstAsync(p => p.Title == Director));
        var viewer = await SignInAsync("viewer@stockport.demo");
        var count = await ReadAsync(db => db.SharedPosts.CountAsync());

        var (listResponse, list) = await viewer.GetPageAsync($"/partnerships/{partnership.Id}/shared-posts");
        var (detailsResponse, details) = await viewer.GetPageAsync($"/shared-posts/{post.Id}");
        var writes = new[]
        {
            await viewer.GetAsync($"/partnerships/{partnership.Id}/shared-posts/new"),
            await viewer.GetAsync($"/shared-posts/{post.Id}/edit"),
            await viewer.PostFormAsync($"/shared-posts/{post.Id}/edit", "/", PageFields("Viewer's post", stockport, tameside)),
            await viewer.PostFormAsync($"/partnerships/{partnership.Id}/measures", "/", ("Input.AuthorityId", stockport.ToString())),
            await viewer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/shared-posts", PostBody("Viewer's post", stockport, [stockport, tameside])),
            await viewer.PutAsJsonAsync($"/api/shared-posts/{post.Id}", PostBody("Viewer's post", stockport, [stockport, tameside])),
            await viewer.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/measures", new { authorityId = stockport, driver = "Ehcps", year = 2024, value = 1m, source = "Viewer" }),
        };

        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, detailsResponse.StatusCode);
        Assert.All(writes, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Empty(list.QuerySelectorAll("a[href$='/shared-posts/new']"));
        Assert.Null(details.QuerySelector($"a[href='/shared-posts/{post.Id}/edit']"));
        Assert.Equal(count, await ReadAsync(db => db.SharedPosts.CountAsync()));
    }

    [Fact]
    public async Task The_director_post_links_to_its_service_level_agreement()
    {
        var post = await ReadAsync(db => db.SharedPosts.SingleAsync(p => p.Title == Director));
        var agreement = await ReadAsync(db => db.Agreements.SingleAsync(a => a.Id == post.AgreementId));
        var client = await SignInAsync("finance@stockport.demo");

        var (_, page) = await client.GetPageAsync($"/shared-posts/{post.Id}");

        Assert.Equal($"/agreements/{agreement.Id}", page.QuerySelector("#agreement")!.GetAttribute("href"));
        Assert.Equal("Joint Director of Education service level agreement", page.Text("#agreement"));
        Assert.Equal("Secondment", page.Text("#post .govuk-summary-list__row:nth-child(2) dd"));
    }

    [Fact]
    public async Task Population_aged_0_to_25_is_taken_from_the_imported_ONS_estimates()
    {
        var partnership = await DemoPartnershipAsync();
        var stockport = await AuthorityAsync("Stockport");
        var client = await SignInAsync("officer@stockport.demo");
        var (_, page) = await client.GetPageAsync($"/partnerships/{partnership.Id}/measures");

        var response = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#from-ons")!);
        var estimate = await ReadAsync(db => db.PopulationEstimates.SingleAsync(p => p.AreaCode == "E08000007" && p.Year == 2020));
        var measures = await ReadAsync(db => db.ApportionmentMeasures
            .Where(m => m.PartnershipId == partnership.Id && m.Driver == Concord.Core.Finance.ApportionmentDriver.PopulationAged0To25 && m.Year >= 2019 && m.Year <= 2020).ToListAsync());
        var viewer = await (await SignInAsync("viewer@stockport.demo")).PostFormAsync($"/partnerships/{partnership.Id}/measures?handler=FromOns", $"/partnerships/{partnership.Id}/measures");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(4, measures.Count);
        var stockport2020 = measures.Single(m => m.AuthorityId == stockport.Id && m.Year == 2020);
        Assert.Equal(estimate.ByAge.Take(26).Sum(), stockport2020.Value);
        Assert.StartsWith("ONS mid-2020 population estimates", stockport2020.Source, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
    }

    [Fact]
    public async Task Measures_are_added_and_changed_on_the_page_and_through_the_API()
    {
        var (partnership, stockport, tameside) = await DemoAsync();
        var client = await SignInAsync("finance@tameside.demo");

        var added = await client.SubmitAsync($"/partnerships/{partnership.Id}/measures", "#measure-form",
            ("Input.AuthorityId", tameside.ToString()), ("Input.Driver", "Ehcps"), ("Input.Year", "2024"), ("Input.Value", "2,310"), ("Input.Source", "DfE SEN2 2024"));
        var changed = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/measures",
            new { authorityId = tameside, driver = "Ehcps", year = 2024, value = 2_315m, source = "DfE SEN2 2024, revised" });
        var refused = await client.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/measures",
            new { authorityId = stockport, driver = "Ehcps", year = 2024, value = -3m, source = "Nowhere" });
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/partnerships/{partnership.Id}/measures");
        var (_, page) = await client.GetPageAsync($"/partnerships/{partnership.Id}/measures");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The value cannot be negative", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("value")[0].GetString());
        var measure = await ReadAsync(db => db.ApportionmentMeasures.SingleAsync(m => m.AuthorityId == tameside && m.Driver == ApportionmentDriver.Ehcps && m.Year == 2024));
        Assert.Equal((2_315m, "DfE SEN2 2024, revised"), (measure.Value, measure.Source));
        Assert.Contains(listed.EnumerateArray(), m => m.GetProperty("driver").GetString() == "Ehcps" && m.GetProperty("value").GetDecimal() == 2_315m);
        var row = $"#measures tr[data-driver='Ehcps'][data-year='2024'][data-authority='{tameside}']";
        Assert.StartsWith("Education, health and care plans 2024 Tameside 2,315 DfE SEN2 2024, revised", page.Text(row), StringComparison.Ordinal);
        Assert.StartsWith("Population aged 0 to 25 2021 Stockport 83,763 ONS Census 2021, usual residents aged 0 to 25",
            page.Text($"#measures tr[data-driver='PopulationAged0To25'][data-year='2021'][data-authority='{stockport}']"), StringComparison.Ordinal);

        var changeLink = page.QuerySelector($"{row} a")!.GetAttribute("href")!;
        var (_, form) = await client.GetPageAsync(changeLink);
        var changedOnPage = await client.SubmitAsync(changeLink, "#measure-form", ("Input.Value", "2320"));
        Assert.Equal("2315", form.QuerySelector("#Input_Value")!.GetAttribute("value"));
        Assert.Equal("DfE SEN2 2024, revised", form.QuerySelector("#Input_Source")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, changedOnPage.StatusCode);
        Assert.Equal(2_320m, await ReadAsync(db => db.ApportionmentMeasures.Where(m => m.Id == measure.Id).Select(m => m.Value).SingleAsync()));
    }

    [Fact]
    public async Task A_council_outside_the_partnership_sees_none_of_its_posts_measures_or_recharges()
    {
        var tameside = await AuthorityAsync("Tameside");
        var bolton = await AuthorityAsync("Bolton");
        var lead = await SignInAsync("programme@tameside.demo");
        var created = await lead.PostAsJsonAsync("/api/partnerships", new { name = "Bolton and Tameside early help", startDate = "2025-04-01", memberAuthorityIds = new[] { tameside.Id, bolton.Id } });
        var other = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var post = await lead.PostAsJsonAsync($"/api/partnerships/{other}/shared-posts", PostBody("Early Help Lead", tameside.Id, [tameside.Id, bolton.Id]));
        var postId = (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stockport = await SignInAsync("finance@stockport.demo");

        var all = await stockport.GetFromJsonAsync<JsonElement>("/api/shared-posts");
        var answers = new[]
        {
            await stockport.GetAsync($"/api/shared-posts/{postId}"),
            await stockport.GetAsync($"/api/partnerships/{other}/measures"),
            await stockport.GetAsync($"/api/partnerships/{other}/recharges?year=2025-26"),
            await stockport.PutAsJsonAsync($"/api/shared-posts/{postId}", PostBody("Taken over", tameside.Id, [tameside.Id, bolton.Id])),
            await stockport.GetAsync($"/shared-posts/{postId}"),
            await stockport.GetAsync($"/shared-posts/{postId}/edit"),
            await stockport.GetAsync($"/partnerships/{other}/shared-posts"),
            await stockport.GetAsync($"/partnerships/{other}/measures"),
            await stockport.GetAsync($"/partnerships/{other}/recharges?year=2025-26"),
            await stockport.GetAsync($"/partnerships/{other}/recharges/what-if?year=2025-26"),
        };

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.DoesNotContain(all.EnumerateArray(), p => p.GetProperty("id").GetGuid() == postId);
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("Early Help Lead", await ReadAsync(db => db.SharedPosts.Where(p => p.Id == postId).Select(p => p.Title).SingleAsync()));
        await using var db = App.Database.Open(new FixedUser(bolton.Id, Role.Officer));
        Assert.Contains(postId, await db.SharedPosts.Select(p => p.Id).ToListAsync());
        Assert.False(await db.SharedPosts.AnyAsync(p => p.Title == Director));
    }

    [Fact]
    public async Task The_home_page_shows_a_shared_post_review_due_within_90_days_and_not_before()
    {
        var post = await ReadAsync(db => db.SharedPosts.SingleAsync(p => p.Title == Director));
        var now = App.Clock.GetUtcNow();
        var review = post.NextReview(Concord.Core.Formats.UkDate(now))!.Value;
        var client = await SignInAsync("officer@tameside.demo");
        var stockport = await AuthorityAsync("Stockport");
        var bolton = await AuthorityAsync("Bolton");

        var (_, home) = await client.GetPageAsync("/");
        var item = home.QuerySelectorAll("#attention li").Single(li => li.QuerySelector($"a[href='/shared-posts/{post.Id}']") is not null);
        var source = new SharedPostReviewsDue();
        var officer = new FixedUser(stockport.Id, Role.Officer);
        await using var db = App.Database.Open(officer);
        var onTheDay = await source.FindAsync(db, officer, Concord.Core.Formats.StartOfUkDay(review).AddHours(12), CancellationToken.None);
        var ninetyDaysBefore = await source.FindAsync(db, officer, Concord.Core.Formats.StartOfUkDay(review.AddDays(-90)).AddHours(12), CancellationToken.None);
        var ninetyOneDaysBefore = await source.FindAsync(db, officer, Concord.Core.Formats.StartOfUkDay(review.AddDays(-91)).AddHours(12), CancellationToken.None);
        await using var boltonDb = App.Database.Open(new FixedUser(bolton.Id, Role.Officer));

        Assert.True(review <= Concord.Core.Formats.UkDate(now).AddDays(90));
        Assert.Equal($"Shared post review due: {Director}", item.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal($"Review on {Concord.Core.Formats.Date(review)}; held by {post.Holder}", item.QuerySelector(".govuk-task-list__hint")!.TextContent.Trim());
        Assert.Contains(onTheDay, i => i.Href == $"/shared-posts/{post.Id}");
        Assert.Contains(ninetyDaysBefore, i => i.Href == $"/shared-posts/{post.Id}");
        Assert.DoesNotContain(ninetyOneDaysBefore, i => i.Href == $"/shared-posts/{post.Id}");
        Assert.DoesNotContain(await source.FindAsync(boltonDb, new FixedUser(bolton.Id, Role.Officer), now, CancellationToken.None), i => i.Href == $"/shared-posts/{post.Id}");
    }
}

public sealed class SharedPostTestsOnSqlite(SqliteApp app) : SharedPostTests<SqliteApp>(app);

public sealed class SharedPostTestsOnPostgres(PostgresApp app) : SharedPostTests<PostgresApp>(app);
