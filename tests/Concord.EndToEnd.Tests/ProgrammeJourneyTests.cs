using Microsoft.Playwright;

namespace Concord.EndToEnd.Tests;

/// <summary>
/// The joint Director of Education, a programme lead in both councils, takes a new option from
/// Stage 1 to Implemented in the browser: the evidence for each gate, each council's Key Decision
/// test and decision (switching council to record each), and every move. Each page is scanned.
/// </summary>
public sealed class ProgrammeJourneyTests(BrowserFixture fixture) : BrowserTests(fixture)
{
    [Fact]
    public async Task An_option_walks_from_formulation_to_implemented_with_both_councils_approving()
    {
        await using var journey = await Journey.StartAsync(Fixture);
        var page = journey.Page;
        var last = DateTime.Today.AddDays(-7);

        async Task Submit(string button)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await journey.ScanAsync();
        }

        Task Fill(string id, string text) => page.Locator($"#{id}").FillAsync(text);
        Task Choose(string name, string value) => page.Locator($"input[name='{name}'][value='{value}']").CheckAsync();

        async Task Date(string id, DateTime date)
        {
            await Fill(id, date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Fill($"{id}_Month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Fill($"{id}_Year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        async Task Appraise(string part, Func<Task> fill)
        {
            await journey.OpenAsync($"{OptionPath()}/appraisal/{part}");
            await fill();
            await Submit("Save");
        }

        async Task SwitchTo(string council)
        {
            await page.GetByLabel("Switch to").SelectOptionAsync(new SelectOptionValue { Label = council });
            await Submit("Switch authority");
        }

        string? optionPath = null;
        string OptionPath() => optionPath!;

        async Task Advance(string to)
        {
            await journey.OpenAsync(OptionPath());
            Assert.Equal(0, await page.Locator("#gate-criteria .govuk-tag").CountAsync());
            await Submit($"Move to {to}");
            Assert.Contains(to, await page.Locator(".govuk-notification-banner__heading").InnerTextAsync(), StringComparison.Ordinal);
        }

        await journey.SignInAsync("director@partnership.demo");
        await journey.FollowAsync("Programme");
        await journey.FollowAsync("Options");
        await journey.FollowAsync("Add an option");
        await Fill("Input_Title", "Shared virtual school");
        await Fill("Input_Summary", "One virtual school for children looked after by either council, wherever they go to school.");
        await Fill("Input_ServiceArea", "Education of children looked after");
        await page.GetByLabel("Common issues handled once instead of twice").CheckAsync();
        await Submit("Save option");
        optionPath = new Uri(page.Url).AbsolutePath;
        Assert.Equal("Shared virtual school", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(5, await page.Locator("#gate-criteria .govuk-tag").CountAsync());

        // Stage 1: formulation.
        await journey.OpenAsync($"{OptionPath()}/cost-benefit");
        await journey.FollowAsync("Prepare the cost-benefit analysis");
        foreach (var (row, scenario, council, kind, description, amounts) in new[]
        {
            (0, "Do nothing", "Stockport", "Recurring cost", "Stockport head of virtual school", "70000 70000 70000 70000 70000"),
            (1, "Do nothing", "Tameside", "Recurring cost", "Tameside head of virtual school", "70000 70000 70000 70000 70000"),
            (2, "The option", "Stockport", "Recurring cost", "Half of one head of virtual school", "35000 35000 35000 35000 35000"),
            (3, "The option", "Tameside", "Recurring cost", "Half of one head of virtual school", "70000 35000 35000 35000 35000"),
        })
        {
            await page.Locator($"#Input_Lines_{row}__Scenario").SelectOptionAsync(new SelectOptionValue { Label = scenario });
            await page.Locator($"#Input_Lines_{row}__AuthorityId").SelectOptionAsync(new SelectOptionValue { Label = council });
            await page.Locator($"#Input_Lines_{row}__Kind").SelectOptionAsync(new SelectOptionValue { Label = kind });
            await Fill($"Input_Lines_{row}__Description", description);
            await Fill($"Input_Lines_{row}__Amounts", amounts);
        }

        await Fill("Input_DescribedBenefits", "One virtual school standard for children looked after in both boroughs");
        await Submit("Save cost-benefit analysis");
        Assert.Equal(5, await page.Locator("#increment tbody tr").CountAsync());
        await Appraise("eqia", () => Choose("Input.Eqia", "FullAssessmentNeeded"));
        await Appraise("considerations", async () =>
        {
            await Fill("Input_HrConsiderations", "One post deleted by agreement; no TUPE transfer.");
            await Fill("Input_LegalConsiderations", "Each council keeps its statutory duty; delegation under section 101.");
        });
        await journey.OpenAsync($"{OptionPath()}");
        await journey.FollowAsync("See the option's risk log");
        await journey.FollowAsync("Add a risk");
        await Fill("Input_Title", "Schools in one borough see less of the virtual school");
        await Fill("Input_Implication", "Attainment of children looked after falls in that borough");
        await Fill("Input_Mitigation", "A named adviser for each borough's schools");
        await Fill("Input_Owner", "Head of the virtual school");
        await Choose("Input.Scope", "Partnership");
        foreach (var (name, value) in new[] { ("InherentLikelihood", "3"), ("InherentImpact", "4"), ("CurrentLikelihood", "2"), ("CurrentImpact", "4"), ("TargetLikelihood", "1"), ("TargetImpact", "3") })
        {
            await Choose($"Input.{name}", value);
        }

        await Date("Input_ReviewDate", DateTime.Today.AddMonths(3));
        await Submit("Save risk");
        await journey.FollowAsync("Board");
        await journey.FollowAsync("Add a meeting");
        await Date("Input_Date", last);
        await Fill("Input_Location", "Stopford House, Stockport");
        await Submit("Save meeting");
        await Fill("NewItem_Title", "Shared virtual school: formulation");
        await page.GetByLabel("Option it is about").SelectOptionAsync(new SelectOptionValue { Label = "Shared virtual school" });
        await Submit("Add to the agenda");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record advice" }).First.ClickAsync();
        await journey.ScanAsync();
        await Fill("Input_Advice", "Proceed to due diligence, engaging the designated teachers early.");
        await Submit("Save advice");
        await Advance("stage 2: due diligence");
        await journey.SaveScreenshotAsync("option-gate");

        // Stage 2: due diligence.
        await journey.FollowAsync("Engagement");
        await journey.FollowAsync("Add an exercise");
        await Fill("Input_Title", "Virtual school listening exercise");
        await page.GetByLabel("Option", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Shared virtual school" });
        await Choose("Input.Status", "Complete");
        await page.GetByLabel("Schools", new() { Exact = true }).CheckAsync();
        await Submit("Save exercise");
        await page.GetByLabel("Group").SelectOptionAsync(new SelectOptionValue { Label = "Schools" });
        await Fill("NewFeedback_Theme", "Named contact");
        await Fill("NewFeedback_YouSaid", "We want to know who to call about a child.");
        await Submit("Add feedback");
        await page.GetByRole(AriaRole.Link, new() { Name = "Respond" }).First.ClickAsync();
        await journey.ScanAsync();
        await Fill("Input_WeDid", "Each school has a named adviser, listed on the school's page.");
        await Submit("Save response");
        await Appraise("monitoring", async () =>
        {
            await Fill("Input_MonitoringMethod", "Termly reports to both corporate parenting panels.");
            await Fill("Input_Indicators", "Attendance and attainment of children looked after; personal education plans on time.");
        });
        await Appraise("agreement", () => Choose("Input.AgreementNeed", "Needed"));
        await journey.OpenAsync($"{OptionPath()}/appraisal/agreement");
        await journey.FollowAsync("Add an agreement for this option");
        await Fill("Input_Title", "Shared virtual school agreement");
        foreach (var (row, council, kind, description, value) in new[]
        {
            (0, "Stockport", "Money", "Half of the head of the virtual school", "35000"),
            (1, "Tameside", "Money", "Half of the head of the virtual school", "35000"),
            (2, "Tameside", "Premises", "Office at Tameside One", "4000"),
        })
        {
            await page.Locator($"#Input_Contributions_{row}__AuthorityId").SelectOptionAsync(new SelectOptionValue { Label = council });
            await page.Locator($"#Input_Contributions_{row}__Kind").SelectOptionAsync(new SelectOptionValue { Label = kind });
            await Fill($"Input_Contributions_{row}__Description", description);
            await Fill($"Input_Contributions_{row}__AnnualValue", value);
        }

        await Fill("Input_Contingency", "Each council's own children looked after team supports its schools if the virtual school fails.");
        await Submit("Save agreement");
        var agreementPath = new Uri(page.Url).AbsolutePath;
        Assert.Equal("Shared virtual school agreement", await page.Locator("h1").InnerTextAsync());
        await journey.FollowAsync("Add a KPI");
        await Fill("Input_Measure", "Personal education plans reviewed on time");
        await Fill("Input_Unit", "%");
        await Fill("Input_Target", "95");
        await Choose("Input.Polarity", "HigherIsBetter");
        await Choose("Input.Frequency", "Termly");
        await Fill("Input_Source", "Virtual school case management system");
        await Submit("Save KPI");
        foreach (var (period, end, value) in new[] { ("Autumn term", last.AddMonths(-8), "91"), ("Spring term", last.AddMonths(-4), "96"), ("Summer term", last, "97") })
        {
            await Fill("Actual_Period", $"{period} {end.Year}");
            await Date("Actual_PeriodEnd", end);
            await Fill("Actual_Value", value);
            await Submit("Record actual");
        }

        Assert.Equal(1, await page.Locator("#trend svg[role='img']").CountAsync());
        Assert.Equal(3, await page.Locator("#actuals tbody tr").CountAsync());
        foreach (var (council, body, outcome) in new[] { ("Stockport", "Cabinet (Cabinet)", "Approved"), ("Tameside", "Executive Cabinet (Cabinet)", "ApprovedWithConditions") })
        {
            if (council == "Tameside")
            {
                await SwitchTo("Tameside");
            }

            await journey.OpenAsync($"{OptionPath()}/key-decision");
            await Choose("Input.IsKeyDecision", "yes");
            await Fill("Input_Reasoning", "Affects children in every ward.");
            await Submit("Save");
            await journey.OpenAsync($"{OptionPath()}/decisions/new");
            await page.GetByLabel("Decision-making body").SelectOptionAsync(new SelectOptionValue { Label = body });
            await Date("Input_MeetingDate", last);
            await Choose("Input.IsKeyDecision", "yes");
            await Choose("Input.Outcome", outcome);
            if (outcome == "ApprovedWithConditions")
            {
                await Fill("Input_Conditions", "A report to scrutiny after six months.");
            }

            await Submit("Record decision");
        }

        await Advance("stage 3: implementation");

        // Stage 3: implementation.
        await Appraise("delivery", async () =>
        {
            await Fill("Input_DeliveryForum", "Virtual school delivery forum");
            await Fill("Input_AccountableOfficer", "Head of the virtual school");
            await Date("Input_FirstScrutinyReportOn", DateTime.Today.AddMonths(6));
            await Fill("Input_FirstScrutinyCommittee", "Children's Services Scrutiny Panel");
        });
        await journey.OpenAsync($"{agreementPath}/edit");
        await Choose("Input.Status", "Signed");
        await Date("Input_SignedOn", last);
        await Submit("Save agreement");
        Assert.Equal("Signed", (await page.Locator("#status .govuk-tag").InnerTextAsync()).Trim());
        await Advance("implemented");

        Assert.Equal("Implemented", (await page.Locator("h1 + p .govuk-tag").InnerTextAsync()).Trim());
        var history = await page.Locator("#history").InnerTextAsync();
        Assert.Contains("Stage 2: due diligence to Stage 3: implementation", history, StringComparison.Ordinal);
        Assert.Contains("Dr Robin Hart for Tameside", history, StringComparison.Ordinal);
        var decisions = await page.Locator("#council-decisions").InnerTextAsync();
        Assert.Contains("Approved by Cabinet", decisions, StringComparison.Ordinal);
        Assert.Contains("Approved with conditions by Executive Cabinet", decisions, StringComparison.Ordinal);
        Assert.True(journey.Visited.Count > 35, $"Only {journey.Visited.Count} pages visited");
        Assert.Empty(journey.Violations);
        Assert.Empty(journey.ConsoleErrors);
    }

    [Fact]
    public async Task The_programme_areas_and_downloads_are_accessible()
    {
        await using var journey = await Journey.StartAsync(Fixture);
        var page = journey.Page;
        await journey.SignInAsync("programme@tameside.demo");
        await journey.FollowAsync("Programme");
        foreach (var tab in new[] { "Options", "Board", "Risks", "Milestones", "Engagement", "Reports" })
        {
            await journey.FollowAsync(tab);
        }

        await journey.FollowAsync("Risks");
        await journey.SaveScreenshotAsync("risk-log");
        await page.Locator("table a[href^='/risks/']").First.ClickAsync();
        await journey.ScanAsync();
        await journey.FollowAsync("Milestones");
        await page.Locator("#milestone-table a").First.ClickAsync();
        await journey.ScanAsync();
        await journey.FollowAsync("Board");
        await page.Locator("a[href^='/board/meetings/']").First.ClickAsync();
        await journey.ScanAsync();
        await journey.FollowAsync("Engagement");
        await page.Locator("a[href^='/engagement/']").First.ClickAsync();
        await journey.ScanAsync();
        await journey.FollowAsync("Reports");
        await page.GetByLabel("Committee").SelectOptionAsync(new SelectOptionValue { Label = "Children's Services Scrutiny Panel" });
        await page.Locator("#Input_MeetingDate").FillAsync("2");
        await page.Locator("#Input_MeetingDate_Month").FillAsync("2");
        await page.Locator("#Input_MeetingDate_Year").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft the report" }).ClickAsync();
        await journey.ScanAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as Word (.docx)" }).ClickAsync());
        await journey.FollowAsync("Print view");
        await journey.OpenAsync("/governance/calendar");

        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Empty(journey.Violations);
        Assert.Empty(journey.ConsoleErrors);
    }
}
