using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Board;

/// <summary>
/// One board meeting: its agenda, each item with the option it is about and the advice the board
/// gave, and the actions it set. Editors add agenda items and actions here.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class MeetingModel(ProgrammeReader reader, ConcordDbContext db, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public override string Section => "Board";

    public BoardMeeting Meeting { get; private set; } = default!;

    public IReadOnlyList<Option> Options { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    [BindProperty]
    public ItemInput NewItem { get; set; } = new();

    [BindProperty]
    public ActionInput NewAction { get; set; } = new();

    public bool HasMet => Meeting.Date <= Today;

    public IReadOnlyList<SelectListItem> OptionChoices =>
        Choices.WithPrompt("Not about an option", Options.Select(o => new SelectListItem(o.Title, o.Id.ToString())));

    public IReadOnlyList<SelectListItem> Councils => Choices.WithPrompt("Not recorded",
        View.Members.Select(id => new SelectListItem(View.NameOf(id), id.ToString())).OrderBy(i => i.Text, StringComparer.Ordinal));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddItemAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var meeting = Meeting;
        return await SaveAsync(
            db,
            change: () =>
            {
                var item = meeting.AddItem(NewItem.Title, Choices.ReadGuid(NewItem.OptionId), Options.Select(o => o.Id).ToList());
                db.AgendaItems.Add(item);

                // Items are numbered from the agenda as read: the meeting's version keeps two people adding at once from sharing a number.
                db.Touch(meeting);
                return Task.FromResult(item);
            },
            saved: saved =>
            {
                Notify($"Item {saved.Number}, {saved.Title}, is added to the agenda.");
                return Redirect($"/board/meetings/{id}#agenda");
            },
            showLatest: async () => await LoadAsync(id, cancellationToken),
            "board meeting",
            cancellationToken,
            prefix: nameof(NewItem));
    }

    public async Task<IActionResult> OnPostAddActionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var meeting = Meeting;
        var due = NewAction.DueDate.Read(ModelState, "NewAction.DueDate", "Due date");
        return await SaveAsync(
            db,
            change: () =>
            {
                var action = meeting.AddAction(NewAction.Description, NewAction.Owner, Choices.ReadGuid(NewAction.OwnerAuthorityId), due, View.Members);
                db.BoardActions.Add(action);
                return Task.FromResult(action);
            },
            saved: saved =>
            {
                Notify($"The action for {saved.Owner} is added.");
                return Redirect($"/board/meetings/{id}#actions");
            },
            showLatest: async () => await LoadAsync(id, cancellationToken),
            "board meeting",
            cancellationToken,
            prefix: nameof(NewAction));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var meeting = await db.BoardMeetingAsync(id, cancellationToken);
        if (meeting is null || !await LoadProgrammeAsync(meeting.ProgrammeId, cancellationToken))
        {
            return false;
        }

        Meeting = meeting;
        Options = await Reader.OptionsAsync(View, cancellationToken);
        Today = Reader.Today;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    public Option? OptionOf(AgendaItem item) => Options.FirstOrDefault(o => o.Id == item.OptionId);

    public sealed class ItemInput
    {
        public string? Title { get; set; }

        public string? OptionId { get; set; }
    }

    public sealed class ActionInput
    {
        public string? Description { get; set; }

        public string? Owner { get; set; }

        public string? OwnerAuthorityId { get; set; }

        public DateInput DueDate { get; set; } = new();
    }
}
