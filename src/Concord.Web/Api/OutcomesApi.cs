using Concord.Core;
using Concord.Core.Outcomes;
using Concord.Data;
using Concord.Web.Infrastructure;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Api;

public sealed record ThemeRef(Guid Id, string Name);

public sealed record MappingDto(string Dataset, string Table, string Measure, string Breakdown, string? MeasureName);

public sealed record IndicatorDto(
    Guid Id, Guid PartnershipId, string Name, string Definition, string? Unit, IndicatorPolarity Polarity, string Source, IndicatorFrequency Frequency,
    decimal AmberTolerance, bool Imported, MappingDto? Mapping, ThemeRef? Theme, Guid Version)
{
    public static IndicatorDto From(Indicator i, string? themeName, string? measureName = null) => new(
        i.Id, i.PartnershipId, i.Name, i.Definition, i.Unit, i.Polarity, i.Source, i.Frequency, ValueFormat.Plain(i.AmberTolerance), i.IsImported,
        i.Mapping is { } m ? new MappingDto(m.Dataset, m.Table, m.Measure, m.Breakdown, measureName) : null,
        i.ThemeId is { } t ? new ThemeRef(t, themeName ?? string.Empty) : null,
        i.Version);

    public static IndicatorDto From(IndicatorView view) => From(view.Indicator, view.Theme?.Name, view.MeasureName);
}

public sealed record BaselineDto(string Period, decimal Value);

public sealed record PeriodValueDto(string Period, decimal Value, ReadingOrigin Origin, string Source)
{
    public static PeriodValueDto? From(OutcomeReading? r) => r is null ? null : new(r.Period, ValueFormat.Plain(r.Value), r.Origin, r.Source);
}

/// <summary>One council on one indicator: its baseline and target (its own), latest and previous values, rating and direction of travel.</summary>
public sealed record CouncilOutcomeDto(
    AuthorityRef Council, BaselineDto? Baseline, decimal? Target, string? TargetPeriod, PeriodValueDto? Latest, PeriodValueDto? Previous,
    OutcomeRag? Rag, DirectionOfTravel? Direction, Guid? TargetVersion)
{
    public static CouncilOutcomeDto From(IndicatorAssessment a, string council) => new(
        new AuthorityRef(a.AuthorityId, council),
        a.Target is { BaselinePeriod: { } period, BaselineValue: { } value } ? new BaselineDto(period, ValueFormat.Plain(value)) : null,
        a.Target is { } t ? ValueFormat.Plain(t.Target) : null, a.Target?.TargetPeriod, PeriodValueDto.From(a.Latest), PeriodValueDto.From(a.Previous), a.Rag, a.Direction, a.Target?.Version);
}

public sealed record ReadingDto(AuthorityRef Council, string Period, decimal Value, ReadingOrigin Origin, string Source, string? Note, OutcomeRag? Rag);

public sealed record FrameworkIndicatorDto(IndicatorDto Indicator, IReadOnlyList<CouncilOutcomeDto> Councils, IReadOnlyList<OptionRef> Options)
{
    public static FrameworkIndicatorDto From(IndicatorView view, FrameworkView framework) => new(
        IndicatorDto.From(view),
        view.Councils.Select(c => CouncilOutcomeDto.From(c, framework.Partnership.NameOf(c.AuthorityId))).ToList(),
        view.Options.Select(o => new OptionRef(o.Id, o.Title)).ToList());
}

public sealed record IndicatorDetailDto(
    IndicatorDto Indicator, IReadOnlyList<CouncilOutcomeDto> Councils, IReadOnlyList<ReadingDto> Values, IReadOnlyList<OptionRef> Options)
{
    public static IndicatorDetailDto From(IndicatorView view, FrameworkView framework)
    {
        var summary = FrameworkIndicatorDto.From(view, framework);
        return new(summary.Indicator, summary.Councils, OutcomesApi.Values(view, framework), summary.Options);
    }
}

public sealed record OutcomeThemeDto(Guid Id, string Name, string? Description, int Position, IReadOnlyList<FrameworkIndicatorDto> Indicators, Guid Version);

