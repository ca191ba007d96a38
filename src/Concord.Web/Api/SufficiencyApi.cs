using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concord.Web.Api;

public sealed record PlannedChangeDto(DateOnly From, int Places, string? Note);

/// <summary>A provision in a council's register: needs as codes (ASD …), its cost of a place (its own, or its council's default band) and its places next September.</summary>
public sealed record ProvisionDto(
    Guid Id, AuthorityRef Council, string CouncilOnsCode, int? Urn, string Name, ProvisionKind Kind, string KindName, string AreaCode, string AreaName, bool OutsideArea,
    double Latitude, double Longitude, int AgeFrom, int AgeTo, IReadOnlyList<string> Needs, int CommissionedPlaces, int PhysicalPlaces,
    DateOnly NextSeptember, int PlacesNextSeptember, decimal? AnnualCostPerPlace, decimal CostPerPlace, bool DefaultBand,
    DateOnly? Opens, DateOnly? Closes, IReadOnlyList<PlannedChangeDto> PlannedChanges, string? Notes, Guid Version)
{
    public static ProvisionDto From(ProvisionRow r, DateOnly september)
    {
        var p = r.Provision;
        return new(p.Id, new AuthorityRef(r.Council.Id, r.Council.Name), r.Council.OnsCode, p.Urn, p.Name, p.Kind, p.Kind.Display(), p.AreaCode, p.AreaName, r.OutsideArea,
            p.Latitude, p.Longitude, p.AgeFrom, p.AgeTo, p.Needs.Select(n => n.Code()).ToList(), p.CommissionedPlaces, p.PhysicalPlaces,
            september, r.PlacesNextSeptember, p.AnnualCostPerPlace, r.CostPerPlace, r.DefaultBand,
            p.Opens, p.Closes, p.PlannedChanges.Select(c => new PlannedChangeDto(c.From, c.Places, c.Note)).ToList(), p.Notes, p.Version);
    }
}

/// <summary>The provisions found in the registers of the councils listed, with their totals.</summary>
public sealed record ProvisionListDto(
    IReadOnlyList<AuthorityRef> Councils, DateOnly NextSeptember, int Count, int CommissionedPlaces, int PhysicalPlaces, int PlacesNextSeptember,
    decimal AnnualCostNextSeptember, IReadOnlyList<ProvisionDto> Provisions);

/// <summary>
/// A provision's details. Kind by name (SpecialSchool …); AreaCode the ONS code of the authority it
/// stands in; Needs as codes (ASD, SEMH …); Latitude and Longitude may be left out when Urn is a
/// school on GIAS; AnnualCostPerPlace left out for the council's default band. On PUT send the version read.
/// </summary>
public sealed record ProvisionRequest(
    int? Urn, string? Name, string? Kind, string? AreaCode, double? Latitude, double? Longitude, int? AgeFrom, int? AgeTo,
    int? CommissionedPlaces, int? PhysicalPlaces, IReadOnlyList<string>? Needs, decimal? AnnualCostPerPlace, DateOnly? Opens, DateOnly? Closes,
    IReadOnlyList<PlannedChangeDto>? PlannedChanges, string? Notes, Guid? Version)
{
    /// <summary>The details, and the problems with a kind or need code that is not one, each naming its field.</summary>
    public (ProvisionDetails Details, IReadOnlyList<RuleViolation> Problems) Read()
    {
        var checks = new List<RuleViolation>();
        var kind = ProvisionKinds.Parse(Kind);
        if (Kind is not null && kind is null)
        {
            checks.Add(new RuleViolation("Kind", $"Unknown kind '{Kind}': use one of {string.Join(", ", ProvisionKinds.All)}"));
        }

        var needs = new List<NeedType>();
        foreach (var code in Needs ?? [])
        {
            if (Core.Sufficiency.Needs.Parse(code) is { } need)
            {
                needs.Add(need);
            }
            else
            {
                checks.Add(new RuleViolation("Needs", $"Unknown need code \"{code}\": use {Core.Sufficiency.Needs.Codes}"));
            }
        }

        return (new ProvisionDetails(Urn, Name, kind, AreaCode, null, Latitude, Longitude, AgeFrom, AgeTo, CommissionedPlaces, PhysicalPlaces, needs,
            AnnualCostPerPlace, Opens, Closes, (PlannedChanges ?? []).Select(c => new PlannedChange(c.From, c.Places, c.Note)).ToList(), Notes), checks);
    }
}

