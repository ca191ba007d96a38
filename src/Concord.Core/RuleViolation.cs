namespace Concord.Core;

/// <summary>One broken rule, naming the field it concerns (as the API and the pages show it).</summary>
public sealed record RuleViolation(string Field, string Message);

/// <summary>
/// Thrown by a domain method that refuses a change. Nothing has been changed when it is thrown.
/// Pages show the violations in an error summary; the API answers 400 with problem details.
/// </summary>
public sealed class RuleViolationException(IReadOnlyList<RuleViolation> violations)
    : Exception(string.Join(" ", violations.Select(v => v.Message)))
{
    public IReadOnlyList<RuleViolation> Violations { get; } = violations;

    public static void ThrowIfAny(List<RuleViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }
    }
}
