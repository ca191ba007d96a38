using Concord.Core;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Programme;

/// <summary>A cross-authority workstream: its members from each council, with a lead per council.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class WorkstreamModel(ProgrammeReader reader, ConcordDbContext db, IAuthorizationService authorization) : ProgrammePageModel(reader)
{
    public Workstream Workstream { get; private set; } = default!;

    public IReadOnlyList<Option> Options { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public MemberInput Member { get; set; } = new();

    public IReadOnlyList<SelectListItem> Councils =>
        View.Members.Select(id => new SelectListItem(View.NameOf(id), id.ToString())).OrderBy(i => i.Text, StringComparer.Ordinal).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddMemberAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        try
        {
            var member = Workstream.AddMember(Member.Name, Member.JobTitle, Choices.ReadGuid(Member.AuthorityId), Member.IsLead == "yes", View.Members);
            db.Add(member);
            await db.SaveChangesAsync(cancellationToken);
            Notify($"{member.Name} is added to the workstream.");
            return RedirectToPage(new { id });
        }
        catch (RuleViolationException violations)
        {
            return Invalid(violations, "Member");
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var programmeId = await db.Workstreams.Where(w => w.Id == id).Select(w => (Guid?)w.ProgrammeId).SingleOrDefaultAsync(cancellationToken);
        if (programmeId is not { } p || !await LoadProgrammeAsync(p, cancellationToken))
        {
            return false;
        }

        Workstream = View.Programme.Workstreams.Single(w => w.Id == id);
        Options = (await Reader.OptionsAsync(View, cancellationToken)).Where(o => o.WorkstreamId == id).ToList();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        return true;
    }

    public sealed class MemberInput
    {
        public string? Name { get; set; }

        public string? JobTitle { get; set; }

        public string? AuthorityId { get; set; }

        public string? IsLead { get; set; } = "no";
    }
}
