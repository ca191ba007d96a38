using Concord.Core;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concord.Web.Api;

public sealed record ScenarioDto(Guid Id, Guid PartnershipId, string Name, string? Description, PlanMode Mode, IReadOnlyList<ScenarioChange> Changes, IReadOnlyList<string> Described, Guid Version)
{
    public static ScenarioDto From(Scenario s, IReadOnlyList<string> described) => new(s.Id, s.PartnershipId, s.Name, s.Description, s.Mode, s.Changes, described, s.Version);
}

/// <summary>A scenario's name, mode and changes; send the version you read when changing one.</summary>
public sealed record ScenarioRequest(string? Name, string? Description, PlanMode? Mode, IReadOnlyList<ScenarioChange>? Changes, Guid? Version);

/// <summary>Run a plan: the mode to read it in first, a scenario (none for the registers as they are), the school year (by the year it starts), and limits (the acting council's by default).</summary>
public sealed record PlacementPlanRequest(PlanMode? Mode, Guid? ScenarioId, int? Year, double? MaxTravelKm, decimal? TravelCostPerKm);

public sealed record PlacementPlanDto(
    Guid Id, Guid PartnershipId, Guid? ScenarioId, string Scenario, PlanMode Mode, int Year, string SchoolYear, double MaxTravelKm, decimal TravelCostPerKm,
    bool Synthetic, IReadOnlyList<PlacementChildren> Children, PlacementSummary Plan, PlacementSummary Alone, PlacementSummary Sharing,
    IReadOnlyList<PlacementDifference> SharingDifference, PlacementDifference CombinedSharingDifference, DateTimeOffset RunAt, string RunBy, double SolveMilliseconds, double TotalMilliseconds)
{
    public static PlacementPlanDto From(PlacementPlan p) => new(p.Id, p.PartnershipId, p.ScenarioId, p.ScenarioName, p.Mode, p.Year, SufficiencyCharts.SchoolYear(p.Year),
        p.MaxTravelKm, p.TravelCostPerKm, p.Synthetic, p.Children, p.In(p.Mode), p.Alone, p.Sharing, p.Differences, p.CombinedDifference, p.RunAt, p.RunBy,
        Math.Round(p.SolveMilliseconds, 1), Math.Round(p.TotalMilliseconds, 1));
}

public sealed record ScenarioYearDto(int Year, string SchoolYear, decimal Demand, int LocalPlaces, decimal Gap, int BoughtPlaces, int Children, int Placed, int Unplaced, int OutOfBorough, int Independent, decimal TotalCost);

public sealed record ScenarioOutlookDto(Guid? ScenarioId, string Name, PlanMode Mode, IReadOnlyList<string> Changes, IReadOnlyList<ScenarioYearDto> Years)
{
    public static ScenarioOutlookDto From(ScenarioOutlook o) => new(o.ScenarioId, o.Name, o.Mode, o.Changes, o.Years.Select(y => new ScenarioYearDto(
        y.Year, SufficiencyCharts.SchoolYear(y.Year), Math.Round(y.Demand, 1), y.LocalPlaces, Math.Round(y.Gap, 1), y.BoughtPlaces, y.Children, y.Placed, y.Unplaced, y.OutOfBorough, y.Independent, y.TotalCost)).ToList());
}

/// <summary>A partnership's sufficiency scenarios and placement plans.</summary>
public static class PlacementApi
{
    public static void MapPlacementApi(this RouteGroupBuilder api)
    {
        var partnership = api.MapGroup("/partnerships/{partnershipId:guid}").WithTags("SEND sufficiency");
        partnership.MapGet("/scenarios", ListScenarios).WithName("ListScenarios").WithSummary("The partnership's saved sufficiency scenarios");
        partnership.MapPost("/scenarios", CreateScenario).WithName("CreateScenario").RequireAuthorization(Policies.Edit)
            .WithSummary("Saves a scenario: places added or removed, provisions opened or closed, costs or growth changed");
        partnership.MapGet("/scenarios/compare", CompareScenarios).WithName("CompareScenarios")
            .WithSummary("Up to four scenarios side by side by school year (ids=current,{id},…; years=10; format=json|csv): places needed, local places, the gap, and each year's plan");
        partnership.MapGet("/placement-plans", ListPlans).WithName("ListPlacementPlans").WithSummary("The placement plans run for the partnership, newest first");
        partnership.MapPost("/placement-plans", RunPlan).WithName("RunPlacementPlan").RequireAuthorization(Policies.Edit)
            .WithSummary("Runs and keeps a placement plan (mode Alone or Sharing, scenarioId, year), answering with its summary for each council and together, and what sharing changes");

        var scenario = api.MapGroup("/scenarios/{id:guid}").WithTags("SEND sufficiency");
        scenario.MapGet("/", GetScenario).WithName("GetScenario").WithSummary("A scenario with its changes in words");
        scenario.MapPut("/", UpdateScenario).WithName("UpdateScenario").RequireAuthorization(Policies.Edit).WithSummary("Changes a scenario; send the version you read");
        scenario.MapDelete("/", DeleteScenario).WithName("DeleteScenario").RequireAuthorization(Policies.Edit).WithSummary("Deletes a scenario (plans run with it keep its name)");

        api.MapGet("/placement-plans/{id:guid}", GetPlan).WithTags("SEND sufficiency").WithName("GetPlacementPlan").WithSummary("A placement plan with both modes' figures");
    }