/// <summary>The partnership's outcomes framework as its page shows it: by theme, each indicator with each council's position.</summary>
public sealed record FrameworkDto(Guid PartnershipId, string Partnership, IReadOnlyList<AuthorityRef> Councils, IReadOnlyList<OutcomeThemeDto> Themes, IReadOnlyList<IndicatorDto> NotInFramework)
{
    public static FrameworkDto From(FrameworkView f) => new(
        f.PartnershipId, f.Partnership.Partnership.Name,
        f.Partnership.Councils.Select(c => new AuthorityRef(c.Id, c.Name)).ToList(),
        f.Themes.Select(t => new OutcomeThemeDto(t.Id, t.Name, t.Description, t.Position, f.In(t).Select(i => FrameworkIndicatorDto.From(i, f)).ToList(), t.Version)).ToList(),
        f.NotInFramework.Select(IndicatorDto.From).ToList());
}

/// <summary>
/// An indicator's details. MappedDataset and MappedMeasure (with MappedTable and MappedBreakdown
/// where the dataset has them) name the published measure its values are read from; leave them out
/// for values the councils enter.
/// </summary>
public sealed record IndicatorRequest(
    string? Name, string? Definition, string? Unit, IndicatorPolarity? Polarity, string? Source, IndicatorFrequency? Frequency, decimal? AmberTolerance,
    string? MappedDataset, string? MappedTable, string? MappedMeasure, string? MappedBreakdown, Guid? ThemeId, Guid? Version)
{
    public IndicatorDetails ToDetails() =>
        new(Name, Definition, Unit, Polarity, Source, Frequency, AmberTolerance, MappedDataset, MappedTable, MappedMeasure, MappedBreakdown);
}

public sealed record OutcomeThemeRequest(string? Name, string? Description);

public sealed record PlaceIndicatorRequest(Guid? ThemeId);

public sealed record OutcomeTargetRequest(string? BaselinePeriod, decimal? BaselineValue, decimal? Target, string? TargetPeriod, Guid? Version);

/// <summary>A value for a period. Council (a name, id or ONS code) may be left out: the council you work for.</summary>
public sealed record OutcomeValueRequest(string? Council, string? Period, DateOnly? PeriodEnd, decimal? Value, string? Note);

public sealed record OptionIndicatorsRequest(IReadOnlyList<Guid>? IndicatorIds);

