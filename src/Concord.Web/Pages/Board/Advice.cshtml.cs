using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Board;

/// <summary>
/// Records or changes the board's advice on one agenda item, once the board has met. Advice on an
/// item about an option meets that option's "presented to the programme board" gate criterion.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class AdviceModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public override string Section => "Board";

    public BoardMeeting Meeting { get; private set; } = default!;

    public AgendaItem Item { get; private set; } = default!;

    public Option? Option { get; private set; }

    [BindProperty]
    public AdviceInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = AdviceInput.From(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (meeting, item) = (Meeting, Item);
        return await SaveAsync(
            db,
            change: () =>
            {
                meeting.RecordAdvice(item, Input.Advice, Reader.Today);
                db.ExpectVersion(item, Input.Version);
                db.Touch(item);
                return Task.FromResult(item);
            },
            saved: saved =>
            {
                Notify(saved.Advice is null
                    ? $"The advice on item {saved.Number} is removed."
                    : $"The board's advice on item {saved.Number}, {saved.Title}, is recorded.");
                return Redirect($"/board/meetings/{meeting.Id}#agenda");
            },
            showLatest: async () =>
            {
                var found = await LoadAsync(id, cancellationToken);
                Input = found ? AdviceInput.From(Item) : Input;
                return found;
            },
            "agenda item",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.AgendaItemAsync(id, cancellationToken) is not var (meeting, item) || !await LoadProgrammeAsync(meeting.ProgrammeId, cancellationToken))
        {
            return false;
        }

        (Meeting, Item) = (meeting, item);
        Option = item.OptionId is { } optionId ? await Reader.OptionAsync(optionId, cancellationToken) : null;
        return true;
    }

    public sealed class AdviceInput
    {
        public string? Advice { get; set; }

        public Guid Version { get; set; }

        public static AdviceInput From(AgendaItem item) => new() { Advice = item.Advice, Version = item.Version };
    }
}
