using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Infrastructure.Forms;

/// <summary>One line of the GOV.UK error summary: the message and the id of the field it links to.</summary>
public sealed record ErrorLink(string Message, string? FieldId);

public static class ErrorSummary
{
    /// <summary>
    /// The page's errors in the order their fields appear on the form. By convention a page
    /// model declares its bound properties (and an input model its fields) in form order, so the
    /// declaration order is the page order. Errors about the whole page come first.
    /// </summary>
    public static IReadOnlyList<ErrorLink> For(object? model, ModelStateDictionary modelState) =>
        modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => Position(model?.GetType(), entry.Key), PositionComparer.Instance)
            .SelectMany(entry => entry.Value!.Errors.Select(error => new ErrorLink(
                error.ErrorMessage,
                string.IsNullOrEmpty(entry.Key) ? null : TagBuilder.CreateSanitizedId(entry.Key, "_"))))
            .ToList();

    private static List<int> Position(Type? type, string key)
    {
        var position = new List<int>();
        if (key.Length == 0)
        {
            return position;
        }

        foreach (var segment in key.Split('.'))
        {
            // "Lines[2]" is where the Lines property is, in the order of its rows.
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var part = bracket < 0 ? segment : segment[..bracket];
            var properties = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToList() ?? [];
            var index = properties.IndexOf(part);
            position.Add(index < 0 ? int.MaxValue : index);
            if (bracket >= 0)
            {
                position.Add(int.TryParse(segment[(bracket + 1)..].TrimEnd(']'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row) ? row : int.MaxValue);
            }

            type = type?.GetProperty(part)?.PropertyType;
            type = bracket >= 0 && type is { IsGenericType: true } list ? list.GetGenericArguments()[^1] : type;
        }

        return position;
    }

    private sealed class PositionComparer : IComparer<List<int>>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