    private static async Task<Results<Ok<List<ScenarioDto>>, NotFound>> ListScenarios(Guid partnershipId, PlacementReader reader, CancellationToken ct)
    {
        if (await reader.PartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var context = await reader.ContextAsync(view, ct);
        return TypedResults.Ok((await reader.ScenariosAsync(partnershipId, ct)).Select(s => ScenarioDto.From(s, Describe(s, context))).ToList());
    }

    public static IReadOnlyList<string> Describe(Scenario scenario, PlanningContext context)
    {
        var names = context.Provisions.ToDictionary(p => p.Id, p => p.Name);
        return scenario.Changes.Select(c => Scenario.Describe(c, id => names.GetValueOrDefault(id, "a provision"), id => id is null ? "every council" : context.View.NameOf(id))).ToList();
    }

    private static async Task<Results<Created<ScenarioDto>, NotFound>> CreateScenario(Guid partnershipId, ScenarioRequest request, PlacementReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.PartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var context = await reader.ContextAsync(view, ct);
        var scenario = Scenario.Create(partnershipId, request.Name, request.Description, request.Mode, request.Changes ?? [], context.Provisions, view.Members);
        await UniqueNameAsync(reader, scenario, ct);
        db.Scenarios.Add(scenario);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/scenarios/{scenario.Id}", ScenarioDto.From(scenario, Describe(scenario, context)));
    }

    /// <summary>Refuses a second scenario of the same name in the partnership, naming the field.</summary>
    public static async Task UniqueNameAsync(PlacementReader reader, Scenario scenario, CancellationToken ct)
    {
        if ((await reader.ScenariosAsync(scenario.PartnershipId, ct)).Any(s => s.Id != scenario.Id && string.Equals(s.Name, scenario.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RuleViolationException([new RuleViolation("Name", $"The partnership already has a scenario called {scenario.Name}")]);
        }
    }

    private static async Task<(Scenario Scenario, PlanningContext Context)?> FindAsync(Guid id, PlacementReader reader, ConcordDbContext db, CancellationToken ct)
    {
        var scenario = await db.Scenarios.FindAsync([id], ct);
        return scenario is not null && await reader.PartnershipAsync(scenario.PartnershipId, ct) is { } view ? (scenario, await reader.ContextAsync(view, ct)) : null;
    }

    private static async Task<Results<Ok<ScenarioDto>, NotFound>> GetScenario(Guid id, PlacementReader reader, ConcordDbContext db, CancellationToken ct) =>
        await FindAsync(id, reader, db, ct) is var (scenario, context) ? TypedResults.Ok(ScenarioDto.From(scenario, Describe(scenario, context))) : TypedResults.NotFound();

    private static async Task<Results<Ok<ScenarioDto>, NotFound>> UpdateScenario(Guid id, ScenarioRequest request, PlacementReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, db, ct) is not var (scenario, context))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        scenario.Change(request.Name, request.Description, request.Mode, request.Changes ?? [], context.Provisions, context.View.Members);
        await UniqueNameAsync(reader, scenario, ct);
        db.ExpectVersion(scenario, version);
        db.Touch(scenario);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ScenarioDto.From(scenario, Describe(scenario, context)));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteScenario(Guid id, PlacementReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await FindAsync(id, reader, db, ct) is not var (scenario, _))
        {
            return TypedResults.NotFound();
        }

        db.Scenarios.Remove(scenario);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The scenarios named by ids ("current" for the registers as they are), refused naming the parameter when unknown or more than four.</summary>
    public static async Task<IReadOnlyList<Scenario?>> ChosenAsync(string? ids, Guid partnershipId, PlacementReader reader, CancellationToken ct)
    {
        var saved = await reader.ScenariosAsync(partnershipId, ct);
        var chosen = new List<Scenario?>();
        foreach (var id in (ids ?? "current").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (string.Equals(id, "current", StringComparison.OrdinalIgnoreCase))
            {
                chosen.Add(null);
            }
            else if (Guid.TryParse(id, out var guid) && saved.FirstOrDefault(s => s.Id == guid) is { } scenario)
            {
                chosen.Add(scenario);
            }
            else
            {
                throw new RuleViolationException([new RuleViolation("ids", $"'{id}' is not one of the partnership's scenarios, nor 'current'")]);
            }
        }

        if (chosen.Count is 0 or > PlacementReader.MaxScenariosCompared)
        {
            throw new RuleViolationException([new RuleViolation("ids", $"Choose from 1 to {PlacementReader.MaxScenariosCompared} scenarios to compare")]);
        }

        return chosen;
    }

    private static async Task<Results<Ok<List<ScenarioOutlookDto>>, FileContentHttpResult, NotFound>> CompareScenarios(
        Guid partnershipId, string? ids, int? years, string? format, PlacementReader reader, CancellationToken ct)
    {
        var chosenFormat = TableExport.Format(format);
        if (await reader.PartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var scenarios = await ChosenAsync(ids, partnershipId, reader, ct);
        var outlooks = (await reader.CompareAsync(await reader.ContextAsync(view, ct), scenarios, years ?? 10, ct)).Select(ScenarioOutlookDto.From).ToList();
        var rows = outlooks.SelectMany(o => o.Years.Select(y => (o.Name, Year: y))).ToList();
        IReadOnlyList<ExportColumn<(string Name, ScenarioYearDto Year)>> columns =
        [
            new("Scenario", r => r.Name), new("School year", r => r.Year.SchoolYear), new("Specialist places needed", r => r.Year.Demand),
            new("Local places", r => r.Year.LocalPlaces), new("Gap", r => r.Year.Gap), new("Bought places", r => r.Year.BoughtPlaces),
            new("Children needing a place", r => r.Year.Children), new("Placed", r => r.Year.Placed), new("Unplaced", r => r.Year.Unplaced),
            new("Out of borough", r => r.Year.OutOfBorough), new("In bought places", r => r.Year.Independent), new("Annual cost (£)", r => r.Year.TotalCost),
        ];
        return chosenFormat switch
        {
            "csv" => TypedResults.File(TableExport.Csv(rows, columns), TableExport.CsvType, "scenarios.csv"),
            "xlsx" => TypedResults.File(TableExport.Xlsx(rows, columns, "Scenarios"), TableExport.XlsxType, "scenarios.xlsx"),
            _ => TypedResults.Ok(outlooks),
        };
    }

    private static async Task<Results<Ok<List<PlacementPlanDto>>, NotFound>> ListPlans(Guid partnershipId, PlacementReader reader, CancellationToken ct) =>
        await reader.PartnershipAsync(partnershipId, ct) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await reader.PlansAsync(partnershipId, ct)).Select(PlacementPlanDto.From).ToList());

