using Concord.Core.Outcomes;
using Concord.Data;
using Concord.Web.Api;
using Concord.Web.Infrastructure;
using Concord.Web.Infrastructure.Charts;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Indicators;

/// <summary>
/// An indicator within its framework: each council's baseline, latest value, target, rating and
/// direction of travel; its values as a chart with their table and a CSV download; the options
/// aiming to move it; and a form to enter the value of the council worked for.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(OutcomesReader outcomes, ConcordDbContext db, IAuthorizationService authorization) : ConcordPageModel
{
    public IndicatorView View { get; private set; } = default!;

    public FrameworkView Framework { get; private set; } = default!;

    public IReadOnlyList<ReadingDto> Values { get; private set; } = [];

    public TrendChart Chart { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public Guid? WorkingFor => outcomes.WorkingFor;

    public string Tolerance => ValueFormat.Difference(View.Indicator.AmberTolerance, View.Indicator.Unit);

    [BindProperty]
    public ValueInput Value { get; set; } = new();

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

        var number = AmountInput.ReadNumber(Value.Value, ModelState, "Value.Value", "Enter the value as a number, like 72.5");
        var periodEnd = Value.PeriodEnd.Read(ModelState, "Value.PeriodEnd", "End of the period");
        var (view, framework) = (View, Framework);
        return await SaveAsync(
            db,
            change: () => Task.FromResult(outcomes.Record(framework, view, outcomes.WorkingFor ?? Guid.Empty, new ValueDetails(Value.Period, periodEnd, number, Value.Note))),
            saved: value =>
            {
                Notify($"{framework.Partnership.NameOf(value.AuthorityId)}, {value.Period}: {view.Format(value.Value)} is entered.");
                return Redirect($"/indicators/{id}");
            },
            showLatest: () => LoadAsync(id, cancellationToken),
            "value",
            cancellationToken,
            prefix: "Value");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await outcomes.IndicatorAsync(id, cancellationToken) is not var (view, framework))
        {
            return false;
        }

        (View, Framework) = (view, framework);
        Values = OutcomesApi.Values(view, framework);
        Chart = OutcomeChart.Build(view, framework);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    public sealed class ValueInput
    {
        public string? Period { get; set; }

        public DateInput PeriodEnd { get; set; } = new();

        public string? Value { get; set; }

        public string? Note { get; set; }
    }
}
