namespace Concord.Web.Tests.Infrastructure;

/// <summary>
/// What the machine offers the tests. Outside CI a missing dependency skips the tests that need
/// it, with the reason; in CI (CI=true) it fails them, so nothing is silently left untested.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "CONCORD_TEST_POSTGRES";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Skips (locally) or fails (in CI) when <paramref name="unavailable"/> names a missing dependency.</summary>
    public static void Require(string? unavailable)
    {
        if (unavailable is null)
        {
            return;
        }

        if (IsCi)
        {
            throw new InvalidOperationException($"In CI every test must run, but: {unavailable}");
        }

        Assert.Skip(unavailable);
    }
}
