using Concord.Web.Infrastructure.Security;

namespace Concord.Web.Infrastructure;

/// <summary>An area of the service in the header navigation, shown to those its policy allows.</summary>
public sealed record NavigationArea(string Text, string Href, string Policy);

public static class Navigation
{
    public static readonly IReadOnlyList<NavigationArea> Areas =
    [
        new("Home", "/", Policies.Read),
        new("Programme", "/programme", Policies.Read),
        new("Money", "/money", Policies.Read),
        new("Evidence", "/evidence", Policies.Read),
        new("SEND sufficiency", "/sufficiency", Policies.Read),
        new("Partnerships", "/partnerships", Policies.Read),
        new("Committees and meetings", "/governance", Policies.Read),
        new("Schools", "/schools", Policies.Read),
        new("Authorities", "/authorities", Policies.Read),
        new("Administration", "/admin", Policies.Administrator),
    ];

    /// <summary>Records of the programme live at their own addresses but belong to the Programme area.</summary>
    private static readonly string[] ProgrammeRecords = ["/options", "/workstreams", "/phases", "/board", "/risks", "/milestones", "/engagement", "/reports"];

    /// <summary>Money records: shared posts, agreements and their KPIs, budgets, grant allocations, and a partnership's money pages.</summary>
    private static readonly string[] MoneyRecords = ["/shared-posts", "/agreements", "/kpis", "/high-needs", "/dsg"];

    /// <summary>The evidence base: public data, its provenance, and schools.</summary>
    private static readonly string[] EvidenceRecords = ["/data", "/schools"];

    /// <summary>SEND sufficiency: the provision registers, each council's assumptions and its children with EHC plans.</summary>
    private static readonly string[] SufficiencyRecords = ["/provisions"];

    private static readonly string[] PartnershipMoneyPages = ["shared-posts", "agreements", "recharges", "measures"];

    public static bool IsCurrent(NavigationArea area, PathString path) => area.Href switch
    {
        "/" => path == "/",
        "/programme" => path.StartsWithSegments(area.Href) || ProgrammeRecords.Any(r => path.StartsWithSegments(r)),
        "/money" => path.StartsWithSegments(area.Href) || MoneyRecords.Any(r => path.StartsWithSegments(r)) || IsPartnershipMoneyPage(path),
        "/evidence" => path.StartsWithSegments(area.Href) || EvidenceRecords.Any(r => path.StartsWithSegments(r)),
        "/sufficiency" => path.StartsWithSegments(area.Href) || SufficiencyRecords.Any(r => path.StartsWithSegments(r)),
        "/partnerships" => (path.StartsWithSegments(area.Href) && !IsPartnershipMoneyPage(path)) || path.StartsWithSegments("/indicators"),
        _ => path.StartsWithSegments(area.Href),
    };

    private static bool IsPartnershipMoneyPage(PathString path) =>
        path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is ["partnerships", _, var page, ..] && PartnershipMoneyPages.Contains(page);
}
