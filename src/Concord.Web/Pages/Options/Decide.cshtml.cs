using Concord.Core;
using Concord.Core.Governance;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Options;

/// <summary>Records the decision of the council the programme lead works for, taken through one of its own bodies.</summary>
[Authorize(Policy = Policies.ProgrammeLead)]
public sealed class DecideModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public static readonly IReadOnlyList<SelectListItem> Outcomes = Choices.Of<DecisionOutcome>(o => o.Display());

    public override string Section => "Options";

    public Option Option { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Bodies { get; private set; } = [];

    public string Council { get; private set; } = string.Empty;

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var body = await OwnBodyAsync(Choices.ReadGuid(Input.GovernanceBodyId), cancellationToken);
        var meetingDate = Input.MeetingDate.Read(ModelState, "Input.MeetingDate", "Meeting date");
        return await SaveAsync(
            db,
            change: () =>
            {
                var decision = Decision.Record(Option, Reader.Actor.AuthorityId!.Value, body, meetingDate, Input.Reference,
                    Choices.ReadYesNo(Input.IsKeyDecision), Choices.ReadEnum<DecisionOutcome>(Input.Outcome), Input.Conditions, Input.MinutesExcerpt, Reader.Actor);
                db.Decisions.Add(decision);
                return Task.FromResult(decision);
            },
            saved: saved =>
            {
                Notify($"{Council}'s decision is recorded: {saved.Outcome.Display().ToLowerInvariant()} by {saved.BodyName} on {Formats.Date(saved.MeetingDate)}.");
                return Redirect($"/options/{id}");
            },
            showLatest: () => Task.FromResult(true),
            "decision",
            cancellationToken);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var option = await Reader.OptionAsync(id, cancellationToken);
        if (option is null || !await LoadProgrammeAsync(option.ProgrammeId, cancellationToken))
        {
            return false;
        }

        Option = option;
        var authority = Reader.Actor.AuthorityId;
        Council = View.NameOf(authority);
        Bodies = Choices.WithPrompt("Choose a body", (await db.GovernanceBodies.Where(b => b.AuthorityId == authority).ToListAsync(cancellationToken))
            .OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.Ordinal)
            .Select(b => new SelectListItem($"{b.Name} ({b.Kind.Display()})", b.Id.ToString())));
        return true;
    }

    /// <summary>Only the council's own bodies count: a partner's committee, or an unknown one, is no body at all here.</summary>
    private Task<GovernanceBody?> OwnBodyAsync(Guid? bodyId, CancellationToken cancellationToken)
    {
        var authority = Reader.Actor.AuthorityId;
        return db.GovernanceBodies.SingleOrDefaultAsync(b => b.Id == bodyId && b.AuthorityId == authority, cancellationToken);
    }

    public sealed class DecisionInput
    {
        public string? GovernanceBodyId { get; set; }

        public DateInput MeetingDate { get; set; } = new();

        public string? Reference { get; set; }

        public string? IsKeyDecision { get; set; }

        public string? Outcome { get; set; }

        public string? Conditions { get; set; }

        public string? MinutesExcerpt { get; set; }
    }
}
