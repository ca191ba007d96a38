using System.Text.Json;
using Concord.Core;
using Concord.Core.PublicData;
using Concord.Data;
using Concord.Web.Evidence;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.PublicData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Concord.Web.Api;

public sealed record FigureDto(string Key, string Label, string Unit, decimal? Value, string? Text, string Source, string Dataset, string Year, string? Note)
{
    public static FigureDto From(Figure f) => new(f.Key, f.Label, f.Unit, f.Value, f.Text, f.Source, f.Dataset, f.Year, f.Note);
}

public sealed record TrendPointDto(int Year, string Period, decimal Value);

public sealed record TrendDto(string Key, string Label, string Unit, string Source, string Dataset, IReadOnlyList<TrendPointDto> Points, string? Note)
{
    public static TrendDto From(Trend t) => new(t.Key, t.Label, t.Unit, t.Source, t.Dataset, t.Points.Select(p => new TrendPointDto(p.Year, p.Period, p.Value)).ToList(), t.Note);
}

public sealed record AreaProfileDto(string Code, string Name, string Level, IReadOnlyList<FigureDto> Figures, IReadOnlyList<TrendDto> Trends)
{
    public static AreaProfileDto From(AreaProfile p) => new(p.Code, p.Name, p.Level?.ToString() ?? "Combined authority area",
        p.Figures.Select(FigureDto.From).ToList(), p.Trends.Select(TrendDto.From).ToList());
}

/// <summary>An authority's profile, with the benchmarks beside it.</summary>
public sealed record ProfileDto(AreaProfileDto Authority, IReadOnlyList<AreaProfileDto> Benchmarks);

/// <summary>The side-by-side table: the chosen authorities, then the benchmarks.</summary>
public sealed record ComparisonDto(IReadOnlyList<AreaProfileDto> Authorities, IReadOnlyList<AreaProfileDto> Benchmarks);

/// <summary>An imported public dataset's provenance; with its SOURCE.md as shipped when asked for one dataset.</summary>
public sealed record DatasetDto(string Dataset, string Title, string Publisher, string Licence, string File, int Rows, DateTimeOffset ImportedAt, string Sha256, string? Source)
{
    public static DatasetDto From(DatasetImport d, string? source = null) => new(d.Dataset, d.Title, d.Publisher, d.Licence, d.File, d.Rows, d.ImportedAt, d.Sha256, source);
}

public sealed record MapLsoaDto(string Code, string Name, string Ward, string AuthorityCode, double Longitude, double Latitude, int ImdDecile, int IdaciDecile);

