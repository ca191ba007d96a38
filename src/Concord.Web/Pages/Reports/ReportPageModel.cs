using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Reports;

/// <summary>A page about one of the council's own committee reports (other councils' reports are not found).</summary>
public abstract class ReportPageModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public override string Section => "Reports";

    protected ConcordDbContext Db { get; } = db;

    public CommitteeReport Report { get; private set; } = default!;

    public ReportContent Contents { get; private set; } = default!;

    protected async Task<bool> LoadReportAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await Db.CommitteeReports.OwnedBy(Reader.Actor.AuthorityId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !await LoadPartnershipAsync(report.PartnershipId, cancellationToken))
        {
            return false;
        }

        Report = report;
        Contents = await Reader.ReportContentAsync(report, View, cancellationToken);
        return true;
    }
}
