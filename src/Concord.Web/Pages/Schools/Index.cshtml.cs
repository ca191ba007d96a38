using Concord.Core;
using Concord.Core.PublicData;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Schools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Schools;

/// <summary>
/// The register of schools (/schools): by default those of the reader's partnership's authorities,
/// or any authority's; filtered by phase, type group, Ofsted grade and trust; searched by name,
/// URN or postcode; sorted; a page of 50 at a time, and the whole list as CSV from the API.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(SchoolRegister register) : ConcordPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Authority { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Phase { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? TypeGroup { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Ofsted { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Trust { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int? PageNumber { get; set; }

    public SchoolList List { get; private set; } = new([], 0, 1, 1, SchoolRegister.PageSize);

    /// <summary>The authorities listed; null for every school on the register.</summary>
    public IReadOnlyList<SchoolAuthority>? Chosen { get; private set; }

    public IReadOnlyList<SelectListItem> Authorities { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Phases { get; private set; } = [];

    public IReadOnlyList<SelectListItem> TypeGroups { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Trusts { get; private set; } = [];

    public static readonly IReadOnlyList<SelectListItem> OfstedItems =
        [new("Any, or none", string.Empty), .. SchoolRegister.OfstedChoices.Select(c => new SelectListItem(c.Label, c.Value))];

    public static readonly IReadOnlyList<SelectListItem> SortItems = [.. SchoolRegister.SortChoices.Select(c => new SelectListItem(c.Label, c.Value))];

    public IReadOnlyDictionary<string, DatasetImport> Sources { get; private set; } = new Dictionary<string, DatasetImport>();

    /// <summary>The order shown: one of <see cref="SchoolRegister.SortChoices"/>.</summary>
    public string Sorted => SchoolRegister.SortChoices.Any(c => c.Value == Sort) ? Sort! : "name";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var partnership = await register.PartnershipAuthoritiesAsync(cancellationToken);
        Authorities =
        [
            new(partnership is null ? "Every authority" : $"Your partnership's: {Names(partnership)}", string.Empty),
            new("Every authority (England, and Welsh and overseas schools on GIAS)", SchoolRegister.AllAuthorities),
            .. (await register.AuthoritiesAsync(cancellationToken)).Select(a => new SelectListItem(a.Name, a.Code)),
        ];
        var (phases, groups) = await register.KindsAsync(cancellationToken);
        Phases = [new("Any phase", string.Empty), .. phases.Select(p => new SelectListItem(p, p))];
        TypeGroups = [new("Any type", string.Empty), .. groups.Select(g => new SelectListItem(g, g))];
        Sources = await register.SourcesAsync(cancellationToken);

        SchoolSearch search;
        try
        {
            search = await register.SearchAsync(new SchoolQuery(Authority, Phase, TypeGroup, Ofsted, Trust, Q, Sort, PageNumber), cancellationToken);
        }
        catch (RuleViolationException problems)
        {
            ModelState.AddViolations(problems, string.Empty);
            return Invalid();
        }

        Chosen = search.Authorities;
        Trusts = [new("Any", string.Empty), .. (await register.TrustsAsync(Chosen, cancellationToken)).Select(t => new SelectListItem(t, t))];
        List = await register.FindAsync(search, cancellationToken);
        return Page();
    }

    /// <summary>"Stockport and Tameside", "Bolton, Bury and Wigan".</summary>
    public static string Names(IReadOnlyList<SchoolAuthority> authorities) => authorities.Count switch
    {
        0 => "no authority",
        1 => authorities[0].Name,
        _ => $"{string.Join(", ", authorities.Take(authorities.Count - 1).Select(a => a.Name))} and {authorities[^1].Name}",
    };

    /// <summary>Where the list is: the authorities chosen, or every school.</summary>
    public string Where => Chosen is null ? "every authority" : Names(Chosen);

    /// <summary>This list's address with <paramref name="changes"/> (for pages and orders).</summary>
    public string Link(string path, params (string Name, string? Value)[] changes)
    {
        var query = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["authority"] = Authority,
            ["phase"] = Phase,
            ["typeGroup"] = TypeGroup,
            ["ofsted"] = Ofsted,
            ["trust"] = Trust,
            ["q"] = Q,
            ["sort"] = Sort,
        };
        foreach (var (name, value) in changes)
        {
            query[name] = value;
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    /// <summary>The aria-sort of a column: set on the column the list is ordered by.</summary>
    public string? AriaSort(string sort) => Sorted == sort ? (sort == "name" ? "ascending" : "descending") : null;
}
