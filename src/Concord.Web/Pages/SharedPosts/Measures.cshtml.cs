using System.Globalization;
using Concord.Core.Finance;
using Concord.Data;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.SharedPosts;

/// <summary>
/// The partnership's apportionment measures (/partnerships/{partnershipId}/measures): each council's
/// value of a driver for a year, with its source; editors add a value or change one.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class MeasuresModel(SharedPostReader reader, ConcordDbContext db, IAuthorizationService authorization) : FinancePageModel(reader)
{
    public override string Section => "Apportionment measures";

    public static readonly IReadOnlyList<SelectListItem> DriverChoices = Choices.WithPrompt("Select a measure", Choices.Of<ApportionmentDriver>(d => d.Display()));

    [BindProperty]
    public MeasureInput Input { get; set; } = new();

    public IReadOnlyList<ApportionmentMeasure> Measures { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public IReadOnlyList<SelectListItem> CouncilChoices =>
        Choices.WithPrompt("Select a council", View.Councils.Select(c => new SelectListItem(c.Name, c.Id.ToString())));

    /// <summary>The page; with a council, measure and year already recorded (its "Change" link), the form starts from that value.</summary>
    public async Task<IActionResult> OnGetAsync(Guid partnershipId, Guid? authorityId, string? driver, int? year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        if (Measures.FirstOrDefault(m => m.AuthorityId == authorityId && m.Driver.ToString() == driver && m.Year == year) is { } measure)
        {
            Input = new MeasureInput
            {
                AuthorityId = measure.AuthorityId.ToString(),
                Driver = measure.Driver.ToString(),
                Year = measure.Year.ToString(CultureInfo.InvariantCulture),
                Value = measure.Value.ToString("0.##", CultureInfo.InvariantCulture),
                Source = measure.Source,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var year = int.TryParse(Input.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
        var value = AmountInput.ReadNumber(Input.Value, ModelState, "Input.Value", "Enter the value as a number, like 83763");

        return await SaveAsync(
            db,
            change: () => Reader.RecordMeasureAsync(View, Choices.ReadGuid(Input.AuthorityId), Choices.ReadEnum<ApportionmentDriver>(Input.Driver), year, value, Input.Source, cancellationToken),
            saved: saved =>
            {
                Notify($"{View.NameOf(saved.AuthorityId)}'s {saved.Driver.Display().ToLowerInvariant()} for {saved.Year} is saved.");
                return Redirect($"/partnerships/{View.Id}/measures");
            },
            showLatest: () => Task.FromResult(true),
            "measure",
            cancellationToken);
    }

    /// <summary>Takes each council's population aged 0 to 25 from the imported ONS mid-year estimates and Census 2021.</summary>
    public async Task<IActionResult> OnPostFromOnsAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(partnershipId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var recorded = await Reader.RecordPopulationFromOnsAsync(View, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Notify(recorded.Count == 0
            ? "No ONS population estimates are imported for the partnership's councils."
            : $"Population aged 0 to 25 for {string.Join(" and ", recorded.Select(m => m.Year).Distinct())} is taken from the ONS mid-year estimates and Census 2021.");
        return Redirect($"/partnerships/{View.Id}/measures");
    }

    private async Task<bool> LoadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(partnershipId, cancellationToken))
        {
            return false;
        }

        Measures = await Reader.MeasuresAsync(partnershipId, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    /// <summary>The form's fields, in the order they appear.</summary>
    public sealed class MeasureInput
    {
        public string? AuthorityId { get; set; }

        public string? Driver { get; set; }

        public string? Year { get; set; }

        public string? Value { get; set; }

        public string? Source { get; set; }
    }
}
