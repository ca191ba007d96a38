using Concord.Core.PublicData;
using Concord.Data;
using Concord.Web.Infrastructure.Security;
using Concord.Web.PublicData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Pages.PublicData;

/// <summary>The public datasets Concord has imported, each with its provenance (/data and /data/{dataset}).</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ConcordDbContext db) : ConcordPageModel
{
    public IReadOnlyList<DatasetImport> Imports { get; private set; } = [];

    public DatasetImport? Import { get; private set; }

    /// <summary>The dataset's SOURCE.md as shipped, line by line.</summary>
    public IReadOnlyList<string> Source { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? dataset, CancellationToken cancellationToken)
    {
        Imports = await db.DatasetImports.OrderBy(d => d.Dataset).ToListAsync(cancellationToken);
        if (dataset is null)
        {
            return Page();
        }

        Import = Imports.FirstOrDefault(d => d.Dataset == dataset);
        if (Import is null || PublicDataImport.Find(dataset) is not { } shipped)
        {
            return NotFound();
        }

        var path = PublicDataImport.SourceOf(shipped);
        Source = System.IO.File.Exists(path) ? await System.IO.File.ReadAllLinesAsync(path, cancellationToken) : [];
        return Page();
    }
}