public sealed record GiasCandidateDto(int Urn, string Name, string EstablishmentType, ProvisionKind Kind, string AreaCode, string AreaName, bool OutsideArea, double? DistanceKm,
    int? Pupils, int AgeFrom, int AgeTo, int Places, IReadOnlyList<string> DefaultNeeds)
{
    public static GiasCandidateDto From(GiasCandidate c)
    {
        var d = c.Details;
        return new(c.School.Urn, c.School.Name, c.School.Type, c.Kind, c.AreaCode, c.AreaName, c.OutsideArea, c.DistanceKm is { } km ? Math.Round(km, 1) : null,
            c.School.Pupils, d.AgeFrom!.Value, d.AgeTo!.Value, d.CommissionedPlaces!.Value, d.Needs.Select(n => n.Code()).ToList());
    }
}

public sealed record GiasChoiceDto(AuthorityRef Council, double? CentreLatitude, double? CentreLongitude, double OutOfAreaKm, int AlreadyInRegister, string Note,
    IReadOnlyList<GiasCandidateDto> InArea, IReadOnlyList<GiasCandidateDto> Nearby);

public sealed record AddFromGiasRequest(IReadOnlyList<int>? Urns);

public sealed record ProvisionUploadDto(int Added, int Changed);

/// <summary>A council's sufficiency assumptions: keys are kinds by name, needs by code, age bands by name; percentages 0 to 100.</summary>
public sealed record SufficiencySettingsDto(
    AuthorityRef Council, string OnsCode, bool Saved, bool CanChange, string Note,
    IReadOnlyDictionary<string, decimal> CostBands, IReadOnlyDictionary<string, decimal> NeedMix, IReadOnlyDictionary<string, decimal> AgeMix,
    IReadOnlyDictionary<string, decimal> SpecialistShare, double MaxTravelKm, decimal TravelCostPerKm, Guid? Version)
{
    public static SufficiencySettingsDto From(AssumptionsView view, bool canEdit)
    {
        var s = view.Settings;
        return new(new AuthorityRef(view.Council.Id, view.Council.Name), view.Council.OnsCode, view.Saved, view.Own && canEdit,
            view.Saved ? SufficiencyAssumptions.WhyAssumptions : $"{SufficiencyAssumptions.WhyAssumptions} {view.Council.Name} has not saved its own yet: these are Concord's defaults.",
            ProvisionKinds.All.ToDictionary(k => k.ToString(), s.BandFor), Needs.All.ToDictionary(n => n.Code(), s.ShareOf),
            AgeBands.All.ToDictionary(b => b.ToString(), s.ShareOf), Needs.All.ToDictionary(n => n.Code(), s.SpecialistShareOf),
            s.MaxTravelKm, s.TravelCostPerKm, view.Saved ? s.Version : null);
    }
}