/// <summary>
/// The outcomes framework: the indicator library, each partnership's framework by theme with each
/// council's baseline, target, values, rating and direction of travel; a council's own figures,
/// entered one by one or uploaded as CSV; and the indicators each option aims to move.
/// </summary>
public static class OutcomesApi
{
    public static void MapOutcomesApi(this RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/indicators").WithTags("Outcomes");
        indicators.MapGet("/", ListIndicators).WithName("ListIndicators")
            .WithSummary("The indicator library of every partnership the council you work for belongs to");
        indicators.MapGet("/{id:guid}", GetIndicator).WithName("GetIndicator")
            .WithSummary("An indicator with each council's baseline, target, rating and direction of travel, its values and the options aiming to move it");
        indicators.MapGet("/{id:guid}/values", IndicatorValues).WithName("ListIndicatorValues")
            .WithSummary("An indicator's values by council and period, imported or entered; format=json or csv");
        indicators.MapPut("/{id:guid}", UpdateIndicator).WithName("UpdateIndicator").RequireAuthorization(Policies.Edit)
            .WithSummary("Changes an indicator; send the version you read");
        indicators.MapPut("/{id:guid}/theme", PlaceIndicator).WithName("PlaceIndicator").RequireAuthorization(Policies.Edit)
            .WithSummary("Puts an indicator in a theme of its framework (themeId), or takes it out (themeId null)");
        indicators.MapPut("/{id:guid}/targets/{council}", SetTarget).WithName("SetOutcomeTarget").RequireAuthorization(Policies.Edit)
            .WithSummary("Sets a council's baseline and target (council: name, id or ONS code); only that council's own staff may; send the version to change one already set");
        indicators.MapPost("/{id:guid}/values", RecordValue).WithName("RecordOutcomeValue").RequireAuthorization(Policies.Edit)
            .WithSummary("Records your council's value for a period of an indicator that is not mapped to published data; the same period end replaces it");

        var partnership = api.MapGroup("/partnerships/{partnershipId:guid}").WithTags("Outcomes");
        partnership.MapGet("/outcomes", GetFramework).WithName("GetOutcomesFramework")
            .WithSummary("The partnership's outcomes framework by theme: each indicator with each council's baseline, latest value, target, rating and direction of travel");
        partnership.MapPost("/indicators", CreateIndicator).WithName("CreateIndicator").RequireAuthorization(Policies.Edit)
            .WithSummary("Adds an indicator to the partnership's library, optionally in a theme (themeId) and mapped to a published measure (mappedDataset, mappedMeasure)");
        partnership.MapPost("/outcomes/themes", AddTheme).WithName("AddOutcomeTheme").RequireAuthorization(Policies.Edit)
            .WithSummary("Adds a theme at the end of the partnership's framework");
        partnership.MapPost("/outcomes/values", UploadValues).WithName("UploadOutcomeValues").RequireAuthorization(Policies.Edit)
            .Accepts<string>("text/csv")
            .WithSummary($"Uploads your council's values as CSV (columns {OutcomeUpload.Columns}); all lines are saved or none, each problem named with its line and column");

        var option = api.MapGroup("/options/{id:guid}/indicators").WithTags("Outcomes");
        option.MapGet("/", OptionIndicators).WithName("ListOptionIndicators").WithSummary("The indicators an option aims to move");
        option.MapPut("/", ChooseOptionIndicators).WithName("ChooseOptionIndicators").RequireAuthorization(Policies.Edit)
            .WithSummary("Sets the indicators an option aims to move (indicatorIds, from its partnership's library)");
    }

    private static async Task<Ok<List<IndicatorDto>>> ListIndicators(OutcomesReader outcomes, CancellationToken ct) =>
        TypedResults.Ok((await outcomes.LibraryAsync(ct)).Select(e => IndicatorDto.From(e.Indicator, e.Theme)).ToList());

    private static async Task<Results<Ok<IndicatorDetailDto>, NotFound>> GetIndicator(Guid id, OutcomesReader outcomes, CancellationToken ct) =>
        await outcomes.IndicatorAsync(id, ct) is var (indicator, framework) ? TypedResults.Ok(IndicatorDetailDto.From(indicator, framework)) : TypedResults.NotFound();

    /// <summary>Every council's values in period order, each rated against that council's target.</summary>
    public static IReadOnlyList<ReadingDto> Values(IndicatorView view, FrameworkView framework) =>
        view.Readings.Select(r => new ReadingDto(new AuthorityRef(r.AuthorityId, framework.Partnership.NameOf(r.AuthorityId)), r.Period, ValueFormat.Plain(r.Value), r.Origin, r.Source, r.Note,
            view.Indicator.Rate(r.Value, view.Of(r.AuthorityId).Target?.Target))).ToList();

    public static readonly IReadOnlyList<ExportColumn<ReadingDto>> ValueColumns =
    [
        new("Council", r => r.Council.Name),
        new("Period", r => r.Period),
        new("Value", r => r.Value),
        new("Rating against target", r => r.Rag?.Display()),
        new("Origin", r => r.Origin.Display()),
        new("Source", r => r.Source),
        new("Note", r => r.Note),
    ];

    private static async Task<Results<Ok<IReadOnlyList<ReadingDto>>, FileContentHttpResult, NotFound>> IndicatorValues(Guid id, string? format, OutcomesReader outcomes, CancellationToken ct)
    {
        var chosen = (format ?? "json").ToLowerInvariant();
        var checks = new Checks();
        checks.Require(chosen is "json" or "csv", "format", "Format must be json or csv");
        checks.ThrowIfAny();
        if (await outcomes.IndicatorAsync(id, ct) is not var (indicator, framework))
        {
            return TypedResults.NotFound();
        }

        var values = Values(indicator, framework);
        return chosen == "csv"
            ? TypedResults.File(TableExport.Csv(values, ValueColumns), TableExport.CsvType, $"{FileName(indicator.Indicator.Name)}.csv")
            : TypedResults.Ok(values);
    }

