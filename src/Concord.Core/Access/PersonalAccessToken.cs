using System.Security.Cryptography;
using System.Text;

namespace Concord.Core.Access;

/// <summary>
/// A token a person creates on their account page for scripts that call the API. The secret is
/// shown once; only its SHA-256 hash is stored. It acts with its owner's roles and can be revoked.
/// </summary>
public sealed class PersonalAccessToken : Entity, IUserOwned
{
    public const string SecretPrefix = "concord_pat_";
    public const int MaxNameLength = 100;

    public Guid UserId { get; init; }

    public string Name { get; init; } = string.Empty;

    /// <summary>Lowercase hex SHA-256 of the whole secret.</summary>
    public string TokenHash { get; init; } = string.Empty;

    /// <summary>The first characters of the secret, shown so that people can tell tokens apart.</summary>
    public string Hint { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public DateOnly ExpiresOn { get; init; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive(DateTimeOffset now) =>
        RevokedAt is null && DateOnly.FromDateTime(now.UtcDateTime) <= ExpiresOn;

    /// <summary>Makes a token; returns it with the secret, which the caller shows once and forgets.</summary>
    public static (PersonalAccessToken Token, string Secret) Create(Guid userId, string? name, int daysValid, DateTimeOffset now)
    {
        var violations = new List<RuleViolation>();
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            violations.Add(new("Name", "Enter a name for the token, such as the script that will use it"));
        }
        else if (trimmed.Length > MaxNameLength)
        {
            violations.Add(new("Name", $"Token name must be {MaxNameLength} characters or fewer"));
        }

        if (daysValid is < 1 or > 366)
        {
            violations.Add(new("DaysValid", "A token must last between 1 and 366 days"));
        }

        RuleViolationException.ThrowIfAny(violations);

        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = trimmed,
            TokenHash = Hash(secret),
            Hint = secret[..(SecretPrefix.Length + 4)],
            CreatedAt = now,
            ExpiresOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(daysValid),
        };
        return (token, secret);
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now)
    {
        RevokedAt ??= now;
    }
}