/// <summary>A change to the assumptions: any value left out keeps its current one. Send the version read once they are saved.</summary>
public sealed record SufficiencySettingsRequest(
    IReadOnlyDictionary<string, decimal?>? CostBands, IReadOnlyDictionary<string, decimal?>? NeedMix, IReadOnlyDictionary<string, decimal?>? AgeMix,
    IReadOnlyDictionary<string, decimal?>? SpecialistShare, double? MaxTravelKm, decimal? TravelCostPerKm, Guid? Version)
{
    public AssumptionsChange ToChange()
    {
        var checks = new Checks();
        Dictionary<T, decimal?> Read<T>(IReadOnlyDictionary<string, decimal?>? values, string field, Func<string, T?> parse, string expected)
            where T : struct
        {
            var read = new Dictionary<T, decimal?>();
            foreach (var (key, value) in values ?? new Dictionary<string, decimal?>())
            {
                if (parse(key) is { } parsed)
                {
                    read[parsed] = value;
                }
                else
                {
                    checks.Fail(field, $"'{key}' is not {expected}");
                }
            }

            return read;
        }

        var change = new AssumptionsChange(
            Read(CostBands, "costBands", ProvisionKinds.Parse, $"a kind of provision: use {string.Join(", ", ProvisionKinds.All)}"),
            Read(NeedMix, "needMix", Needs.Parse, $"a need code: use {Needs.Codes}"),
            Read(AgeMix, "ageMix", AgeBandOf, $"an age band: use {string.Join(", ", AgeBands.All)}"),
            Read(SpecialistShare, "specialistShare", Needs.Parse, $"a need code: use {Needs.Codes}"),
            MaxTravelKm, TravelCostPerKm);
        checks.ThrowIfAny();
        return change;
    }

    private static AgeBand? AgeBandOf(string text) =>
        Enum.TryParse<AgeBand>(text.Trim(), ignoreCase: true, out var band) && Enum.IsDefined(band) && !int.TryParse(text, out _) ? band : null;
}

public sealed record EhcpBatchDto(Guid Id, bool Synthetic, string Source, int Records, int? CalibratedTo, string? CalibrationSource, DateOnly AsAt, DateTimeOffset LoadedAt, string LoadedBy);

public sealed record NeedAgeCountDto(string Need, AgeBand AgeBand, int Children, int NeedingSpecialistPlace);

public sealed record SettingCountDto(SettingType Setting, int InBorough, int OutOfBorough, int NotKnown, int Total);

public sealed record EhcpRecordDto(
    string Reference, DateOnly DateOfBirth, int Age, string PrimaryNeed, SettingType Setting, Guid? ProvisionId, string? ProvisionName, string? SettingName,
    string? SettingAreaCode, string HomeLsoa, bool NeedsSpecialistPlace, bool Synthetic);

/// <summary>The council's own children with EHC plans: its current load, counts, and a page of records (each marked when synthetic).</summary>
public sealed record EhcpPageDto(
    AuthorityRef Council, string? Warning, EhcpBatchDto? Batch, int Records, int SchoolYear, int NeedingSpecialistPlace, IReadOnlyList<NeedAgeCountDto> Counts,
    IReadOnlyList<SettingCountDto> Settings, int InBoughtPlaces, int Page, int Pages, IReadOnlyList<EhcpRecordDto> Items)
{
    public const string SyntheticWarning = "Synthetic: generated by Concord, not real children.";

    public static EhcpPageDto From(ChildrenView v) => new(
        new AuthorityRef(v.Council.Id, v.Council.Name), v.AnySynthetic ? SyntheticWarning : null,
        v.Batch is { } b ? new EhcpBatchDto(b.Id, b.Synthetic, b.Source, b.Records, b.CalibratedTo, b.CalibrationSource, b.AsAt, b.LoadedAt, b.LoadedBy) : null,
        v.Records, v.SchoolYear, v.SpecialistTotal,
        v.Counts.OrderBy(c => c.Need).ThenBy(c => c.Band).Select(c => new NeedAgeCountDto(c.Need.Code(), c.Band, c.Children, c.NeedingSpecialistPlace)).ToList(),
        v.Settings.Select(s => new SettingCountDto(s.Setting, s.InBorough, s.OutOfBorough, s.NotKnown, s.Total)).ToList(), v.InBoughtPlaces,
        v.PageNumber, v.Pages,
        v.Page.Select(r => new EhcpRecordDto(r.Record.Reference, r.Record.DateOfBirth, r.Age, r.Record.PrimaryNeed.Code(), r.Record.Setting, r.Record.ProvisionId, r.ProvisionName,
            r.Record.SettingName, r.Record.SettingAreaCode, r.Record.HomeLsoa, r.Record.NeedsSpecialistPlace, r.Record.Synthetic)).ToList());
}

public sealed record EhcpUploadDto(Guid BatchId, int Records, int Replaced);

