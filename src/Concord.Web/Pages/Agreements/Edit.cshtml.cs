using System.Globalization;
using System.Text.RegularExpressions;
using Concord.Core;
using Concord.Core.Finance;
using Concord.Data;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Agreements;

/// <summary>Adds a shared services agreement (/partnerships/{partnershipId}/agreements/new, optionally ?optionId=) or changes one (/agreements/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(AgreementReader agreements, ConcordDbContext db) : ConcordPageModel
{
    /// <summary>How many contribution rows the form offers.</summary>
    public const int Rows = 6;

    public static readonly IReadOnlyList<SelectListItem> KindChoices =
        Choices.WithPrompt("Select a kind", Choices.Of<ContributionKind>(k => k.Display()));

    public static readonly IReadOnlyList<SelectListItem> StatusChoices = Choices.Of<AgreementStatus>(s => s.Display());

    public static readonly IReadOnlyList<SelectListItem> RuleChoices =
        [new(ApportionmentMethod.EqualShares.Display(), nameof(ApportionmentMethod.EqualShares)), new(ApportionmentMethod.FixedPercentages.Display(), nameof(ApportionmentMethod.FixedPercentages))];

    [BindProperty]
    public AgreementInput Input { get; set; } = new();

    public Agreement? Agreement { get; private set; }

    public PartnershipView View { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> OptionChoices =>
        Choices.WithPrompt("Not linked to an option", View.Options.OrderBy(o => o.Value, StringComparer.Ordinal).Select(o => new SelectListItem(o.Value, o.Key.ToString())));

    public IReadOnlyList<SelectListItem> PartyChoices =>
        View.Members.Select(id => new SelectListItem(View.NameOf(id), id.ToString())).OrderBy(i => i.Text, StringComparer.Ordinal).ToList();

    public IReadOnlyList<SelectListItem> CouncilChoices => Choices.WithPrompt("Select a council", PartyChoices);

    public string BackHref => Agreement is null ? $"/partnerships/{View.PartnershipId}/agreements" : $"/agreements/{Agreement.Id}";

    public async Task<IActionResult> OnGetAsync(Guid? partnershipId, Guid? id, Guid? optionId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(partnershipId, id, cancellationToken))
        {
            return NotFound();
        }

        Input = Agreement is null ? AgreementInput.New(View, optionId) : AgreementInput.From(Agreement, View);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(partnershipId, id, cancellationToken))
        {
            return NotFound();
        }

        // Filled rows first, so that "contribution 2" in a message is the second row shown again.
        Input.Contributions = NumberInput.Compact(Input.Contributions, c => c.IsBlank, Rows);
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.Contributions[", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        var details = Input.ToDetails(ModelState);
        var agreement = Agreement;
        return await SaveAsync(
            db,
            change: () =>
            {
                Agreement? saved = agreement;
                try
                {
                    AgreementRules.Apply(() => Input.ToRule(), rule =>
                    {
                        if (agreement is null)
                        {
                            saved = agreements.Create(View, details(rule));
                        }
                        else
                        {
                            agreements.Change(agreement, View, details(rule), Input.Version);
                        }
                    });
                }
                catch (RuleViolationException broken)
                {
                    throw ByRow(broken, "Contributions", "Contribution");
                }

                return Task.FromResult(saved!);
            },
            saved: saved =>
            {
                Notify($"{saved.Title} is saved.");
                return Redirect($"/agreements/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await agreements.AgreementAsync(id ?? Guid.Empty, cancellationToken);
                Input = latest is null ? Input : AgreementInput.From(latest, View);
                return latest is not null;
            },
            "agreement",
            cancellationToken);
    }

    /// <summary>Puts the rule's messages about a repeated part ("Contribution 2: ...") against that row of the form.</summary>
    public static RuleViolationException ByRow(RuleViolationException broken, string field, string noun) =>
        new(broken.Violations.Select(v =>
            v.Field == field && Regex.Match(v.Message, $"^{noun} (\\d+):") is { Success: true } match
                ? v with { Field = $"{field}[{int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) - 1}]" }
                : v).ToList());

    private async Task<bool> FindAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            if (await agreements.FindAsync(existing, cancellationToken) is not var (agreement, view))
            {
                return false;
            }

            (Agreement, View) = (agreement, view);
            return true;
        }

        if (await agreements.PartnershipAsync(partnershipId ?? Guid.Empty, cancellationToken) is not { } partnership)
        {
            return false;
        }

        View = partnership;
        return true;
    }

    public sealed class ContributionInput
    {
        public string? AuthorityId { get; set; }

        public string? Kind { get; set; }

        public string? Description { get; set; }

        public string? AnnualValue { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(AuthorityId) && string.IsNullOrWhiteSpace(Kind) &&
            string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(AnnualValue);
    }

    public sealed class ShareInput
    {
        public string? AuthorityId { get; set; }

        public string? Percent { get; set; }
    }

    /// <summary>The form's fields, in the order they appear (the error summary follows it).</summary>
    public sealed class AgreementInput
    {
        public string? Title { get; set; }

        public string? OptionId { get; set; }

        public List<string> Parties { get; set; } = [];

        public List<ContributionInput> Contributions { get; set; } = [];

        public string? RuleMethod { get; set; } = nameof(ApportionmentMethod.EqualShares);

        public List<ShareInput> RuleShares { get; set; } = [];

        public string? RiskSharing { get; set; }

        public string? Contingency { get; set; }

        public string? ExitArrangements { get; set; }

        public DateInput Starts { get; set; } = new();

        public DateInput Ends { get; set; } = new();

        public DateInput ReviewDate { get; set; } = new();

        public string? Status { get; set; } = nameof(AgreementStatus.Draft);

        public DateInput SignedOn { get; set; } = new();

        public Guid Version { get; set; }

        private List<Guid> PartyIds => Parties.Select(Choices.ReadGuid).OfType<Guid>().Distinct().ToList();

        public ApportionmentRule ToRule()
        {
            var method = Choices.ReadEnum<ApportionmentMethod>(RuleMethod);
            var shares = method == ApportionmentMethod.FixedPercentages
                ? RuleShares.Where(s => Choices.ReadGuid(s.AuthorityId) is { } p && PartyIds.Contains(p))
                    .Where(s => NumberInput.Read(s.Percent) is not null)
                    .Select(s => new AuthorityShare(Choices.ReadGuid(s.AuthorityId)!.Value, NumberInput.Read(s.Percent)!.Value)).ToList()
                : [];
            return ApportionmentRule.Create(method, null, null, shares, PartyIds);
        }

        /// <summary>Reads the dates and amounts (adding errors for those that are not dates or numbers) and returns the details for a rule.</summary>
        public Func<ApportionmentRule, AgreementDetails> ToDetails(ModelStateDictionary modelState)
        {
            var contributions = new List<Contribution>();
            foreach (var (row, index) in Contributions.Select((c, i) => (c, i)).Where(x => !x.c.IsBlank))
            {
                var value = NumberInput.Read(row.AnnualValue);
                if (value is null)
                {
                    modelState.AddModelError($"Input.Contributions[{index}]", $"Contribution {index + 1}: enter the yearly value in pounds, like 25000");
                }

                contributions.Add(new Contribution(Choices.ReadGuid(row.AuthorityId) ?? Guid.Empty, Choices.ReadEnum<ContributionKind>(row.Kind) ?? 0,
                    row.Description ?? string.Empty, value ?? 0));
            }

            var starts = Starts.Read(modelState, "Input.Starts", "Start date");
            var ends = Ends.Read(modelState, "Input.Ends", "End of the term");
            var review = ReviewDate.Read(modelState, "Input.ReviewDate", "Review date");
            var signed = SignedOn.Read(modelState, "Input.SignedOn", "Date signed");
            var status = Status is null ? (AgreementStatus?)null : Choices.ReadEnum<AgreementStatus>(Status) ?? 0;
            return rule => new AgreementDetails(Title, Choices.ReadGuid(OptionId), PartyIds, contributions, RiskSharing, Contingency, ExitArrangements,
                starts, ends, review, status, signed, rule);
        }

        public static AgreementInput New(PartnershipView view, Guid? optionId) => new()
        {
            OptionId = optionId is { } o && view.Options.ContainsKey(o) ? o.ToString() : null,
            Parties = view.Members.Select(m => m.ToString()).ToList(),
            Contributions = NumberInput.Compact<ContributionInput>([], _ => true, Rows),
            RuleShares = Shares(view, null),
        };

        public static AgreementInput From(Agreement a, PartnershipView view) => new()
        {
            Title = a.Title,
            OptionId = a.OptionId?.ToString(),
            Parties = a.Parties.Select(p => p.ToString()).ToList(),
            Contributions = NumberInput.Compact(
                a.Contributions.Select(c => new ContributionInput
                {
                    AuthorityId = c.AuthorityId.ToString(),
                    Kind = c.Kind.ToString(),
                    Description = c.Description,
                    AnnualValue = NumberInput.Write(c.AnnualValue),
                }),
                _ => false,
                Math.Max(Rows, a.Contributions.Count + 1)),
            RuleMethod = a.Rule.Method == ApportionmentMethod.FixedPercentages ? nameof(ApportionmentMethod.FixedPercentages) : nameof(ApportionmentMethod.EqualShares),
            RuleShares = Shares(view, a.Rule),
            RiskSharing = a.RiskSharing,
            Contingency = a.Contingency,
            ExitArrangements = a.ExitArrangements,
            Starts = DateInput.From(a.Starts),
            Ends = DateInput.From(a.Ends),
            ReviewDate = DateInput.From(a.ReviewDate),
            Status = a.Status.ToString(),
            SignedOn = DateInput.From(a.SignedOn),
            Version = a.Version,
        };

        private static List<ShareInput> Shares(PartnershipView view, ApportionmentRule? rule) =>
            view.Members
                .Select(m => new ShareInput
                {
                    AuthorityId = m.ToString(),
                    Percent = rule?.Method == ApportionmentMethod.FixedPercentages && rule.Shares.FirstOrDefault(s => s.AuthorityId == m) is { } share ? NumberInput.Write(share.Value) : null,
                })
                .ToList();
    }
}
