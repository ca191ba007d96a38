using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Infrastructure.Forms;

/// <summary>Choice lists used by many forms.</summary>
public static class Choices
{
    public static readonly IReadOnlyList<SelectListItem> YesNo = [new("Yes", "yes"), new("No", "no")];

    /// <summary>An enum's values as radio or select items, with their display names.</summary>
    public static IReadOnlyList<SelectListItem> Of<T>(Func<T, string> display)
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(display(v), v.ToString())).ToList();

    /// <summary>A select list that starts with a prompt, so nothing is chosen by accident.</summary>
    public static IReadOnlyList<SelectListItem> WithPrompt(string prompt, IEnumerable<SelectListItem> items) =>
        [new SelectListItem(prompt, string.Empty), .. items];

    public static bool? ReadYesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };

    public static string? WriteYesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        _ => null,
    };

    public static T? ReadEnum<T>(string? value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    public static Guid? ReadGuid(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