/// <summary>
/// SEND sufficiency: each council's provision register (its partners read it), its sufficiency
/// assumptions (its partners read them), and its own children with EHC plans (only its own staff).
/// </summary>
public static class SufficiencyApi
{
    public static void MapSufficiencyApi(this RouteGroupBuilder api)
    {
        var provisions = api.MapGroup("/provisions").WithTags("SEND sufficiency");
        provisions.MapGet("/", ListProvisions).WithName("ListProvisions")
            .WithSummary("Provisions in the registers of the councils named by ONS code (authority, separated by commas; by default your council's and its partners'), kind, need (code) or q (name or URN); format=json, csv or xlsx");
        provisions.MapGet("/{id:guid}", GetProvision).WithName("GetProvision").WithSummary("A provision in your council's register or a partner's");
        provisions.MapPost("/", CreateProvision).WithName("CreateProvision").RequireAuthorization(Policies.Edit)
            .WithSummary("Adds a provision to the register of the council you work for");
        provisions.MapPut("/{id:guid}", UpdateProvision).WithName("UpdateProvision").RequireAuthorization(Policies.Edit)
            .WithSummary("Changes a provision in your council's register; send the version you read. A partner's provision is refused (403)");
        provisions.MapPost("/upload", UploadProvisions).WithName("UploadProvisions").RequireAuthorization(Policies.Edit)
            .Accepts<string>("text/csv")
            .WithSummary($"Uploads provisions to your council's register as CSV (columns {ProvisionUpload.Columns}); a URN already in the register changes it; all lines are saved or none, each problem named with its line and column");
        provisions.MapGet("/from-gias", ListGiasCandidates).WithName("ListGiasCandidates")
            .WithSummary("Real settings on the imported GIAS register your council may add: special schools, AP and PRUs and specialist post-16 institutions in its area, and independent and non-maintained special schools within 40 km of its centre");
        provisions.MapPost("/from-gias", AddFromGias).WithName("AddFromGias").RequireAuthorization(Policies.Edit)
            .WithSummary("Adds the settings with these URNs from GIAS to your council's register: places from pupils, ages from Ofsted, needs a default for the kind (to check), cost the default band");

        var settings = api.MapGroup("/authorities/{onsCode}/sufficiency-settings").WithTags("SEND sufficiency");
        settings.MapGet("/", GetSettings).WithName("GetSufficiencySettings")
            .WithSummary("A council's sufficiency assumptions (your own or a partner's): cost bands, need and age mix, specialist share, travel; Concord's defaults until it saves its own");
        settings.MapPut("/", PutSettings).WithName("PutSufficiencySettings").RequireAuthorization(Policies.Edit)
            .WithSummary("Changes your own council's sufficiency assumptions (values left out keep theirs); send the version read once saved. A partner's are refused (403)");

        var ehcps = api.MapGroup("/ehcps").WithTags("SEND sufficiency");
        ehcps.MapGet("/", GetEhcps).WithName("ListEhcps")
            .WithSummary("Your own council's children with EHC plans: the current load, counts by need and age band, settings, and a page of 50 records (page=); another council's (authority=) is refused");
        ehcps.MapPost("/generate", GenerateEhcps).WithName("GenerateEhcps").RequireAuthorization(Policies.Edit)
            .WithSummary("Generates synthetic children with EHC plans for your council, calibrated to its real total (or total=), replacing its load; answers with the calibration");
        ehcps.MapPost("/upload", UploadEhcps).WithName("UploadEhcps").RequireAuthorization(Policies.Edit)
            .Accepts<string>("text/csv")
            .WithSummary($"Replaces your council's children with EHC plans with a CSV file (columns {EhcpUpload.Columns}); every line is loaded or none, each problem named with its line and column");
    }