/// <summary>
/// The evidence base: an authority's contextual profile and several side by side, computed from
/// the imported public data — readable by everyone signed in, for every English authority.
/// </summary>
public static class EvidenceApi
{
    public static void MapEvidenceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/authorities/{onsCode}/profile", GetProfile).WithTags("Evidence").WithName("GetAuthorityProfile").Produces<ProfileDto>()
            .WithSummary("An authority's contextual profile with Greater Manchester, regional and England benchmarks; each figure with its value, source and year.");
        api.MapGet("/authorities/{onsCode}/lsoas", GetLsoas).WithTags("Evidence").WithName("GetAuthorityLsoas")
            .WithSummary("The authority's LSOAs with centre points and IMD 2019 and IDACI deciles.");
        api.MapGet("/datasets", ListDatasets).WithTags("Evidence").WithName("ListDatasets")
            .WithSummary("The imported public datasets: publisher, licence, file, rows and when each was imported.");
        api.MapGet("/datasets/{dataset}", GetDataset).WithTags("Evidence").WithName("GetDataset")
            .WithSummary("One imported public dataset's provenance with its SOURCE.md as shipped.");
        api.MapGet("/compare", Compare).WithTags("Evidence").WithName("CompareAuthorities").Produces<ComparisonDto>()
            .WithSummary("Authorities side by side with their benchmarks (?authorities=E08000007,E08000008&year=&format=json|csv|xlsx).");
    }

    /// <summary>The profile's JSON, made once per import and year (<see cref="EvidenceCache.ResponseAsync"/>).</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> GetProfile(string onsCode, int? year, EvidenceReader reader, EvidenceCache cache, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var code = onsCode.ToUpperInvariant();
        if (await reader.ProfileAsync(code, year, ct) is null)
        {
            return TypedResults.NotFound();
        }

        return Json(await cache.ResponseAsync($"profile|{code}|{year}", async () =>
        {
            var comparison = await reader.CompareAsync([code], year, ct);
            return JsonSerializer.SerializeToUtf8Bytes(new ProfileDto(AreaProfileDto.From(comparison.Authorities[0]), comparison.Benchmarks.Select(AreaProfileDto.From).ToList()), json.Value.SerializerOptions);
        }, ct));
    }

    private static FileContentHttpResult Json(byte[] json) => TypedResults.Bytes(json, "application/json; charset=utf-8");

    private static async Task<Ok<List<DatasetDto>>> ListDatasets(ConcordDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.DatasetImports.AsNoTracking().OrderBy(d => d.Dataset).ToListAsync(ct)).Select(d => DatasetDto.From(d)).ToList());

    private static async Task<Results<Ok<DatasetDto>, NotFound>> GetDataset(string dataset, ConcordDbContext db, CancellationToken ct)
    {
        if (await db.DatasetImports.AsNoTracking().FirstOrDefaultAsync(d => d.Dataset == dataset, ct) is not { } import || PublicDataImport.Find(dataset) is not { } shipped)
        {
            return TypedResults.NotFound();
        }

        var path = PublicDataImport.SourceOf(shipped);
        return TypedResults.Ok(DatasetDto.From(import, File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null));
    }

    private static async Task<Results<Ok<List<MapLsoaDto>>, NotFound>> GetLsoas(string onsCode, EvidenceReader reader, CancellationToken ct)
    {
        var code = onsCode.ToUpperInvariant();
        if (await reader.ProfileAsync(code, null, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var lsoas = await reader.MapAsync([code], ct);
        return TypedResults.Ok(lsoas.Select(l => new MapLsoaDto(l.Code, l.Name, l.Ward, l.AuthorityCode, l.Longitude, l.Latitude, l.ImdDecile, l.IdaciDecile)).ToList());
    }

    /// <summary>The comparison as JSON (made once per import, authorities and year), CSV or Excel.</summary>
    private static async Task<FileContentHttpResult> Compare(string? authorities, int? year, string? format, EvidenceReader reader, EvidenceCache cache, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var chosen = TableExport.Format(format);
        var codes = EvidenceReader.Codes(authorities);
        if (chosen == "json")
        {
            return Json(await cache.ResponseAsync($"compare|{string.Join(',', codes)}|{year}", async () =>
            {
                var comparison = await reader.CompareAsync(codes, year, ct);
                return JsonSerializer.SerializeToUtf8Bytes(new ComparisonDto(comparison.Authorities.Select(AreaProfileDto.From).ToList(), comparison.Benchmarks.Select(AreaProfileDto.From).ToList()), json.Value.SerializerOptions);
            }, ct));
        }

        var comparison = await reader.CompareAsync(codes, year, ct);
        var rows = Rows(comparison);
        var columns = Columns(comparison);
        var name = "comparison-" + string.Join('-', comparison.Authorities.Select(a => a.Code));
        return chosen == "csv"
            ? TypedResults.File(TableExport.Csv(rows, columns), TableExport.CsvType, $"{name}.csv")
            : TypedResults.File(TableExport.Xlsx(rows, columns, "Comparison"), TableExport.XlsxType, $"{name}.xlsx");
    }

    /// <summary>One row per figure: its label and unit, each area's value, then each area's year and the source.</summary>
    public static IReadOnlyList<IReadOnlyList<Figure?>> Rows(Comparison comparison) =>
        Core.PublicData.Profiles.Catalogue.Select(c => (IReadOnlyList<Figure?>)comparison.Columns.Select(p => p[c.Key]).ToList()).ToList();

    public static IReadOnlyList<ExportColumn<IReadOnlyList<Figure?>>> Columns(Comparison comparison) =>
    [
        new("Figure", r => r.FirstOrDefault(f => f is not null)?.Label),
        new("Unit", r => r.FirstOrDefault(f => f is not null)?.Unit),
        .. comparison.Columns.Select((p, i) => new ExportColumn<IReadOnlyList<Figure?>>(p.Name, r => r[i] is { } f ? (object?)f.Value ?? f.Text : null)),
        .. comparison.Columns.Select((p, i) => new ExportColumn<IReadOnlyList<Figure?>>($"{p.Name} period", r => r[i]?.Year)),
        new("Source", r => r.FirstOrDefault(f => f is not null)?.Source),
    ];
}
