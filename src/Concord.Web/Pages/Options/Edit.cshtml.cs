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

/// <summary>Adds an option (/programme/{partnershipId}/options/new) or changes what it is (/options/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public override string Section => "Options";

    public static readonly IReadOnlyList<SelectListItem> BenefitChoices = Choices.Of<ExpectedBenefit>(b => b.Display());

    [BindProperty]
    public OptionInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> Councils => View.Members.Select(id => new SelectListItem(View.NameOf(id), id.ToString())).OrderBy(i => i.Text, StringComparer.Ordinal).ToList();

    public IReadOnlyList<SelectListItem> Phases => Choices.WithPrompt("No phase", View.Programme.Phases.OrderBy(p => p.Number).Select(p => new SelectListItem(p.Name, p.Id.ToString())));

    public IReadOnlyList<SelectListItem> Workstreams => Choices.WithPrompt("No workstream", View.Programme.Workstreams.OrderBy(w => w.Name, StringComparer.Ordinal).Select(w => new SelectListItem(w.Name, w.Id.ToString())));

    public async Task<IActionResult> OnGetAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, option) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        Input = option is null ? new OptionInput { Participants = [.. View.Members] } : OptionInput.From(option);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, option) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        var details = Input.ToDetails();
        var phases = View.Programme.Phases.Select(p => p.Id).ToList();
        var workstreams = View.Programme.Workstreams.Select(w => w.Id).ToList();
        return await SaveAsync(
            db,
            change: () =>
            {
                if (option is null)
                {
                    option = Option.Create(View.Programme, details, View.Members, phases, workstreams);
                    db.Options.Add(option);
                }
                else
                {
                    option.Change(details, View.Members, phases, workstreams);
                    db.ExpectVersion(option, Input.Version);
                    db.Touch(option);
                }

                return Task.FromResult(option);
            },
            saved: saved =>
            {
                Notify($"{saved.Title} is saved.");
                return Redirect($"/options/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await db.Options.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
                Input = latest is null ? Input : OptionInput.From(latest);
                return latest is not null;
            },
            "option",
            cancellationToken);
    }

    private async Task<(bool Found, Option? Record)> FindAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var found = await LoadNewOrExistingAsync(partnershipId, id, db.Options.Include(o => o.Transitions), cancellationToken);
        return found;
    }

    public sealed class OptionInput
    {
        public string? Title { get; set; }

        public string? Summary { get; set; }

        public string? ServiceArea { get; set; }

        public string? PhaseId { get; set; }

        public string? WorkstreamId { get; set; }

        public List<Guid> Participants { get; set; } = [];

        public string? IsProofOfConcept { get; set; } = "no";

        public List<string> Benefits { get; set; } = [];

        public string? OtherBenefits { get; set; }

        public Guid Version { get; set; }

        public OptionDetails ToDetails() => new(Title, Summary, ServiceArea, Choices.ReadGuid(PhaseId), Choices.ReadGuid(WorkstreamId),
            IsProofOfConcept == "yes", Participants, Benefits.Select(b => Choices.ReadEnum<ExpectedBenefit>(b) ?? (ExpectedBenefit)0).ToList(), OtherBenefits);

        public static OptionInput From(Option o) => new()
        {
            Title = o.Title,
            Summary = o.Summary,
            ServiceArea = o.ServiceArea,
            PhaseId = o.PhaseId?.ToString(),
            WorkstreamId = o.WorkstreamId?.ToString(),
            Participants = [.. o.ParticipantIds],
            IsProofOfConcept = Choices.WriteYesNo(o.IsProofOfConcept),
            Benefits = o.Benefits.Select(b => b.ToString()).ToList(),
            OtherBenefits = o.OtherBenefits,
            Version = o.Version,
        };
    }
}
