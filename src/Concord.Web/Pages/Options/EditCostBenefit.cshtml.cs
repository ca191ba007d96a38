using System.Globalization;
using System.Text.RegularExpressions;
using Concord.Core.Finance;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Options;

/// <summary>Prepares or changes an option's cost-benefit analysis (/options/{id}/cost-benefit/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed partial class EditCostBenefitModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    /// <summary>How many line rows the form offers at least.</summary>
    public const int Rows = 10;

    public override string Section => "Options";

    public static readonly IReadOnlyList<SelectListItem> ScenarioChoices =
        Choices.WithPrompt("Select a scenario", Choices.Of<CostBenefitScenario>(s => s.Display()));

    public static readonly IReadOnlyList<SelectListItem> KindChoices =
        Choices.WithPrompt("Select a kind", Choices.Of<CostBenefitKind>(k => k.Display()));

    [BindProperty]
    public CostBenefitInput Input { get; set; } = new();

    public Option Option { get; private set; } = default!;

    public CostBenefitAnalysis? Analysis { get; private set; }

    public IReadOnlyList<SelectListItem> CouncilChoices =>
        Choices.WithPrompt("Select a council", Option.ParticipantIds.Select(id => new SelectListItem(View.NameOf(id), id.ToString())).OrderBy(i => i.Text, StringComparer.Ordinal));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = Analysis is null ? CostBenefitInput.New(Reader.Today) : CostBenefitInput.From(Analysis);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.Lines = NumberInput.Compact(Input.Lines, l => l.IsBlank, Rows);
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.Lines[", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        var details = Input.ToDetails(ModelState);
        var analysis = Analysis;
        var option = Option;
        return await SaveAsync(
            db,
            change: () =>
            {
                try
                {
                    if (analysis is null)
                    {
                        analysis = CostBenefitAnalysis.Create(option.PartnershipId, option.Id, details, option.ParticipantIds, Reader.Actor);
                        db.CostBenefitAnalyses.Add(analysis);
                    }
                    else
                    {
                        analysis.Change(details, option.ParticipantIds, Reader.Actor);
                        db.ExpectVersion(analysis, Input.Version);
                        db.Touch(analysis);
                    }
                }
                catch (Core.RuleViolationException broken)
                {
                    throw Agreements.EditModel.ByRow(broken, "Lines", "Line");
                }

                return Task.FromResult(analysis);
            },
            saved: _ =>
            {
                Notify("The cost-benefit analysis is saved.");
                return Redirect($"/options/{option.Id}/cost-benefit");
            },
            showLatest: async () =>
            {
                var latest = await db.CostBenefitAnalyses.SingleOrDefaultAsync(a => a.OptionId == id, cancellationToken);
                Input = latest is null ? Input : CostBenefitInput.From(latest);
                return latest is not null;
            },
            "cost-benefit analysis",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadOptionAsync(id, cancellationToken) is not { } option)
        {
            return false;
        }

        Option = option;
        Analysis = await db.CostBenefitAnalyses.SingleOrDefaultAsync(a => a.OptionId == id, cancellationToken);
        return true;
    }

    public sealed class LineInput
    {
        public string? Scenario { get; set; }

        public string? AuthorityId { get; set; }

        public string? Kind { get; set; }

        public string? Description { get; set; }

        public string? Amounts { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Scenario) && string.IsNullOrWhiteSpace(AuthorityId) && string.IsNullOrWhiteSpace(Kind) &&
            string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Amounts);
    }

    /// <summary>The form's fields, in the order they appear (the error summary follows it).</summary>
    public sealed partial class CostBenefitInput
    {
        public string? FirstYear { get; set; }

        public string? HorizonYears { get; set; }

        public string? DiscountRate { get; set; }

        public string? OptimismBias { get; set; }

        public List<LineInput> Lines { get; set; } = [];

        public string? DescribedBenefits { get; set; }

        public string? Notes { get; set; }

        public Guid Version { get; set; }

        public CostBenefitDetails ToDetails(ModelStateDictionary modelState)
        {
            int? Whole(string key, string? value, string message)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return null;
                }

                if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                modelState.AddModelError(key, message);
                return -1;
            }

            var first = Whole("Input.FirstYear", FirstYear, "Enter the first financial year as a year, like 2026 for 2026-27");
            var horizon = Whole("Input.HorizonYears", HorizonYears, "Enter the number of years as a whole number, like 5");
            var rate = AmountInput.ReadPercentOr(DiscountRate, modelState, "Input.DiscountRate", "Enter the discount rate as a percentage, like 3.5");
            var bias = AmountInput.ReadPercentOr(OptimismBias, modelState, "Input.OptimismBias", "Enter optimism bias as a percentage, like 20");
            var lines = new List<CostBenefitLine>();
            foreach (var (row, index) in Lines.Select((l, i) => (l, i)).Where(x => !x.l.IsBlank))
            {
                var amounts = new List<decimal>();
                var parts = SplitAmounts(row.Amounts);
                foreach (var (part, year) in parts.Select((p, y) => (p, y + 1)))
                {
                    if (NumberInput.Read(part) is { } amount)
                    {
                        amounts.Add(amount);
                    }
                    else if (!modelState.ContainsKey($"Input.Lines[{index}]"))
                    {
                        modelState.AddModelError($"Input.Lines[{index}]", $"Line {index + 1}: the amount for year {year} (\u201c{part}\u201d) is not a number");
                    }
                }

                lines.Add(new CostBenefitLine(Choices.ReadEnum<CostBenefitScenario>(row.Scenario) ?? 0, Choices.ReadGuid(row.AuthorityId) ?? Guid.Empty,
                    Choices.ReadEnum<CostBenefitKind>(row.Kind) ?? 0, row.Description ?? string.Empty, amounts));
            }

            var described = (DescribedBenefits ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new CostBenefitDetails(first, horizon, rate, bias, lines, described, Notes);
        }

        /// <summary>"12000 0 0", "12,000; 0; 0" and "12000, 0, 0" alike: commas separate amounts unless they group thousands.</summary>
        public static IReadOnlyList<string> SplitAmounts(string? amounts) =>
            (amounts ?? string.Empty).Split([';', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .SelectMany(token => Thousands().IsMatch(token.TrimEnd(',')) ? [token.TrimEnd(',')] : token.Split(',', StringSplitOptions.RemoveEmptyEntries))
                .ToList();

        [GeneratedRegex(@"^-?£?\d{1,3}(,\d{3})+(\.\d+)?$")]
        private static partial Regex Thousands();

        public static CostBenefitInput New(DateOnly today) => new()
        {
            FirstYear = (today.Month >= 4 ? today.Year : today.Year - 1).ToString(CultureInfo.InvariantCulture),
            HorizonYears = CostBenefitAnalysis.DefaultHorizon.ToString(CultureInfo.InvariantCulture),
            DiscountRate = NumberInput.Write(CostBenefitAnalysis.GreenBookRate * 100),
            OptimismBias = "0",
            Lines = NumberInput.Compact<LineInput>([], _ => true, Rows),
        };

        public static CostBenefitInput From(CostBenefitAnalysis a) => new()
        {
            FirstYear = a.FirstYear.ToString(CultureInfo.InvariantCulture),
            HorizonYears = a.HorizonYears.ToString(CultureInfo.InvariantCulture),
            DiscountRate = NumberInput.Write(a.DiscountRate * 100),
            OptimismBias = NumberInput.Write(a.OptimismBias * 100),
            Lines = NumberInput.Compact(
                a.Lines.Select(l => new LineInput
                {
                    Scenario = l.Scenario.ToString(),
                    AuthorityId = l.AuthorityId.ToString(),
                    Kind = l.Kind.ToString(),
                    Description = l.Description,
                    Amounts = string.Join(" ", l.Amounts.Select(NumberInput.Write)),
                }),
                _ => false,
                Math.Max(Rows, a.Lines.Count + 2)),
            DescribedBenefits = string.Join("\n", a.DescribedBenefits),
            Notes = a.Notes,
            Version = a.Version,
        };
    }
}
