using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Programme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.Programme;

/// <summary>Adds a workstream (/programme/{partnershipId}/workstreams/new) or changes one (/workstreams/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditWorkstreamModel(ProgrammeReader reader, ConcordDbContext db) : ProgrammePageModel(reader)
{
    [BindProperty]
    public WorkstreamInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, workstream) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        Input = workstream is null ? new WorkstreamInput() : WorkstreamInput.From(workstream);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        var (found, workstream) = await FindAsync(partnershipId, id, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        return await SaveAsync(
            db,
            change: () =>
            {
                if (workstream is null)
                {
                    workstream = View.Programme.AddWorkstream(Input.Name, Input.ServiceArea, Input.Description);
                    db.Workstreams.Add(workstream);
                }
                else
                {
                    workstream.Change(Input.Name, Input.ServiceArea, Input.Description);
                    db.ExpectVersion(workstream, Input.Version);
                    db.Touch(workstream);
                }

                return Task.FromResult(workstream);
            },
            saved: saved =>
            {
                Notify($"{saved.Name} is saved.");
                return Redirect($"/workstreams/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await db.Workstreams.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
                Input = latest is null ? Input : WorkstreamInput.From(latest);
                return latest is not null;
            },
            "workstream",
            cancellationToken);
    }

    private async Task<(bool Found, Workstream? Record)> FindAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var found = await LoadNewOrExistingAsync(partnershipId, id, db.Workstreams, cancellationToken);
        return found;
    }

    public sealed class WorkstreamInput
    {
        public string? Name { get; set; }

        public string? ServiceArea { get; set; }

        public string? Description { get; set; }

        public Guid Version { get; set; }

        public static WorkstreamInput From(Workstream w) => new() { Name = w.Name, ServiceArea = w.ServiceArea, Description = w.Description, Version = w.Version };
    }
}
