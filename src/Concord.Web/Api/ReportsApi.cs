using Concord.Core.Access;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Reports;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Api;

public sealed record ReportDto(
    Guid Id, Guid PartnershipId, Guid GovernanceBodyId, string Committee, DateOnly MeetingDate, Guid? OptionId, string Title,
    string Purpose, string Background, string Information, string Financial, string Legal, string HumanResources, string Equalities, string Recommendations,
    string OfficerName, string OfficerJobTitle, string OfficerEmail, string? OfficerPhone, DateTimeOffset UpdatedAt, string UpdatedBy, Guid Version)
{
    public static ReportDto From(CommitteeReport r) => new(r.Id, r.PartnershipId, r.GovernanceBodyId, r.CommitteeName, r.MeetingDate, r.OptionId, r.Title,
        r.Purpose, r.Background, r.Information, r.Financial, r.Legal, r.HumanResources, r.Equalities, r.Recommendations,
        r.OfficerName, r.OfficerJobTitle, r.OfficerEmail, r.OfficerPhone, r.UpdatedAt, r.UpdatedBy, r.Version);
}

public sealed record NewReportRequest(Guid? GovernanceBodyId, DateOnly? MeetingDate, Guid? OptionId, string? OfficerName, string? OfficerJobTitle, string? OfficerEmail);

public sealed record ReportRequest(DateOnly? MeetingDate, string? Title, string? Purpose, string? Background, string? Information, string? Financial, string? Legal,
    string? HumanResources, string? Equalities, string? Recommendations, string? OfficerName, string? OfficerJobTitle, string? OfficerEmail, string? OfficerPhone, Guid? Version)
{
    public ReportSections ToSections() => new(Title, Purpose, Background, Information, Financial, Legal, HumanResources, Equalities, Recommendations,
        OfficerName, OfficerJobTitle, OfficerEmail, OfficerPhone);
}

/// <summary>The council's own committee reports on the programme, and each as a Word document.</summary>
public static class ReportsApi
{
    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var list = api.MapGroup("/partnerships/{partnershipId:guid}/reports").WithTags("Committee reports");
        list.MapGet("/", List).WithName("ListReports").WithSummary("The committee reports of the council you work for");
        list.MapPost("/", Create).WithName("CreateReport").RequireAuthorization(Policies.Edit)
            .WithSummary("Drafts a report to one of your council's committees, its text written from the programme's records");

        var one = api.MapGroup("/reports/{id:guid}").WithTags("Committee reports");
        one.MapGet("/", Get).WithName("GetReport");
        one.MapPut("/", Update).WithName("UpdateReport").RequireAuthorization(Policies.Edit);
        one.MapGet("/docx", Docx).WithName("DownloadReport").WithSummary("The report as a Word document, its tables generated from live data now");
    }

    private static async Task<Results<Ok<List<ReportDto>>, NotFound>> List(Guid partnershipId, ConcordDbContext db, IUserContext user, CancellationToken ct)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct))
        {
            return TypedResults.NotFound();
        }

        var reports = await db.CommitteeReports.OwnedBy(user.ActiveAuthorityId).Where(r => r.PartnershipId == partnershipId)
            .OrderByDescending(r => r.MeetingDate).ToListAsync(ct);
        return TypedResults.Ok(reports.Select(ReportDto.From).ToList());
    }

    private static async Task<Results<Created<ReportDto>, NotFound>> Create(Guid partnershipId, NewReportRequest request, ProgrammeReader reader, ConcordDbContext db, CancellationToken ct)
    {
        if (await reader.ForPartnershipAsync(partnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var authority = reader.Actor.AuthorityId ?? throw new AccessDeniedException("Choose the council you are working for.");
        var committee = await db.GovernanceBodies.OwnedBy(authority).SingleOrDefaultAsync(b => b.Id == request.GovernanceBodyId, ct);
        if (request.OptionId is { } optionId && !await db.Options.AnyAsync(o => o.Id == optionId && o.ProgrammeId == view.Programme.Id, ct))
        {
            throw new Core.RuleViolationException([new("optionId", "Choose one of the programme's options, or none for the whole programme")]);
        }

        var sections = await reader.DraftSectionsAsync(view, committee?.Name ?? "committee", request.OptionId, ct)
            with
        { OfficerName = request.OfficerName, OfficerJobTitle = request.OfficerJobTitle, OfficerEmail = request.OfficerEmail };
        var report = CommitteeReport.Draft(authority, partnershipId, committee, request.MeetingDate, request.OptionId, sections, reader.Actor);
        db.CommitteeReports.Add(report);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/reports/{report.Id}", ReportDto.From(report));
    }

    private static Task<CommitteeReport?> FindAsync(Guid id, ConcordDbContext db, IUserContext user, CancellationToken ct) =>
        db.CommitteeReports.OwnedBy(user.ActiveAuthorityId).SingleOrDefaultAsync(r => r.Id == id, ct);

    private static async Task<Results<Ok<ReportDto>, NotFound>> Get(Guid id, ConcordDbContext db, IUserContext user, CancellationToken ct) =>
        await FindAsync(id, db, user, ct) is { } report ? TypedResults.Ok(ReportDto.From(report)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ReportDto>, NotFound>> Update(Guid id, ReportRequest request, ProgrammeReader reader, ConcordDbContext db, IUserContext user, CancellationToken ct)
    {
        if (await FindAsync(id, db, user, ct) is not { } report)
        {
            return TypedResults.NotFound();
        }

        var version = ConcordApi.RequireVersion(request.Version);
        report.Change(request.MeetingDate, request.ToSections(), reader.Actor);
        db.ExpectVersion(report, version);
        db.Touch(report);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReportDto.From(report));
    }

    private static async Task<IResult> Docx(Guid id, ProgrammeReader reader, ConcordDbContext db, IUserContext user, CancellationToken ct)
    {
        if (await FindAsync(id, db, user, ct) is not { } report || await reader.ForPartnershipAsync(report.PartnershipId, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var content = await reader.ReportContentAsync(report, view, ct);
        return TypedResults.File(CommitteeReportDocument.Write(content), CommitteeReportDocument.ContentType, DocxModel.FileName(report.CommitteeName, report.MeetingDate));
    }
}