    /// <summary>A file name from an indicator's name: letters, digits and hyphens.</summary>
    public static string FileName(string name) =>
        string.Join('-', new string(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static async Task<Results<Ok<FrameworkDto>, NotFound>> GetFramework(Guid partnershipId, OutcomesReader outcomes, CancellationToken ct) =>
        await outcomes.FrameworkAsync(partnershipId, ct) is { } framework ? TypedResults.Ok(FrameworkDto.From(framework)) : TypedResults.NotFound();

    private static async Task<Results<Created<IndicatorDto>, NotFound>> CreateIndicator(
        Guid partnershipId, IndicatorRequest request, OutcomesReader outcomes, ConcordDbContext db, CancellationToken ct)
    {
        if (await outcomes.FrameworkAsync(partnershipId, ct) is not { } framework)
        {
            return TypedResults.NotFound();
        }

        var indicator = await outcomes.CreateAsync(framework, request.ToDetails(), request.ThemeId, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/indicators/{indicator.Id}", IndicatorDto.From(indicator, framework.Themes.FirstOrDefault(t => t.Id == indicator.ThemeId)?.Name));
    }

    private static async Task<Results<Ok<IndicatorDto>, NotFound>> UpdateIndicator(Guid id, IndicatorRequest request, OutcomesReader outcomes, ConcordDbContext db, CancellationToken ct)
    {
        if (await outcomes.IndicatorAsync(id, ct) is not var (view, framework))
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        await outcomes.ChangeAsync(framework, view.Indicator, request.ToDetails(), version, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(IndicatorDto.From(view.Indicator, view.Theme?.Name, view.MeasureName));
    }

    private static async Task<Results<Ok<IndicatorDto>, NotFound>> PlaceIndicator(Guid id, PlaceIndicatorRequest request, OutcomesReader outcomes, ConcordDbContext db, CancellationToken ct)
    {
        if (await outcomes.IndicatorAsync(id, ct) is not var (view, framework))
        {
            return TypedResults.NotFound();
        }

        outcomes.Place(framework, view.Indicator, request.ThemeId);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(IndicatorDto.From(view.Indicator, framework.Themes.FirstOrDefault(t => t.Id == view.Indicator.ThemeId)?.Name, view.MeasureName));
    }

    /// <summary>The partnership's council named by id, ONS code or name; null when it is not a member.</summary>
    public static Guid? CouncilOf(FrameworkView framework, string? council) =>
        framework.Partnership.Partnership.Members.FirstOrDefault(m =>
            m.AuthorityId.ToString() == council?.Trim() ||
            string.Equals(m.Authority!.OnsCode, council?.Trim(), StringComparison.OrdinalIgnoreCase) ||
            string.Equals(m.Authority.Name, council?.Trim(), StringComparison.OrdinalIgnoreCase))?.AuthorityId;

    private static async Task<Results<Ok<CouncilOutcomeDto>, NotFound>> SetTarget(
        Guid id, string council, OutcomeTargetRequest request, OutcomesReader outcomes, ConcordDbContext db, CancellationToken ct)
    {
        if (await outcomes.IndicatorAsync(id, ct) is not var (view, framework) || CouncilOf(framework, council) is not { } authorityId)
        {
            return TypedResults.NotFound();
        }

        outcomes.SetTarget(framework, view, authorityId, new TargetDetails(request.BaselinePeriod, request.BaselineValue, request.Target, request.TargetPeriod), request.Version);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await CouncilAsync(id, authorityId, outcomes, ct));
    }

    private static async Task<Results<Ok<CouncilOutcomeDto>, NotFound>> RecordValue(Guid id, OutcomeValueRequest request, OutcomesReader outcomes, ConcordDbContext db, CancellationToken ct)
    {
        if (await outcomes.IndicatorAsync(id, ct) is not var (view, framework))
        {
            return TypedResults.NotFound();
        }

        var authorityId = request.Council is null ? outcomes.WorkingFor ?? Guid.Empty
            : CouncilOf(framework, request.Council) ?? throw new RuleViolationException([new("council", "Name a council of the partnership, by its name, id or ONS code")]);
        outcomes.Record(framework, view, authorityId, new ValueDetails(request.Period, request.PeriodEnd, request.Value, request.Note));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await CouncilAsync(id, authorityId, outcomes, ct));
    }

    /// <summary>The council's position on the indicator as saved, read again.</summary>
    private static async Task<CouncilOutcomeDto> CouncilAsync(Guid indicatorId, Guid authorityId, OutcomesReader outcomes, CancellationToken ct)
    {
        var (view, framework) = (await outcomes.IndicatorAsync(indicatorId, ct))!.Value;
        return CouncilOutcomeDto.From(view.Of(authorityId), framework.Partnership.NameOf(authorityId));
    }

    private static async Task<Results<Created<OutcomeThemeDto>, NotFound>> AddTheme(
        Guid partnershipId, OutcomeThemeRequest request, OutcomesReader outcomes, ConcordDbContext db, CancellationToken ct)
    {
        if (await outcomes.FrameworkAsync(partnershipId, ct) is not { } framework)
        {
            return TypedResults.NotFound();
        }

        var theme = outcomes.AddTheme(framework, request.Name, request.Description);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/{partnershipId}/outcomes", new OutcomeThemeDto(theme.Id, theme.Name, theme.Description, theme.Position, [], theme.Version));
    }

    private static async Task<IResult> UploadValues(Guid partnershipId, HttpRequest request, OutcomesReader outcomes, ConcordDbContext db, CancellationToken ct)
    {
        if (request.ContentLength > OutcomeUpload.MaxBytes)
        {
            throw new RuleViolationException([new("body", "The file must be smaller than 1 MB")]);
        }

        if (await outcomes.FrameworkAsync(partnershipId, ct) is not { } framework)
        {
            return TypedResults.NotFound();
        }

        using var reader = new StreamReader(request.Body);
        try
        {
            var text = await reader.ReadToEndAsync(ct);
            return TypedResults.Ok(await OutcomeUpload.ApplyAsync(db, outcomes, framework, new StringReader(text), ct));
        }
        catch (OutcomeUploadException refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lines"] = [.. refused.Problems] },
                detail: "Nothing was saved.", title: "The file has problems");
        }
    }

    private static async Task<Results<Ok<List<IndicatorDto>>, NotFound>> OptionIndicators(Guid id, OutcomesReader outcomes, ConcordDbContext db, CancellationToken ct)
    {
        if (await db.Options.SingleOrDefaultAsync(o => o.Id == id, ct) is not { } option)
        {
            return TypedResults.NotFound();
        }

        var linked = (await outcomes.LinksAsync(option, ct)).Links.Select(l => l.IndicatorId).ToHashSet();
        return TypedResults.Ok((await outcomes.LibraryAsync(ct)).Where(e => linked.Contains(e.Indicator.Id)).Select(e => IndicatorDto.From(e.Indicator, e.Theme)).ToList());
    }

    private static async Task<Results<Ok<List<IndicatorDto>>, NotFound>> ChooseOptionIndicators(
        Guid id, OptionIndicatorsRequest request, OutcomesReader outcomes, ConcordDbContext db, CancellationToken ct)
    {
        if (await db.Options.SingleOrDefaultAsync(o => o.Id == id, ct) is not { } option)
        {
            return TypedResults.NotFound();
        }

        await outcomes.ChooseAsync(option, request.IndicatorIds ?? [], ct);
        await db.SaveChangesAsync(ct);
        return await OptionIndicators(id, outcomes, db, ct);
    }
}
