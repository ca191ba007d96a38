namespace Concord.Core;

/// <summary>
/// Collects a domain method's broken rules, so that every problem is named at once, and throws
/// them together before anything is changed.
/// </summary>
public sealed class Checks
{
    private readonly List<RuleViolation> _violations = [];

    public bool Ok => _violations.Count == 0;

    public void Fail(string field, string message) => _violations.Add(new RuleViolation(field, message));

    public void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Fail(field, message);
        }
    }

    /// <summary>Text that must be given, trimmed, and no longer than <paramref name="max"/>.</summary>
    public string Text(string field, string? value, string whenMissing, int max, string label)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            Fail(field, whenMissing);
        }
        else if (trimmed.Length > max)
        {
            Fail(field, $"{label} must be {max} characters or fewer");
        }

        return trimmed;
    }

    /// <summary>Text that may be left out (stored as nothing), no longer than <paramref name="max"/>.</summary>
    public string? OptionalText(string field, string? value, int max, string label)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > max)
        {
            Fail(field, $"{label} must be {max} characters or fewer");
        }

        return trimmed;
    }

    /// <summary>A value that must be given and be one of the enum's named values.</summary>
    public T Choice<T>(string field, T? value, string whenMissing)
        where T : struct, Enum
    {
        if (value is { } chosen && Enum.IsDefined(chosen))
        {
            return chosen;
        }

        Fail(field, whenMissing);
        return default;
    }

    /// <summary>A date that must be given, within the years Concord deals in.</summary>
    public DateOnly Date(string field, DateOnly? value, string whenMissing, string label)
    {
        if (value is not { } date)
        {
            Fail(field, whenMissing);
            return default;
        }

        if (date.Year is < 2000 or > 2100)
        {
            Fail(field, $"{label} must be between 2000 and 2100");
        }

        return date;
    }

    public DateOnly? OptionalDate(string field, DateOnly? value, string label) =>
        value is null ? null : Date(field, value, string.Empty, label);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int Number(string field, int? value, int min, int max, string label)
    {
        if (value is not { } number)
        {
            Fail(field, $"Enter {label}");
            return min;
        }

        if (number < min || number > max)
        {
            Fail(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be between {min} and {max}");
        }

        return number;
    }

    public void ThrowIfAny() => RuleViolationException.ThrowIfAny(_violations);
}
