using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Options;

/// <summary>
/// One part of an option's appraisal, each the evidence for a gate criterion: EqIA screening, HR,
/// legal and financial considerations, whether a shared services agreement is needed, monitoring,
/// and delivery and scrutiny. The cost-benefit analysis and the agreement itself have their own pages.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class AppraisalModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public static readonly IReadOnlyDictionary<string, string> Parts = new Dictionary<string, string>
    {
        ["eqia"] = "Equality Impact Assessment screening",
        ["considerations"] = "HR, legal and financial considerations",
        ["agreement"] = "Shared services agreement",
        ["monitoring"] = "Monitoring method and indicators",
        ["delivery"] = "Delivery and scrutiny",
    };

    public static readonly IReadOnlyList<SelectListItem> EqiaChoices = Choices.Of<EqiaStatus>(s => s.Display());
    public static readonly IReadOnlyList<SelectListItem> NeedChoices = Choices.Of<AgreementNeed>(s => s.Display());

    public override string Section => "Options";

    public Option Option { get; private set; } = default!;

    public string Part { get; private set; } = string.Empty;

    [BindProperty]
    public AppraisalInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string part, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, part, cancellationToken))
        {
            return NotFound();
        }

        Input = AppraisalInput.From(Option);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string part, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, part, cancellationToken))
        {
            return NotFound();
        }

        var option = Option;
        return await SaveAsync(
            db,
            change: () =>
            {
                switch (part)
                {
                    case "eqia":
                        option.RecordEqia(Choices.ReadEnum<EqiaStatus>(Input.Eqia), Input.EqiaNotes);
                        break;
                    case "considerations":
                        option.RecordConsiderations(Input.HrConsiderations, Input.LegalConsiderations, Input.FinancialConsiderations);
                        break;
                    case "agreement":
                        option.RecordAgreementNeed(Choices.ReadEnum<AgreementNeed>(Input.AgreementNeed));
                        break;
                    case "monitoring":
                        option.RecordMonitoring(Input.MonitoringMethod, Input.Indicators);
                        break;
                    case "delivery":
                        option.RecordDelivery(Input.DeliveryForum, Input.AccountableOfficer,
                            Input.FirstScrutinyReportOn.Read(ModelState, "Input.FirstScrutinyReportOn", "Date of the first scrutiny report"), Input.FirstScrutinyCommittee);
                        break;
                }

                db.ExpectVersion(option, Input.Version);
                db.Touch(option);
                return Task.FromResult(option);
            },
            saved: saved =>
            {
                Notify($"{Parts[part]} is saved.");
                return Redirect($"/options/{saved.Id}#appraisal");
            },
            showLatest: async () =>
            {
                var latest = await db.Options.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
                Input = latest is null ? Input : AppraisalInput.From(latest);
                return latest is not null;
            },
            "option",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid id, string part, CancellationToken cancellationToken)
    {
        var option = await Reader.OptionAsync(id, cancellationToken);
        if (option is null || !Parts.ContainsKey(part) || !await LoadProgrammeAsync(option.ProgrammeId, cancellationToken))
        {
            return false;
        }

        (Option, Part) = (option, part);
        return true;
    }

    public sealed class AppraisalInput
    {
        public string? Eqia { get; set; }

        public string? EqiaNotes { get; set; }

        public string? HrConsiderations { get; set; }

        public string? LegalConsiderations { get; set; }

        public string? FinancialConsiderations { get; set; }

        public string? AgreementNeed { get; set; }

        public string? MonitoringMethod { get; set; }

        public string? Indicators { get; set; }

        public string? DeliveryForum { get; set; }

        public string? AccountableOfficer { get; set; }

        public DateInput FirstScrutinyReportOn { get; set; } = new();

        public string? FirstScrutinyCommittee { get; set; }

        public Guid Version { get; set; }

        public static AppraisalInput From(Option o) => new()
        {
            Eqia = o.Eqia.ToString(),
            EqiaNotes = o.EqiaNotes,
            HrConsiderations = o.HrConsiderations,
            LegalConsiderations = o.LegalConsiderations,
            FinancialConsiderations = o.FinancialConsiderations,
            AgreementNeed = o.AgreementNeed.ToString(),
            MonitoringMethod = o.MonitoringMethod,
            Indicators = o.Indicators,
            DeliveryForum = o.DeliveryForum,
            AccountableOfficer = o.AccountableOfficer,
            FirstScrutinyReportOn = DateInput.From(o.FirstScrutinyReportOn),
            FirstScrutinyCommittee = o.FirstScrutinyCommittee,
            Version = o.Version,
        };
    }
}
