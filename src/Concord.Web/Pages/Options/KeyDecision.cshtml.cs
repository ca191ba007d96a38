using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Pages.Programme;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Options;

/// <summary>Records or changes the Key Decision test of the council the programme lead works for.</summary>
[Authorize(Policy = Policies.ProgrammeLead)]
public sealed class KeyDecisionModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public override string Section => "Options";

    public Option Option { get; private set; } = default!;

    public string Council { get; private set; } = string.Empty;

    [BindProperty]
    public TestInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var test = await LoadAsync(id, cancellationToken);
        if (Option is null)
        {
            return NotFound();
        }

        Input = test is null ? new TestInput() : new TestInput { IsKeyDecision = Choices.WriteYesNo(test.IsKeyDecision), Reasoning = test.Reasoning, Version = test.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var test = await LoadAsync(id, cancellationToken);
        if (Option is null)
        {
            return NotFound();
        }

        return await SaveAsync(
            db,
            change: () =>
            {
                var isKey = Choices.ReadYesNo(Input.IsKeyDecision);
                if (test is null)
                {
                    test = KeyDecisionTest.Record(Option, Reader.Actor.AuthorityId!.Value, isKey, Input.Reasoning, Reader.Actor);
                    db.KeyDecisionTests.Add(test);
                }
                else
                {
                    test.Change(Option, isKey, Input.Reasoning, Reader.Actor);
                    db.ExpectVersion(test, Input.Version);
                }

                return Task.FromResult(test);
            },
            saved: saved =>
            {
                Notify($"{Council}'s Key Decision test is recorded: {(saved.IsKeyDecision ? "a Key Decision" : "not a Key Decision")}.");
                return Redirect($"/options/{id}");
            },
            showLatest: async () =>
            {
                var latest = await LoadAsync(id, cancellationToken);
                Input = latest is null ? Input : new TestInput { IsKeyDecision = Choices.WriteYesNo(latest.IsKeyDecision), Reasoning = latest.Reasoning, Version = latest.Version };
                return latest is not null;
            },
            "Key Decision test",
            cancellationToken);
    }

    private async Task<KeyDecisionTest?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var option = await Reader.OptionAsync(id, cancellationToken);
        if (option is null || !await LoadProgrammeAsync(option.ProgrammeId, cancellationToken))
        {
            return null;
        }

        Option = option;
        var authority = Reader.Actor.AuthorityId;
        Council = View.NameOf(authority);
        return await db.KeyDecisionTests.SingleOrDefaultAsync(t => t.OptionId == id && t.AuthorityId == authority, cancellationToken);
    }

    public sealed class TestInput
    {
        public string? IsKeyDecision { get; set; }

        public string? Reasoning { get; set; }

        public Guid Version { get; set; }
    }
}
