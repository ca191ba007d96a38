using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Outcomes;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Options;

/// <summary>Chooses the indicators of the partnership's outcomes framework that an option aims to move.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class IndicatorsModel(ProgrammeReader reader, OutcomesReader outcomes, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public override string Section => "Options";

    public Option Option { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Items { get; private set; } = [];

    [BindProperty]
    public IndicatorsInput Input { get; set; } = new();

    private IReadOnlyList<Guid> Linked { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new IndicatorsInput { IndicatorIds = Linked.Select(l => l.ToString()).ToList() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var chosen = Input.IndicatorIds.Select(Choices.ReadGuid).Select(g => g ?? Guid.Empty).ToList();
        var option = Option;
        return await SaveAsync(
            db,
            change: async () =>
            {
                await outcomes.ChooseAsync(option, chosen, cancellationToken);
                return chosen.Count;
            },
            saved: count =>
            {
                Notify(count == 0 ? $"{option.Title} is linked to no indicators." : $"{option.Title} aims to move {count} {(count == 1 ? "indicator" : "indicators")}.");
                return Redirect($"/options/{id}#outcomes");
            },
            showLatest: () => LoadAsync(id, cancellationToken),
            "option",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadOptionAsync(id, cancellationToken) is not { } option)
        {
            return false;
        }

        Option = option;
        var (links, library) = await outcomes.LinksAsync(option, cancellationToken);
        Linked = links.Select(l => l.IndicatorId).ToList();
        Items = library.Select(i => new SelectListItem(i.Name, i.Id.ToString())).ToList();
        return true;
    }

    public sealed class IndicatorsInput
    {
        public List<string> IndicatorIds { get; set; } = [];
    }
}
