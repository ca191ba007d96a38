using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Reports;

/// <summary>Downloads the report as a Word document, its tables generated from live data now.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DocxModel(ProgrammeReader reader, ConcordDbContext db) : ReportPageModel(reader, db)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadReportAsync(id, cancellationToken)
            ? File(CommitteeReportDocument.Write(Contents), CommitteeReportDocument.ContentType, FileName(Report.CommitteeName, Report.MeetingDate))
            : NotFound();

    public static string FileName(string committee, DateOnly meeting) =>
        $"{string.Concat(committee.Where(char.IsLetterOrDigit).Take(40))}-{meeting:yyyy-MM-dd}.docx";
}