    private static async Task<Results<Ok<ProvisionListDto>, FileContentHttpResult>> ListProvisions(
        string? authority, string? kind, string? need, string? q, string? format, ProvisionRegister register, CancellationToken ct)
    {
        var chosen = TableExport.Format(format);
        var search = await register.SearchAsync(new ProvisionQuery(authority, kind, need, q), ct);
        var list = await register.ListAsync(search, ct);
        var name = "provisions-" + (search.Councils.Count == 1 ? search.Councils[0].Name.ToLowerInvariant() : "partnership");
        switch (chosen)
        {
            case "csv":
                return TypedResults.File(TableExport.Csv(list.Rows, ProvisionRegister.Columns), TableExport.CsvType, $"{name}.csv");
            case "xlsx":
                return TypedResults.File(TableExport.Xlsx(list.Rows, ProvisionRegister.Columns, "Provisions"), TableExport.XlsxType, $"{name}.xlsx");
        }

        return TypedResults.Ok(new ProvisionListDto(
            search.Councils.Select(c => new AuthorityRef(c.Id, c.Name)).ToList(), list.NextSeptember, list.Rows.Count, list.CommissionedPlaces, list.PhysicalPlaces,
            list.PlacesNextSeptember, list.AnnualCostNextSeptember, list.Rows.Select(r => ProvisionDto.From(r, list.NextSeptember)).ToList()));
    }

    private static async Task<Results<Ok<ProvisionDto>, NotFound>> GetProvision(Guid id, ProvisionRegister register, CancellationToken ct) =>
        await register.RowAsync(id, ct) is { } row ? TypedResults.Ok(ProvisionDto.From(row, register.NextSeptember)) : TypedResults.NotFound();

    private static async Task<Created<ProvisionDto>> CreateProvision(ProvisionRequest request, ProvisionRegister register, ConcordDbContext db, CancellationToken ct)
    {
        var (details, problems) = request.Read();
        var provision = await register.ApplyAsync(null, details, ct, problems);
        await db.SaveChangesAsync(ct);
        var row = await register.RowAsync(provision.Id, ct);
        return TypedResults.Created($"/api/provisions/{provision.Id}", ProvisionDto.From(row!, register.NextSeptember));
    }

