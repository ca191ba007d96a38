using Concord.Core.Finance;
using Concord.Data;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Kpis;

/// <summary>Adds a KPI to an agreement (/agreements/{agreementId}/kpis/new) or changes one (/kpis/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(AgreementReader agreements, ConcordDbContext db) : ConcordPageModel
{
    public static readonly IReadOnlyList<SelectListItem> PolarityChoices =
        [new("Higher is better", nameof(KpiPolarity.HigherIsBetter)), new("Lower is better", nameof(KpiPolarity.LowerIsBetter))];

    public static readonly IReadOnlyList<SelectListItem> FrequencyChoices = Choices.Of<KpiFrequency>(f => f.Display());

    [BindProperty]
    public KpiInput Input { get; set; } = new();

    public Agreement Agreement { get; private set; } = default!;

    public Kpi? Kpi { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? agreementId, Guid? id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(agreementId, id, cancellationToken))
        {
            return NotFound();
        }

        Input = Kpi is null ? new KpiInput() : KpiInput.From(Kpi);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? agreementId, Guid? id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(agreementId, id, cancellationToken))
        {
            return NotFound();
        }

        var target = NumberInput.Read(Input.Target);
        if (target is null && !string.IsNullOrWhiteSpace(Input.Target))
        {
            ModelState.AddModelError("Input.Target", "Enter the target as a number, like 80");
        }

        var polarity = Input.Polarity is null ? (KpiPolarity?)null : Choices.ReadEnum<KpiPolarity>(Input.Polarity) ?? 0;
        var frequency = Input.Frequency is null ? (KpiFrequency?)null : Choices.ReadEnum<KpiFrequency>(Input.Frequency) ?? 0;
        var existing = Kpi;
        return await SaveAsync(
            db,
            change: () =>
            {
                if (existing is null)
                {
                    return Task.FromResult(agreements.AddKpi(Agreement, Input.Measure, Input.Unit, target, polarity, frequency, Input.Source));
                }

                existing.Change(Input.Measure, Input.Unit, target, polarity, frequency, Input.Source);
                db.ExpectVersion(existing, Input.Version);
                db.Touch(existing);
                return Task.FromResult(existing);
            },
            saved: kpi =>
            {
                Notify($"{kpi.Measure} is saved.");
                return Redirect($"/kpis/{kpi.Id}");
            },
            showLatest: async () =>
            {
                var latest = await agreements.FindKpiAsync(id ?? Guid.Empty, cancellationToken);
                Input = latest is var (kpi, _, _) ? KpiInput.From(kpi) : Input;
                return latest is not null;
            },
            "KPI",
            cancellationToken);
    }

    private async Task<bool> FindAsync(Guid? agreementId, Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } kpiId)
        {
            if (await agreements.FindKpiAsync(kpiId, cancellationToken) is not var (kpi, agreement, _))
            {
                return false;
            }

            (Kpi, Agreement) = (kpi, agreement);
            return true;
        }

        if (await agreements.FindAsync(agreementId ?? Guid.Empty, cancellationToken) is not var (found, _))
        {
            return false;
        }

        Agreement = found;
        return true;
    }

    public sealed class KpiInput
    {
        public string? Measure { get; set; }

        public string? Unit { get; set; }

        public string? Target { get; set; }

        public string? Polarity { get; set; }

        public string? Frequency { get; set; }

        public string? Source { get; set; }

        public Guid Version { get; set; }

        public static KpiInput From(Kpi k) => new()
        {
            Measure = k.Measure,
            Unit = k.Unit,
            Target = NumberInput.Write(k.Target),
            Polarity = k.Polarity.ToString(),
            Frequency = k.Frequency.ToString(),
            Source = k.Source,
            Version = k.Version,
        };
    }
}
