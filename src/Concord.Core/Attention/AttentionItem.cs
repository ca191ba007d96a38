namespace Concord.Core.Attention;

public enum AttentionLevel
{
    /// <summary>Worth knowing soon.</summary>
    Due = 1,

    /// <summary>Late or blocking: shown first, in red.</summary>
    Overdue = 2,
}

/// <summary>Something the signed-in person should look at, shown in "Needs attention" on the home page.</summary>
public sealed record AttentionItem(string Title, string Detail, string Href, AttentionLevel Level);
