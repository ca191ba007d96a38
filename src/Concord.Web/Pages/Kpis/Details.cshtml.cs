using Concord.Core.Finance;
using Concord.Data;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Charts;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Kpis;

/// <summary>A KPI of an agreement: its actuals by period, each rated, as a chart and a table, and a form to record the next.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(AgreementReader agreements, ConcordDbContext db, IAuthorizationService authorization) : ConcordPageModel
{
    public Kpi Kpi { get; private set; } = default!;

    public Agreement Agreement { get; private set; } = default!;

    public PartnershipView View { get; private set; } = default!;

    public TrendChart Chart { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    [BindProperty]
    public ActualInput Actual { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

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

        var value = Actual.ReadValue(ModelState);
        var periodEnd = Actual.PeriodEnd.Read(ModelState, "Actual.PeriodEnd", "End of the period");
        var kpi = Kpi;
        return await SaveAsync(
            db,
            change: () => Task.FromResult(agreements.Record(kpi, Actual.Period, periodEnd, value, Actual.Note)),
            saved: actual =>
            {
                Notify($"{actual.Period}: {KpiFormat.Value(kpi, actual.Value)} is recorded, rated {kpi.Rate(actual.Value).Display().ToLowerInvariant()}.");
                return Redirect($"/kpis/{kpi.Id}");
            },
            showLatest: () => LoadAsync(id, cancellationToken),
            "KPI",
            cancellationToken,
            prefix: "Actual");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await agreements.FindKpiAsync(id, cancellationToken) is not var (kpi, agreement, view))
        {
            return false;
        }

        (Kpi, Agreement, View) = (kpi, agreement, view);
        Chart = KpiChart.Build(kpi);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    public sealed class ActualInput
    {
        public string? Period { get; set; }

        public DateInput PeriodEnd { get; set; } = new();

        public string? Value { get; set; }

        public string? Note { get; set; }

        public decimal? ReadValue(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
        {
            var value = NumberInput.Read(Value);
            if (value is null && !string.IsNullOrWhiteSpace(Value))
            {
                modelState.AddModelError("Actual.Value", "Enter the value as a number, like 78.5");
            }

            return value;
        }
    }
}
