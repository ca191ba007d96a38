using System.Security.Cryptography;

namespace Concord.Web.Pages.Admin.Users;

/// <summary>A random password an administrator passes on once; the person changes it on their account page.</summary>
public static class TemporaryPassword
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Create() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5)));
}
