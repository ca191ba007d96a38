using Concord.Core.PublicData;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Schools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Pages.Schools;

/// <summary>One school (/schools/{urn}): its register entry, its area and its Ofsted judgements as shown in February 2020; 404 for a URN no open school has.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(SchoolRegister register) : ConcordPageModel
{
    public SchoolProfile Profile { get; private set; } = default!;

    public IReadOnlyDictionary<string, DatasetImport> Sources { get; private set; } = new Dictionary<string, DatasetImport>();

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken cancellationToken)
    {
        if (await register.ProfileAsync(urn, cancellationToken) is not { } profile)
        {
            return NotFound();
        }

        Profile = profile;
        Sources = await register.SourcesAsync(cancellationToken);
        return Page();
    }

    /// <summary>The school's website as a link: GIAS often leaves out the scheme; anything but a web address is not linked.</summary>
    public static string? WebsiteHref(string? website) =>
        website is null ? null
        : Uri.TryCreate(website.Contains("://", StringComparison.Ordinal) ? website : $"https://{website}", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.AbsoluteUri
            : null;

    /// <summary>What a responsible body type means.</summary>
    public static string? BodyType(string? type) => type switch
    {
        "MAT" => "multi-academy trust",
        "CIF" => "smaller trust or single-academy trust",
        "VA Group" => "voluntary aided schools' body, such as a diocese",
        "LA Maintained" => "maintained by the local authority",
        _ => null,
    };
}
