using System.Globalization;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Risks;

/// <summary>Adds a risk (/programme/{partnershipId}/risks/new, optionally ?optionId=) or changes one (/risks/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(ProgrammeReader reader, RiskReader risks, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public override string Section => "Risks";

    public static readonly IReadOnlyList<SelectListItem> ScopeChoices = Choices.Of<RiskScope>(s => s.Display());

    public static readonly IReadOnlyList<SelectListItem> StatusChoices = Choices.Of<RiskStatus>(s => s.ToString());

    public static readonly IReadOnlyList<SelectListItem> ScoreChoices =
        Enumerable.Range(1, 5).Select(n => new SelectListItem(n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture))).ToList();

    public const string LikelihoodHint = "1 is rare, 5 is almost certain.";

    public const string ImpactHint = "1 is negligible, 5 is severe: statutory duties or children's outcomes harmed.";

    [BindProperty]
    public RiskInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public Risk? Risk { get; private set; }

    /// <summary>The option the risk belongs to, or none for a programme risk.</summary>
    public Option? Option { get; private set; }

    public IReadOnlyList<SelectListItem> Councils =>
        Choices.WithPrompt("Select a council", View.Members.Select(id => new SelectListItem(View.NameOf(id), id.ToString())).OrderBy(i => i.Text, StringComparer.Ordinal));

    public string BackHref => Risk is not null
        ? $"/risks/{Risk.Id}"
        : $"/programme/{View.PartnershipId}/risks{(Option is null ? string.Empty : $"?optionId={Option.Id}")}";

    public async Task<IActionResult> OnGetAsync(Guid? partnershipId, Guid? id, Guid? optionId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(partnershipId, id, optionId, cancellationToken))
        {
            return NotFound();
        }

        Input = Risk is null ? new RiskInput() : RiskInput.From(Risk);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? partnershipId, Guid? id, Guid? optionId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(partnershipId, id, optionId, cancellationToken))
        {
            return NotFound();
        }

        var details = Input.ToDetails(ModelState);
        var risk = Risk;
        return await SaveAsync(
            db,
            change: async () =>
            {
                if (risk is null)
                {
                    return await risks.IdentifyAsync(View, Option?.Id, details, cancellationToken);
                }

                risk.Change(details, View.Members, Reader.Actor, Input.Note);
                db.ExpectVersion(risk, Input.Version);
                db.Touch(risk);
                return risk;
            },
            saved: saved =>
            {
                Notify($"{saved.Reference} is saved.");
                return Redirect($"/risks/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await risks.RiskAsync(id ?? Guid.Empty, cancellationToken);
                Input = latest is null ? Input : RiskInput.From(latest);
                return latest is not null;
            },
            "risk",
            cancellationToken);
    }

    private async Task<bool> FindAsync(Guid? partnershipId, Guid? id, Guid? optionId, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            if (!await LoadPartnershipAsync(partnershipId ?? Guid.Empty, cancellationToken))
            {
                return false;
            }

            if (optionId is { } o)
            {
                Option = (await Reader.OptionsAsync(View, cancellationToken)).FirstOrDefault(x => x.Id == o);
                return Option is not null;
            }

            return true;
        }

        Risk = await risks.RiskAsync(id.Value, cancellationToken);
        if (Risk is null || !await LoadProgrammeAsync(Risk.ProgrammeId, cancellationToken))
        {
            return false;
        }

        Option = Risk.OptionId is { } optionOfRisk ? await Reader.OptionAsync(optionOfRisk, cancellationToken) : null;
        return true;
    }

    /// <summary>The form's fields, in the order they appear (the error summary follows it).</summary>
    public sealed class RiskInput
    {
        public string? Title { get; set; }

        public string? Implication { get; set; }

        public string? Cause { get; set; }

        public string? Mitigation { get; set; }

        public string? Owner { get; set; }

        public string? Scope { get; set; }

        public string? AffectedAuthorityId { get; set; }

        public string? InherentLikelihood { get; set; }

        public string? InherentImpact { get; set; }

        public string? CurrentLikelihood { get; set; }

        public string? CurrentImpact { get; set; }

        public string? Note { get; set; }

        public string? TargetLikelihood { get; set; }

        public string? TargetImpact { get; set; }

        public DateInput ReviewDate { get; set; } = new();

        public string? Status { get; set; } = nameof(RiskStatus.Open);

        public Guid Version { get; set; }

        public RiskDetails ToDetails(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState) => new(
            Title, Implication, Cause, Mitigation, Owner,
            Scope is null ? null : Choices.ReadEnum<RiskScope>(Scope) ?? (RiskScope)0,
            Choices.ReadGuid(AffectedAuthorityId),
            Number(InherentLikelihood), Number(InherentImpact),
            Number(CurrentLikelihood), Number(CurrentImpact),
            Number(TargetLikelihood), Number(TargetImpact),
            ReviewDate.Read(modelState, "Input.ReviewDate", "Review date"),
            Status is null ? null : Choices.ReadEnum<RiskStatus>(Status) ?? (RiskStatus)0);

        public static RiskInput From(Risk r) => new()
        {
            Title = r.Title,
            Implication = r.Implication,
            Cause = r.Cause,
            Mitigation = r.Mitigation,
            Owner = r.Owner,
            Scope = r.Scope.ToString(),
            AffectedAuthorityId = r.AffectedAuthorityId?.ToString(),
            InherentLikelihood = Write(r.InherentLikelihood),
            InherentImpact = Write(r.InherentImpact),
            CurrentLikelihood = Write(r.CurrentLikelihood),
            CurrentImpact = Write(r.CurrentImpact),
            TargetLikelihood = Write(r.TargetLikelihood),
            TargetImpact = Write(r.TargetImpact),
            ReviewDate = DateInput.From(r.ReviewDate),
            Status = r.Status.ToString(),
            Version = r.Version,
        };

        /// <summary>A score as entered; anything that is not a whole number counts as not entered.</summary>
        private static int? Number(string? value) =>
            int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

        private static string Write(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
