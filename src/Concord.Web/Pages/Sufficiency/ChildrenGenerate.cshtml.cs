using Concord.Core;
using Concord.Core.Access;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Sufficiency;

/// <summary>Generates synthetic children with EHC plans for the council you work for (/sufficiency/children/generate).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class ChildrenGenerateModel(EhcpGeneration generation) : ConcordPageModel
{
    public GenerationBasis Basis { get; private set; } = null!;

    public GenerationResult? Result { get; private set; }

    [BindProperty]
    public GenerateInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await generation.BasisAsync(cancellationToken) is not { } basis)
        {
            return NotFound();
        }

        Basis = basis;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await generation.BasisAsync(cancellationToken) is not { } basis)
        {
            return NotFound();
        }

        Basis = basis;
        int? seed = null, total = null;
        if (!string.IsNullOrWhiteSpace(Input.Seed))
        {
            seed = int.TryParse(Input.Seed, out var s) ? s : -1;
        }

        if (!string.IsNullOrWhiteSpace(Input.Total))
        {
            if (int.TryParse(Input.Total.Replace(",", string.Empty, StringComparison.Ordinal), out var t))
            {
                total = t;
            }
            else
            {
                ModelState.AddModelError("Input.Total", "Enter the total as a whole number, like 3,506, or leave it blank for the real total");
                return Invalid();
            }
        }

        try
        {
            Result = await generation.GenerateAsync(seed, total, cancellationToken);
        }
        catch (RuleViolationException violations)
        {
            return Invalid(violations);
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }

        return Page();
    }

    public sealed class GenerateInput
    {
        public string? Seed { get; set; } = "1";

        public string? Total { get; set; }
    }
}
