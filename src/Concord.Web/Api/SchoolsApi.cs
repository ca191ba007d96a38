using Concord.Core;
using Concord.Core.PublicData;
using Concord.Web.Infrastructure.Exports;
using Concord.Web.Schools;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concord.Web.Api;

/// <summary>A school's Ofsted judgement from the February 2020 scrape: always read with <see cref="AsShownOn"/>, the scrape's latest inspection date.</summary>
public sealed record OfstedJudgementDto(string Rating, int? Grade, DateOnly InspectedOn, DateOnly AsShownOn)
{
    public static OfstedJudgementDto? From(string? rating, DateOnly? inspectedOn) => rating is null || inspectedOn is null
        ? null
        : new(rating, (int?)SchoolInspection.GradeOf(rating), inspectedOn.Value, SchoolInspection.AsAt);
}

public sealed record SchoolDto(
    int Urn, string Name, string? AuthorityCode, int LaNumber, string LaName, string Phase, string Type, string TypeGroup,
    string? ResponsibleBody, string? ResponsibleBodyType, int? Pupils, decimal? PercentageFsm, string? Town, string? Postcode, OfstedJudgementDto? Ofsted)
{
    public static SchoolDto From(School s, string? authorityCode, string? rating, DateOnly? inspectedOn) => new(
        s.Urn, s.Name, authorityCode, s.LaNumber, s.LaName, s.Phase, s.Type, s.TypeGroup, s.ResponsibleBody, s.ResponsibleBodyType, s.Pupils, s.PercentageFsm,
        s.Town, s.Postcode, OfstedJudgementDto.From(rating, inspectedOn));

    public static SchoolDto From(SchoolRow r) => From(r.School, r.AuthorityCode, r.Rating, r.InspectedOn);
}

/// <summary>A page of schools: how many the filters find, which page this is, and where the figures come from.</summary>
public sealed record SchoolListDto(int Total, int Page, int Pages, int PageSize, IReadOnlyList<string>? Authorities, IReadOnlyList<SchoolDto> Schools, IReadOnlyList<DataSourceDto> Sources);

public sealed record SchoolLsoaDto(string Code, string? Name, string? WardCode, string? WardName, int? ImdRank, int? ImdDecile, int? IdaciDecile);

public sealed record SchoolDetailDto(
    SchoolDto School, int? EstablishmentNumber, string? Website, SchoolLsoaDto? Lsoa, double? Longitude, double? Latitude,
    IReadOnlyList<OfstedJudgementDto> OfstedHistory, int? OtherUrnIn2020, IReadOnlyList<DataSourceDto> Sources);

/// <summary>The register of schools: public data, readable by everyone signed in, for any authority.</summary>
public static class SchoolsApi
{
    public static void MapSchoolsApi(this RouteGroupBuilder api)
    {
        var schools = api.MapGroup("/schools").WithTags("Schools");
        schools.MapGet("/", ListSchools).WithName("ListSchools")
            .WithSummary("Open schools of the authorities (ONS codes separated by commas, or all; by default those of the caller's partnerships), "
                + "filtered by phase, typeGroup, ofsted (outstanding, good, requires-improvement, inadequate, none), trust and q (name, URN or postcode); "
                + "sort=name, pupils, fsm or ofsted; a page of 50, or every school found with format=csv or xlsx. Ofsted judgements are as shown in February 2020");
        schools.MapGet("/{urn:int}", GetSchool).WithName("GetSchool")
            .WithSummary("One open school by URN: its register entry, LSOA, ward and deprivation, and its Ofsted judgements as shown in February 2020");
    }

    private static async Task<Results<Ok<SchoolListDto>, FileContentHttpResult>> ListSchools(
        string? authority, string? phase, string? typeGroup, string? ofsted, string? trust, string? q, string? sort, int? page, string? format,
        SchoolRegister register, CancellationToken ct)
    {
        var chosenFormat = (format ?? "json").ToLowerInvariant();
        if (chosenFormat is not ("json" or "csv" or "xlsx"))
        {
            throw new RuleViolationException([new RuleViolation("format", "Format must be json, csv or xlsx")]);
        }

        var search = await register.SearchAsync(new SchoolQuery(authority, phase, typeGroup, ofsted, trust, q, sort, page), ct);
        const string name = "schools";
        switch (chosenFormat)
        {
            case "csv":
                return TypedResults.File(TableExport.Csv(await register.FindAllAsync(search, ct), SchoolRegister.Columns), TableExport.CsvType, $"{name}.csv");
            case "xlsx":
                return TypedResults.File(TableExport.Xlsx(await register.FindAllAsync(search, ct), SchoolRegister.Columns, "Schools"), TableExport.XlsxType, $"{name}.xlsx");
        }

        var list = await register.FindAsync(search, ct);
        return TypedResults.Ok(new SchoolListDto(list.Total, list.Page, list.Pages, list.PageSize, search.Authorities?.Select(a => a.Code).ToList(),
            list.Rows.Select(SchoolDto.From).ToList(), await SourcesAsync(register, ct)));
    }

    private static async Task<Results<Ok<SchoolDetailDto>, NotFound<string>>> GetSchool(int urn, SchoolRegister register, CancellationToken ct)
    {
        if (await register.ProfileAsync(urn, ct) is not { } profile)
        {
            return TypedResults.NotFound($"No open school has the URN {urn}.");
        }

        var (school, inspection, lsoa, deprivation) = (profile.School, profile.Inspection, profile.Lsoa, profile.Deprivation);
        return TypedResults.Ok(new SchoolDetailDto(
            SchoolDto.From(school, profile.AuthorityCode, inspection?.Rating, inspection?.InspectedOn),
            school.EstablishmentNumber, school.Website,
            school.LsoaCode is { } code ? new SchoolLsoaDto(code, lsoa?.Name, lsoa?.WardCode, lsoa?.WardName, deprivation?.ImdRank, deprivation?.ImdDecile, deprivation?.IdaciDecile) : null,
            school.Longitude, school.Latitude,
            inspection?.History.Select(j => OfstedJudgementDto.From(j.Rating, j.InspectedOn)!).ToList() ?? [],
            inspection?.OtherUrn, await SourcesAsync(register, ct)));
    }

    private static async Task<IReadOnlyList<DataSourceDto>> SourcesAsync(SchoolRegister register, CancellationToken ct) =>
        (await register.SourcesAsync(ct)).Values.Select(DataSourceDto.From).OfType<DataSourceDto>().ToList();
}