    private static async Task<Results<Ok<ProvisionDto>, NotFound>> UpdateProvision(
        Guid id, ProvisionRequest request, ProvisionRegister register, ConcordDbContext db, CancellationToken ct)
    {
        if (await register.FindAsync(id, ct) is not { } provision)
        {
            return TypedResults.NotFound();
        }

        if (!register.IsOwn(provision))
        {
            throw new AccessDeniedException("A provision is changed only by the staff of the council whose register it is in; partners read it.");
        }

        var version = ConcordApi.RequireVersion(request.Version);
        var (details, problems) = request.Read();
        await register.ApplyAsync(provision, details, ct, problems);
        db.ExpectVersion(provision, version);
        db.Touch(provision);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProvisionDto.From((await register.RowAsync(id, ct))!, register.NextSeptember));
    }

    private static Task<IResult> UploadProvisions(HttpRequest request, ProvisionRegister register, ConcordDbContext db, CancellationToken ct) =>
        UploadCsvAsync(request, ProvisionUpload.MaxBytes, "Nothing was saved.", async text =>
        {
            var result = await ProvisionUpload.ApplyAsync(db, register, text, ct);
            return TypedResults.Ok(new ProvisionUploadDto(result.Added, result.Changed));
        }, ct);

    /// <summary>
    /// A CSV body applied all or nothing: too large a body is refused naming its limit, and a refused file answers
    /// 400 with every problem by line, saying <paramref name="unchanged"/>.
    /// </summary>
    private static async Task<IResult> UploadCsvAsync(HttpRequest request, long maxBytes, string unchanged, Func<TextReader, Task<IResult>> apply, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new RuleViolationException([new("body", CsvUpload.TooLarge(maxBytes))]);
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        try
        {
            return await apply(new StringReader(text));
        }
        catch (CsvUploadException refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lines"] = [.. refused.Problems] }, detail: unchanged, title: "The file has problems");
        }
    }

    private static async Task<Results<Ok<GiasChoiceDto>, NotFound>> ListGiasCandidates(ProvisionRegister register, GiasCandidates gias, CancellationToken ct)
    {
        if (await register.OwnCouncilAsync(ct) is not { } council)
        {
            return TypedResults.NotFound();
        }

        var choice = await gias.ForAsync(council, ct);
        return TypedResults.Ok(new GiasChoiceDto(new AuthorityRef(council.Id, council.Name), choice.Centre?.Latitude, choice.Centre?.Longitude, GiasProvisions.OutOfAreaKm,
            choice.AlreadyInRegister, GiasProvisions.DesignationNote, choice.InArea.Select(GiasCandidateDto.From).ToList(), choice.Nearby.Select(GiasCandidateDto.From).ToList()));
    }

    private static async Task<Results<Ok<List<ProvisionDto>>, NotFound>> AddFromGias(
        AddFromGiasRequest request, ProvisionRegister register, GiasCandidates gias, ConcordDbContext db, CancellationToken ct)
    {
        if (await register.OwnCouncilAsync(ct) is not { } council)
        {
            return TypedResults.NotFound();
        }

        var added = await gias.AddAsync(council, request.Urns ?? [], ct);
        await db.SaveChangesAsync(ct);
        var settings = (await register.SettingsAsync([council.Id], ct))[council.Id];
        return TypedResults.Ok(added.Select(p => ProvisionDto.From(ProvisionRegister.Row(p, council, settings, register.NextSeptember), register.NextSeptember)).ToList());
    }

    private static async Task<Results<Ok<SufficiencySettingsDto>, NotFound<string>>> GetSettings(
        string onsCode, SufficiencyAssumptions assumptions, IUserContext user, CancellationToken ct)
    {
        if (await assumptions.ReadableAsync(onsCode, ct) is not { } council)
        {
            return TypedResults.NotFound($"No council with the ONS code '{onsCode}' shares its sufficiency assumptions with the council you work for.");
        }

        return TypedResults.Ok(SufficiencySettingsDto.From(await assumptions.ViewAsync(council, ct), user.Can(Capability.Edit)));
    }

    private static async Task<Results<Ok<SufficiencySettingsDto>, NotFound<string>>> PutSettings(
        string onsCode, SufficiencySettingsRequest request, SufficiencyAssumptions assumptions, ConcordDbContext db, IUserContext user, CancellationToken ct)
    {
        if (await assumptions.ReadableAsync(onsCode, ct) is not { } council)
        {
            return TypedResults.NotFound($"No council with the ONS code '{onsCode}' shares its sufficiency assumptions with the council you work for.");
        }

        await assumptions.ChangeAsync(council, request.ToChange(), request.Version, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SufficiencySettingsDto.From(await assumptions.ViewAsync(council, ct), user.Can(Capability.Edit)));
    }

    private static async Task<Results<Ok<EhcpPageDto>, NotFound>> GetEhcps(int? page, string? authority, ProvisionRegister register, ChildrenRegister children, CancellationToken ct)
    {
        if (await register.OwnCouncilAsync(ct) is not { } council)
        {
            return TypedResults.NotFound();
        }

        if (!string.IsNullOrWhiteSpace(authority) && !string.Equals(authority.Trim(), council.OnsCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new AccessDeniedException($"Children's records are seen only by their own council's staff: you are working for {council.Name}.");
        }

        if (page is < 1)
        {
            throw new RuleViolationException([new RuleViolation("page", "The page must be 1 or more")]);
        }

        return TypedResults.Ok(EhcpPageDto.From((await children.ViewAsync(page ?? 1, ct))!));
    }

    private static Task<IResult> UploadEhcps(HttpRequest request, ProvisionRegister register, ConcordDbContext db, CancellationToken ct) =>
        UploadCsvAsync(request, EhcpUpload.MaxBytes, "Nothing was loaded; the previous load is unchanged.", async text =>
        {
            var result = await EhcpUpload.ApplyAsync(db, register, text, "CSV uploaded through the API", ct);
            return TypedResults.Ok(new EhcpUploadDto(result.BatchId, result.Records, result.Replaced));
        }, ct);

    private static async Task<Ok<GenerationResult>> GenerateEhcps(GenerateRequest? request, EhcpGeneration generation, CancellationToken ct) =>
        TypedResults.Ok(await generation.GenerateAsync(request?.Seed, request?.Total, ct));
}

/// <summary>A generation: the seed (1 by default) and, to try another scale, a total instead of the real one.</summary>
public sealed record GenerateRequest(int? Seed, int? Total);
