using Concord.Core;
using Concord.Core.PublicData;
using Concord.Web.Evidence;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Evidence;

/// <summary>
/// The councils' appendix of contextual data: one authority's profile (/evidence/E08000007) or
/// several side by side (/evidence?authorities=…), with Greater Manchester, regional and England
/// benchmarks, charts with their tables, downloads, and a map of deprivation by LSOA.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(EvidenceReader reader) : ConcordPageModel
{
    /// <summary>The figures charted as bars, in the order shown.</summary>
    public static readonly IReadOnlyList<string> Charted =
        ["imd-most-deprived", "idaci-most-deprived", "low-income-families", "schools-good", "gld", "gld-fsm", "ehcp-rate", "cin-rate", "cla-rate", "attendance", "persistent-absence", "dsg-per-pupil"];

    /// <summary>The trends charted as lines.</summary>
    public static readonly IReadOnlyList<string> Trended = ["gld", "gld-fsm", "ehcp-rate"];

    /// <summary>Headings grouping the table's figures, by the first figure under each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Groups = new Dictionary<string, string>
    {
        ["population-0-4"] = "Population",
        ["imd-most-deprived"] = "Deprivation",
        ["schools-outstanding"] = "Schools by Ofsted judgement",
        ["gld"] = "Early years",
        ["ehcp-rate"] = "Special educational needs",
        ["cin-rate"] = "Children's social care",
        ["attendance"] = "Attendance",
        ["dsg-per-pupil"] = "Funding",
        ["ilacs"] = "Inspection",
    };

    public IReadOnlyList<PublicArea> Choices { get; private set; } = [];

    public IReadOnlyList<string> Chosen { get; private set; } = [];

    public string? Single { get; private set; }

    public int? Year { get; private set; }

    public Comparison? Comparison { get; private set; }

    public DeprivationMap? Map { get; private set; }

    /// <summary>The Greater Manchester authorities ticked on the form.</summary>
    public IReadOnlyList<string> Authority => [.. Chosen.Where(Benchmarks.GreaterManchesterAuthorities.Contains)];

    /// <summary>An authority outside Greater Manchester chosen on the form.</summary>
    public string? Other => Chosen.FirstOrDefault(c => !Benchmarks.GreaterManchesterAuthorities.Contains(c));

    public string? YearChoice => Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Query => $"authorities={string.Join(',', Chosen)}{(Year is { } y ? $"&year={y}" : string.Empty)}";

    public async Task<IActionResult> OnGetAsync(string? onsCode, string? authorities, string[]? authority, string? other, string? year, CancellationToken cancellationToken)
    {
        Choices = await reader.AuthoritiesAsync(cancellationToken);
        if (year is { Length: > 0 })
        {
            if (int.TryParse(year, out var chosenYear) && chosenYear is >= 2010 and <= 2030)
            {
                Year = chosenYear;
            }
            else
            {
                ModelState.AddModelError("year", "Choose a year from the list");
            }
        }

        if (onsCode is not null)
        {
            Single = onsCode.ToUpperInvariant();
            if (await reader.ProfileAsync(Single, Year, cancellationToken) is null)
            {
                return NotFound();
            }

            Chosen = [Single];
        }
        else
        {
            var codes = EvidenceReader.Codes(authorities).Concat(authority ?? []).Append(other ?? string.Empty)
                .Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
            Chosen = codes.Count > 0 || authorities is not null || authority is { Length: > 0 } || other is not null ? codes : await reader.PartnershipAuthoritiesAsync(cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        try
        {
            Comparison = await reader.CompareAsync(Chosen, Year, cancellationToken);
        }
        catch (RuleViolationException refused)
        {
            ModelState.AddViolations(refused, string.Empty);
            return Invalid();
        }

        var names = Comparison.Authorities.ToDictionary(a => a.Code, a => a.Name);
        Map = DeprivationMap.Build(await reader.MapAsync(Chosen, cancellationToken), names);
        return Page();
    }
}
