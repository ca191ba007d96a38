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

/// <summary>Changes an action from a board meeting: what it is, who owns it, when it is due, and whether it is done.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditActionModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public static readonly IReadOnlyList<SelectListItem> Statuses = Choices.Of<ActionStatus>(s => s.ToString());

    public override string Section => "Board";

    public BoardMeeting Meeting { get; private set; } = default!;

    public BoardAction Action { get; private set; } = default!;

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Councils => Choices.WithPrompt("Not recorded",
        View.Members.Select(id => new SelectListItem(View.NameOf(id), id.ToString())).OrderBy(i => i.Text, StringComparer.Ordinal));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ActionInput.From(Action);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var action = Action;
        var due = Input.DueDate.Read(ModelState, "Input.DueDate", "Due date");
        var completed = Input.CompletedOn.Read(ModelState, "Input.CompletedOn", "Date completed");
        return await SaveAsync(
            db,
            change: () =>
            {
                action.Change(Input.Description, Input.Owner, Choices.ReadGuid(Input.OwnerAuthorityId), due,
                    Choices.ReadEnum<ActionStatus>(Input.Status), completed, View.Members);
                db.ExpectVersion(action, Input.Version);
                db.Touch(action);
                return Task.FromResult(action);
            },
            saved: saved =>
            {
                Notify($"The action for {saved.Owner} is saved.");
                return Redirect($"/board/meetings/{Meeting.Id}#actions");
            },
            showLatest: async () =>
            {
                var found = await LoadAsync(id, cancellationToken);
                Input = found ? ActionInput.From(Action) : Input;
                return found;
            },
            "action",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.BoardActionAsync(id, cancellationToken) is not var (meeting, action) || !await LoadProgrammeAsync(meeting.ProgrammeId, cancellationToken))
        {
            return false;
        }

        (Meeting, Action) = (meeting, action);
        return true;
    }

    public sealed class ActionInput
    {
        public string? Description { get; set; }

        public string? Owner { get; set; }

        public string? OwnerAuthorityId { get; set; }

        public DateInput DueDate { get; set; } = new();

        public string? Status { get; set; }

        public DateInput CompletedOn { get; set; } = new();

        public Guid Version { get; set; }

        public static ActionInput From(BoardAction a) => new()
        {
            Description = a.Description,
            Owner = a.Owner,
            OwnerAuthorityId = a.OwnerAuthorityId?.ToString(),
            DueDate = DateInput.From(a.DueDate),
            Status = a.Status.ToString(),
            CompletedOn = DateInput.From(a.CompletedOn),
            Version = a.Version,
        };
    }
}
