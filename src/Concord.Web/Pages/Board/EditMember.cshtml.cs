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

namespace Concord.Web.Pages.Board;

/// <summary>Adds a member to the programme board (/programme/{partnershipId}/board/members/new) or changes one (/board/members/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditMemberModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    public static readonly IReadOnlyList<SelectListItem> Roles = Choices.Of<BoardRole>(r => r.Display());

    public override string Section => "Board";

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> Councils => Choices.WithPrompt("Select the council",
        View.Members.Select(id => new SelectListItem(View.NameOf(id), id.ToString())).OrderBy(i => i.Text, StringComparer.Ordinal));

    public async Task<IActionResult> OnGetAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, member) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        Input = member is null ? new MemberInput() : MemberInput.From(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, member) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        var active = Choices.ReadYesNo(Input.Active);
        if (member is not null && active is null)
        {
            ModelState.AddModelError("Input.Active", "Select whether the member is still on the board");
        }

        return await SaveAsync(
            db,
            change: () =>
            {
                var authority = Choices.ReadGuid(Input.AuthorityId);
                var role = Choices.ReadEnum<BoardRole>(Input.Role);
                if (member is null)
                {
                    member = BoardMember.Create(View.Programme, Input.Name, Input.JobTitle, authority, role, View.Members);
                    db.BoardMembers.Add(member);
                }
                else
                {
                    member.Change(Input.Name, Input.JobTitle, authority, role, active ?? member.Active, View.Members);
                    db.ExpectVersion(member, Input.Version);
                    db.Touch(member);
                }

                return Task.FromResult(member);
            },
            saved: saved =>
            {
                Notify(id is null ? $"{saved.Name} is added to the board." : $"{saved.Name}'s details are saved.");
                return Redirect($"/programme/{View.PartnershipId}/board");
            },
            showLatest: async () =>
            {
                var latest = await db.BoardMembers.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
                Input = latest is null ? Input : MemberInput.From(latest);
                return latest is not null;
            },
            "board member",
            cancellationToken);
    }

    private async Task<(bool Found, BoardMember? Record)> FindAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var found = await LoadNewOrExistingAsync(partnershipId, id, db.BoardMembers, cancellationToken);
        return found;
    }

    public sealed class MemberInput
    {
        public string? Name { get; set; }

        public string? JobTitle { get; set; }

        public string? AuthorityId { get; set; }

        public string? Role { get; set; }

        public string? Active { get; set; }

        public Guid Version { get; set; }

        public static MemberInput From(BoardMember m) => new()
        {
            Name = m.Name,
            JobTitle = m.JobTitle,
            AuthorityId = m.AuthorityId.ToString(),
            Role = m.Role.ToString(),
            Active = Choices.WriteYesNo(m.Active),
            Version = m.Version,
        };
    }
}
