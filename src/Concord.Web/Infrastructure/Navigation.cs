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
        new("Partnerships", "/partnerships", Policies.Read),
        new("Committees and meetings", "/governance", Policies.Read),
        new("Authorities", "/authorities", Policies.Read),
        new("Administration", "/admin", Policies.Administrator),
    ];

    /// <summary>Records of the programme live at their own addresses but belong to the Programme area.</summary>
    private static readonly string[] ProgrammeRecords = ["/options", "/workstreams", "/phases", "/board", "/risks", "/milestones", "/engagement", "/reports"];

    public static bool IsCurrent(NavigationArea area, PathString path) =>
        area.Href == "/" ? path == "/"
        : area.Href == "/programme" ? path.StartsWithSegments(area.Href) || ProgrammeRecords.Any(r => path.StartsWithSegments(r))
        : path.StartsWithSegments(area.Href);
}
