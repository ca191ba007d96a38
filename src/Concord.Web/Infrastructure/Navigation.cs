using Concord.Web.Infrastructure.Security;

namespace Concord.Web.Infrastructure;

/// <summary>An area of the service in the header navigation, shown to those its policy allows.</summary>
public sealed record NavigationArea(string Text, string Href, string Policy);

public static class Navigation
{
    public static readonly IReadOnlyList<NavigationArea> Areas =
    [
        new("Home", "/", Policies.Read),
        new("Partnerships", "/partnerships", Policies.Read),
        new("Committees and meetings", "/governance", Policies.Read),
        new("Authorities", "/authorities", Policies.Read),
        new("Administration", "/admin", Policies.Administrator),
    ];

    public static bool IsCurrent(NavigationArea area, PathString path) =>
        area.Href == "/" ? path == "/" : path.StartsWithSegments(area.Href);
}
