using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Reports;

/// <summary>Edits a committee report's text; its tables are shown as they will be generated from live data.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class EditModel(ProgrammeReader reader, ConcordDbContext db, IAuthorizationService authorization) : ReportPageModel(reader, db)
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ReportInput.From(Report);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var date = Input.MeetingDate.Read(ModelState, "Input.MeetingDate", "Meeting date");
        return await SaveAsync(
            Db,
            change: () =>
            {
                Report.Change(date, Input.ToSections(), Reader.Actor);
                Db.ExpectVersion(Report, Input.Version);
                Db.Touch(Report);
                return Task.FromResult(Report);
            },
            saved: saved =>
            {
                Notify("The report is saved.");
                return Redirect($"/reports/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await Db.CommitteeReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
                Input = latest is null ? Input : ReportInput.From(latest);
                return latest is not null;
            },
            "report",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadReportAsync(id, cancellationToken))
        {
            return false;
        }

        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    public sealed class ReportInput
    {
        public string? Title { get; set; }

        public DateInput MeetingDate { get; set; } = new();

        public string? Purpose { get; set; }

        public string? Background { get; set; }

        public string? Information { get; set; }

        public string? Financial { get; set; }

        public string? Legal { get; set; }

        public string? HumanResources { get; set; }

        public string? Equalities { get; set; }

        public string? Recommendations { get; set; }

        public string? OfficerName { get; set; }

        public string? OfficerJobTitle { get; set; }

        public string? OfficerEmail { get; set; }

        public string? OfficerPhone { get; set; }

        public Guid Version { get; set; }

        public ReportSections ToSections() => new(Title, Purpose, Background, Information, Financial, Legal, HumanResources, Equalities,
            Recommendations, OfficerName, OfficerJobTitle, OfficerEmail, OfficerPhone);

        public static ReportInput From(CommitteeReport r) => new()
        {
            Title = r.Title,
            MeetingDate = DateInput.From(r.MeetingDate),
            Purpose = r.Purpose,
            Background = r.Background,
            Information = r.Information,
            Financial = r.Financial,
            Legal = r.Legal,
            HumanResources = r.HumanResources,
            Equalities = r.Equalities,
            Recommendations = r.Recommendations,
            OfficerName = r.OfficerName,
            OfficerJobTitle = r.OfficerJobTitle,
            OfficerEmail = r.OfficerEmail,
            OfficerPhone = r.OfficerPhone,
            Version = r.Version,
        };
    }
}
