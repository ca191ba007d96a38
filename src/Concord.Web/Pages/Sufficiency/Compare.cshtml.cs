using System.Globalization;
using Concord.Core;
using Concord.Web.Api;
using Concord.Web.Infrastructure.Charts;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>Up to four scenarios side by side by school year (/partnerships/{id}/scenarios/compare?ids=current&amp;ids={id}).</summary>
[Authorize(Policy = Policies.Read)]
public sealed class CompareModel(PlacementReader reader) : ConcordPageModel
{
    public PlanningContext Context { get; private set; } = null!;

    public IReadOnlyList<ScenarioOutlook> Outlooks { get; private set; } = [];

    public string Query { get; private set; } = string.Empty;

    public TrendChart? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid partnershipId, [FromQuery] string[]? ids, CancellationToken cancellationToken)
    {
        if (await reader.PartnershipAsync(partnershipId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Context = await reader.ContextAsync(view, cancellationToken);
        Query = string.Join(",", ids is { Length: > 0 } ? ids : ["current"]);
        try
        {
            var scenarios = await PlacementApi.ChosenAsync(Query, partnershipId, reader, cancellationToken);
            Outlooks = await reader.CompareAsync(Context, scenarios, 10, cancellationToken);
        }
        catch (RuleViolationException violations)
        {
            ModelState.AddModelError("ids", violations.Violations[0].Message);
            return Invalid();
        }

        Chart = GapChart(Outlooks);
        return Page();
    }

    /// <summary>The gap between specialist places needed and local places, a line per scenario.</summary>
    public static TrendChart GapChart(IReadOnlyList<ScenarioOutlook> outlooks)
    {
        var years = outlooks[0].Years.Select(y => y.Year).ToList();
        var series = outlooks.Select(o => new TrendSeries(o.Name, o.Years.Select(y => new TrendValue(SufficiencyCharts.Label(y.Year), Math.Round(y.Gap),
            $"{o.Name}, {SufficiencyCharts.SchoolYear(y.Year)}: {Gap(y.Gap)}")).ToList())).ToList();
        var description = "The capacity gap, specialist places needed less local places, by school year: " + string.Join("; ", outlooks.Select(o =>
            $"{o.Name} from {Gap(o.Years[0].Gap)} in {SufficiencyCharts.SchoolYear(o.Years[0].Year)} to {Gap(o.Years[^1].Gap)} in {SufficiencyCharts.SchoolYear(o.Years[^1].Year)}")) + ". The table below gives every year.";
        return TrendChart.Build("Capacity gap by school year", description, "School years by the year they start. Above zero, places are short; below zero, spare.",
            years.Select(SufficiencyCharts.Label).ToList(), series, [new TrendReference("No gap", 0)], v => v.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))) with
        { Id = "gap-chart" };
    }

    public static string Gap(decimal gap) => gap > 0 ? $"{SufficiencyCharts.Whole(gap)} places short" : $"{SufficiencyCharts.Whole(-gap)} places spare";

    /// <summary>The tables under the chart: each a figure by school year, a column per scenario.</summary>
    public static IReadOnlyList<(string Id, string Caption, Func<ScenarioYear, string> Figure)> Tables { get; } =
    [
        ("gap-table", "Capacity gap: specialist places needed less local places", y => $"{SufficiencyCharts.Whole(y.Demand)} needed, {y.LocalPlaces:N0} local: {Gap(y.Gap)}"),
        ("cost-table", "Annual cost of the plan: places and travel of the children placed", y => Core.Finance.Money.Format(y.TotalCost)),
        ("out-of-borough-table", "Children placed out of borough", y => y.OutOfBorough.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))),
        ("unplaced-table", "Children left unplaced (no place in reach)", y => $"{y.Unplaced:N0} of {y.Children:N0}"),
    ];
}
