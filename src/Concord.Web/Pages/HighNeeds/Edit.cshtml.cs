using System.Text.RegularExpressions;
using Concord.Core;
using Concord.Core.Finance;
using Concord.Data;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.HighNeeds;

/// <summary>
/// Changes one part of the council's high needs budget for a year (or starts a new year): the
/// grant figures, the spending lines and forecasts, the reconciliation, or the recovery
/// assumptions. Only the council's own Finance role.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed partial class EditModel(HighNeedsReader reader, ConcordDbContext db) : ConcordPageModel
{
    public static readonly IReadOnlyDictionary<string, string> Parts = new Dictionary<string, string>
    {
        ["summary"] = "Dedicated Schools Grant and high needs block",
        ["lines"] = "Spending lines and forecast outturn",
        ["reconciliation"] = "Cumulative deficit reconciliation",
        ["recovery"] = "Deficit recovery assumptions",
    };

    public static readonly IReadOnlyList<SelectListItem> FrequencyChoices = Choices.Of<ForecastFrequency>(f => f.Display());

    public static readonly IReadOnlyList<(ReconciliationEntry Entry, string Label, string Hint)> Entries =
    [
        (ReconciliationEntry.PreviousOutturn, "Last year's outturn deficit", "The cumulative deficit at the end of last year, as reported at outturn"),
        (ReconciliationEntry.CensusAdjustment, "Census funding adjustment", "A reduction in brackets or with a minus sign, like (163,000)"),
        (ReconciliationEntry.BlockTransfer, "Schools block transfer approved by Schools Forum", "A reduction in brackets, like (870,000)"),
        (ReconciliationEntry.EarmarkedBaseBudget, "High needs base budget ear-marked", "A reduction in brackets, like (497,000)"),
    ];

    public HighNeedsBudget? Budget { get; private set; }

    public string Part { get; private set; } = "summary";

    public string Heading => Budget is null ? "Add a financial year" : $"{Parts[Part]}, {Budget.Year}";

    [BindProperty]
    public BudgetInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? year, string? part, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, part, cancellationToken))
        {
            return NotFound();
        }

        Input = BudgetInput.From(Budget);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? year, string? part, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, part, cancellationToken))
        {
            return NotFound();
        }

        var budget = Budget;
        return await SaveAsync(
            db,
            change: () => ApplyAsync(budget, cancellationToken),
            saved: saved =>
            {
                Notify(budget is null ? $"The high needs budget for {saved.Year} is added." : $"{Parts[Part]} for {saved.Year} is saved.");
                return Redirect($"/high-needs/{saved.Year}#{(Part == "summary" ? "" : Part)}");
            },
            showLatest: async () =>
            {
                Budget = budget is null ? null : await reader.OwnBudgetAsync(budget.Year, cancellationToken);
                Input = BudgetInput.From(Budget);
                return Budget is not null;
            },
            "budget",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(string? year, string? part, CancellationToken cancellationToken)
    {
        Part = part ?? "summary";
        if (!Parts.ContainsKey(Part))
        {
            return false;
        }

        if (year is null)
        {
            return Part == "summary";
        }

        Budget = FinancialYear.TryParse(year, out var chosen) ? await reader.OwnBudgetAsync(chosen, cancellationToken) : null;
        return Budget is not null;
    }

    private async Task<HighNeedsBudget> ApplyAsync(HighNeedsBudget? budget, CancellationToken cancellationToken)
    {
        if (budget is not null)
        {
            db.ExpectVersion(budget, Input.Version);
            db.Touch(budget);
        }

        switch (Part)
        {
            case "summary":
                var dsg = AmountInput.Read(Input.DsgTotal, ModelState, "Input.DsgTotal", "The Dedicated Schools Grant");
                var block = AmountInput.Read(Input.HighNeedsBlock, ModelState, "Input.HighNeedsBlock", "The high needs block");
                var frequency = Choices.ReadEnum<ForecastFrequency>(Input.Frequency);
                if (budget is not null)
                {
                    budget.ChangeSummary(dsg, block, frequency, Input.Notes);
                    return budget;
                }

                int? start = FinancialYear.TryParse(Input.Year, out var year) ? year.StartYear : null;
                if (start is null && !string.IsNullOrWhiteSpace(Input.Year))
                {
                    throw new RuleViolationException([new RuleViolation("Year", "Enter the financial year like 2021-22")]);
                }

                var council = await reader.WorkingForAsync(cancellationToken) ?? throw new Core.Access.AccessDeniedException("Choose the council you are working for.");
                if (start is { } s && await reader.OwnBudgetAsync(new FinancialYear(s), cancellationToken) is not null)
                {
                    throw new RuleViolationException([new RuleViolation("Year", $"{council.Name} already has a high needs budget for {year}")]);
                }

                var created = HighNeedsBudget.Create(council.Id, start, dsg, block, frequency, Input.Notes);
                db.HighNeedsBudgets.Add(created);
                return created;

            case "lines":
                var lines = Input.Lines.Select((l, i) => new BudgetLine(l.Line,
                    AmountInput.Read(l.Budget, ModelState, $"Input.Lines[{i}].Budget", $"{l.Line.Display()}: the budget") ?? 0,
                    l.Forecasts.Select((f, p) => AmountInput.Read(f, ModelState, $"Input.Lines[{i}].Forecasts[{p}]", $"{l.Line.Display()}: the forecast for {budget!.Periods[p].Label}")).ToList(),
                    l.Note)).ToList();
                try
                {
                    budget!.SetLines(lines);
                }
                catch (RuleViolationException refused)
                {
                    // The rule names lines by their spending line; the form by their row.
                    throw new RuleViolationException(refused.Violations.Select(v => v with
                    {
                        Field = LineField().Replace(v.Field, m =>
                        $"Lines[{Input.Lines.FindIndex(l => l.Line.ToString() == m.Groups[1].Value)}]")
                    }).ToList());
                }

                return budget;

            case "reconciliation":
                budget!.SetReconciliation(Input.Reconciliation.Select((r, i) => new ReconciliationAmount(r.Entry,
                    AmountInput.Read(r.Amount, ModelState, $"Input.Reconciliation[{i}].Amount", Entries[i].Label) ?? 0, r.Note)).ToList(), Input.InYearNote);
                return budget;

            default:
                budget!.SetRecovery(
                    AmountInput.ReadPercent(Input.DemandGrowth, ModelState, "Input.DemandGrowth", "Growth in spending"),
                    AmountInput.ReadPercent(Input.FundingGrowth, ModelState, "Input.FundingGrowth", "Growth in funding"),
                    Input.Savings.Select((s, i) => AmountInput.Read(s, ModelState, $"Input.Savings[{i}]", $"Year {i + 1} savings") ?? (string.IsNullOrWhiteSpace(s) ? 0 : null)).ToList(),
                    Input.RecoveryNote);
                return budget;
        }
    }

    [GeneratedRegex(@"^Lines\[(\w+)\]")]
    private static partial Regex LineField();

    public sealed class LineInput
    {
        public SpendingLine Line { get; set; }

        public string? Budget { get; set; }

        public List<string?> Forecasts { get; set; } = [];

        public string? Note { get; set; }
    }

    public sealed class EntryInput
    {
        public ReconciliationEntry Entry { get; set; }

        public string? Amount { get; set; }

        public string? Note { get; set; }
    }

    public sealed class BudgetInput
    {
        public string? Year { get; set; }

        public string? DsgTotal { get; set; }

        public string? HighNeedsBlock { get; set; }

        public string? Frequency { get; set; }

        public string? Notes { get; set; }

        public List<LineInput> Lines { get; set; } = [];

        public List<EntryInput> Reconciliation { get; set; } = [];

        public string? InYearNote { get; set; }

        public string? DemandGrowth { get; set; }

        public string? FundingGrowth { get; set; }

        public List<string?> Savings { get; set; } = [];

        public string? RecoveryNote { get; set; }

        public Guid Version { get; set; }

        public static BudgetInput From(HighNeedsBudget? b) => b is null
            ? new BudgetInput { Frequency = nameof(ForecastFrequency.Quarterly) }
            : new BudgetInput
            {
                Year = b.Year.ToString(),
                DsgTotal = AmountInput.Write(b.DsgTotal),
                HighNeedsBlock = AmountInput.Write(b.HighNeedsBlock),
                Frequency = b.Frequency.ToString(),
                Notes = b.Notes,
                Lines = b.Lines.Select(l => new LineInput { Line = l.Line, Budget = AmountInput.Write(l.Budget), Forecasts = l.Forecasts.Select(AmountInput.Write).ToList<string?>(), Note = l.Note }).ToList(),
                Reconciliation = Entries.Select(e => new EntryInput { Entry = e.Entry, Amount = AmountInput.Write(b.Entered(e.Entry)), Note = b.Reconciliation.FirstOrDefault(r => r.Entry == e.Entry)?.Note }).ToList(),
                InYearNote = b.InYearNote,
                DemandGrowth = AmountInput.WritePercent(b.Recovery.DemandGrowth),
                FundingGrowth = AmountInput.WritePercent(b.Recovery.FundingGrowth),
                Savings = b.Recovery.Savings.Select(s => AmountInput.Write(s)).ToList<string?>(),
                RecoveryNote = b.Recovery.Note,
                Version = b.Version,
            };
    }
}