    private static async Task<Results<Ok<PlacementPlanDto>, NotFound>> GetPlan(Guid id, PlacementReader reader, CancellationToken ct) =>
        await reader.PlanAsync(id, ct) is { } plan ? TypedResults.Ok(PlacementPlanDto.From(plan)) : TypedResults.NotFound();

    private static async Task<Results<Created<PlacementPlanDto>, NotFound>> RunPlan(Guid partnershipId, PlacementPlanRequest request, PlacementReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.PartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var context = await reader.ContextAsync(view, ct);
        var scenario = request.ScenarioId is { } sid ? (await reader.ScenariosAsync(partnershipId, ct)).FirstOrDefault(s => s.Id == sid) : null;
        var (mode, year, options) = Check(request, scenario, context, reader);
        var (plan, _) = await reader.RunAsync(context, scenario, mode, year, options, ct);
        return TypedResults.Created($"/api/placement-plans/{plan.Id}", PlacementPlanDto.From(plan));
    }

    /// <summary>A plan request's choices, or every problem with them.</summary>
    public static (PlanMode Mode, int Year, PlanOptions Options) Check(PlacementPlanRequest request, Scenario? scenario, PlanningContext context, PlacementReader reader)
    {
        var checks = new Checks();
        checks.Require(request.ScenarioId is null || scenario is not null, "scenarioId", "Choose one of the partnership's scenarios, or none for the registers as they are");
        var mode = request.Mode ?? scenario?.Mode ?? PlanMode.Sharing;
        checks.Require(Enum.IsDefined(mode), "mode", "Mode must be Alone or Sharing");
        var year = request.Year ?? context.BaseYear;
        checks.Require(year >= context.BaseYear && year < context.BaseYear + ForecastReader.MaxYears, "year",
            $"The school year must be from {context.BaseYear} (this year) to {context.BaseYear + ForecastReader.MaxYears - 1}");
        checks.Require(request.MaxTravelKm is null or (> 0 and <= 500), "maxTravelKm", "The furthest distance must be more than 0 and no more than 500 km");
        checks.Require(request.TravelCostPerKm is null or (>= 0 and <= 100_000), "travelCostPerKm", "The cost of a kilometre of travel a year must be from £0 to £100,000");
        checks.ThrowIfAny();
        var defaults = reader.DefaultOptions(context, mode);
        return (mode, year, defaults with { MaxTravelKm = request.MaxTravelKm ?? defaults.MaxTravelKm, TravelCostPerKm = request.TravelCostPerKm ?? defaults.TravelCostPerKm });
    }
}
