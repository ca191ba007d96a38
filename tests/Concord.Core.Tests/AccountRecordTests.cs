using Concord.Core.Access;

namespace Concord.Core.Tests;

public sealed class AccountRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_keeps_only_a_hash_of_its_secret()
    {
        var (token, secret) = PersonalAccessToken.Create(Guid.NewGuid(), "Export script", 30, Now);

        Assert.StartsWith(PersonalAccessToken.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.True(secret.Length > 50);
        Assert.Equal(64, token.TokenHash.Length);
        Assert.Equal(PersonalAccessToken.Hash(secret), token.TokenHash);
        Assert.DoesNotContain(secret[PersonalAccessToken.SecretPrefix.Length..], token.TokenHash, StringComparison.Ordinal);
        Assert.StartsWith(token.Hint, secret, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tokens_never_share_a_secret()
    {
        var first = PersonalAccessToken.Create(Guid.NewGuid(), "One", 30, Now).Secret;
        var second = PersonalAccessToken.Create(Guid.NewGuid(), "Two", 30, Now).Secret;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_token_works_until_the_end_of_its_last_day_and_not_after_revocation()
    {
        var (token, _) = PersonalAccessToken.Create(Guid.NewGuid(), "Export script", 30, Now);

        Assert.Equal(new DateOnly(2026, 12, 24), token.ExpiresOn);
        Assert.True(token.IsActive(new DateTimeOffset(2026, 12, 24, 23, 59, 0, TimeSpan.Zero)));
        Assert.False(token.IsActive(new DateTimeOffset(2026, 12, 25, 0, 0, 1, TimeSpan.Zero)));
        token.Revoke(Now.AddDays(1));
        Assert.False(token.IsActive(Now.AddDays(2)));
    }

    [Fact]
    public void A_token_needs_a_name_and_a_lifetime_of_at_most_a_year()
    {
        var refused = Assert.Throws<RuleViolationException>(() => PersonalAccessToken.Create(Guid.NewGuid(), "", 400, Now));

        Assert.Equal(["Name", "DaysValid"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_role_already_held_is_not_granted_twice()
    {
        var user = Guid.NewGuid();
        var authority = Guid.NewGuid();
        var existing = AuthorityGrant.Give(user, authority, Role.Officer, [], "admin", Now);

        var refused = Assert.Throws<RuleViolationException>(() => AuthorityGrant.Give(user, authority, Role.Officer, [existing], "admin", Now));

        Assert.Equal("They are already Officer here", refused.Violations.Single().Message);
    }

    [Fact]
    public void The_last_administrator_cannot_be_removed_but_one_of_two_can()
    {
        var authority = Guid.NewGuid();
        var first = AuthorityGrant.Give(Guid.NewGuid(), authority, Role.Administrator, [], "system", Now);
        var second = AuthorityGrant.Give(Guid.NewGuid(), authority, Role.Administrator, [], "system", Now);

        Assert.Throws<RuleViolationException>(() => AuthorityGrant.CheckRemoval([first], first));
        AuthorityGrant.CheckRemoval([first, second], first);
    }
}
