using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Reports;

/// <summary>The whole report as one printable page, tables from live data.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class PrintModel(ProgrammeReader reader, ConcordDbContext db) : ReportPageModel(reader, db)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadReportAsync(id, cancellationToken) ? Page() : NotFound();
}
