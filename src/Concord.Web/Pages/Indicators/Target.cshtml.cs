using Concord.Core.Outcomes;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Indicators;

/// <summary>Sets the baseline and target of the council worked for on one indicator.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class TargetModel(OutcomesReader outcomes, ConcordDbContext db) : ConcordPageModel
{
    [BindProperty]
    public TargetInput Input { get; set; } = new();

    public IndicatorView View { get; private set; } = default!;

    public FrameworkView Framework { get; private set; } = default!;

    public string Council => Framework.Partnership.NameOf(outcomes.WorkingFor);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = TargetInput.From(View.Of(outcomes.WorkingFor!.Value).Target);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var baseline = AmountInput.ReadNumber(Input.BaselineValue, ModelState, "Input.BaselineValue", "Enter the baseline as a number, like 65.5");
        var target = AmountInput.ReadNumber(Input.Target, ModelState, "Input.Target", "Enter the target as a number, like 70");
        var (view, framework) = (View, Framework);
        return await SaveAsync(
            db,
            change: () => Task.FromResult(outcomes.SetTarget(framework, view, outcomes.WorkingFor!.Value,
                new TargetDetails(Input.BaselinePeriod, baseline, target, Input.TargetPeriod), Input.Version == Guid.Empty ? null : Input.Version)),
            saved: _ =>
            {
                Notify($"{Council}'s baseline and target for {view.Indicator.Name} are saved.");
                return Redirect($"/indicators/{id}");
            },
            showLatest: async () =>
            {
                var found = await LoadAsync(id, cancellationToken);
                Input = found ? TargetInput.From(View.Of(outcomes.WorkingFor!.Value).Target) : Input;
                return found;
            },
            "target",
            cancellationToken);
    }

    /// <summary>The indicator, when the council worked for is one of its partnership's members.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await outcomes.IndicatorAsync(id, cancellationToken) is not var (view, framework) ||
            outcomes.WorkingFor is not { } own || !framework.Partnership.Members.Contains(own))
        {
            return false;
        }

        (View, Framework) = (view, framework);
        return true;
    }

    public sealed class TargetInput
    {
        public string? BaselinePeriod { get; set; }

        public string? BaselineValue { get; set; }

        public string? Target { get; set; }

        public string? TargetPeriod { get; set; }

        public Guid Version { get; set; }

        public static TargetInput From(OutcomeTarget? target) => target is null ? new TargetInput() : new()
        {
            BaselinePeriod = target.BaselinePeriod,
            BaselineValue = target.BaselineValue is { } b ? NumberInput.Write(b) : null,
            Target = NumberInput.Write(target.Target),
            TargetPeriod = target.TargetPeriod,
            Version = target.Version,
        };
    }
}
