using Concord.Core;
using Concord.Core.Sufficiency;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Provisions;

/// <summary>
/// The provision registers (/provisions): by default those of the council worked for and its
/// partners; filtered by council, kind and need; searched by name or URN; with totals and a CSV download.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(ProvisionRegister register, IAuthorizationService authorization) : ConcordPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Authority { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Need { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public ProvisionList List { get; private set; } = new([], default);

    public IReadOnlyList<RegisterCouncil> Councils { get; private set; } = [];

    public IReadOnlyList<RegisterCouncil> Readable { get; private set; } = [];

    public RegisterCouncil? Own { get; private set; }

    public bool CanEdit { get; private set; }

    public DateOnly Today => register.Today;

    public IReadOnlyList<SelectListItem> AuthorityItems { get; private set; } = [];

    public static readonly IReadOnlyList<SelectListItem> KindItems =
        [new("Any kind", string.Empty), .. ProvisionKinds.All.Select(k => new SelectListItem(k.Display(), k.ToString()))];

    public static readonly IReadOnlyList<SelectListItem> NeedItems =
        [new("Any need", string.Empty), .. Needs.All.Select(n => new SelectListItem($"{n.Code()}: {n.Display()}", n.Code()))];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Readable = await register.ReadableCouncilsAsync(cancellationToken);
        Own = await register.OwnCouncilAsync(cancellationToken);
        CanEdit = Own is not null && (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        AuthorityItems =
        [
            new(Readable.Count > 1 ? $"{Names(Readable)} (yours and partners')" : Readable.Count == 1 ? Readable[0].Name : "Your council", string.Empty),
            .. Readable.Select(c => new SelectListItem(c.Name, c.OnsCode)),
        ];

        try
        {
            var search = await register.SearchAsync(new ProvisionQuery(Authority, Kind, Need, Q), cancellationToken);
            Councils = search.Councils;
            List = await register.ListAsync(search, cancellationToken);
        }
        catch (RuleViolationException problems)
        {
            ModelState.AddViolations(problems, string.Empty);
            return Invalid();
        }

        return Page();
    }

    /// <summary>"Stockport and Tameside".</summary>
    public static string Names(IReadOnlyList<RegisterCouncil> councils) => councils.Count switch
    {
        0 => "no council",
        1 => councils[0].Name,
        _ => $"{string.Join(", ", councils.Take(councils.Count - 1).Select(c => c.Name))} and {councils[^1].Name}",
    };

    /// <summary>This list's address with its filters, for the download.</summary>
    public string Link(string path, params (string Name, string? Value)[] extra)
    {
        var query = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["authority"] = Authority,
            ["kind"] = Kind,
            ["need"] = Need,
            ["q"] = Q,
        };
        foreach (var (name, value) in extra)
        {
            query[name] = value;
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
