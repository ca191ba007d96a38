namespace Concord.Core.Auditing;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}

/// <summary>
/// One row of the append-only audit trail: who changed which record, when, for which authority,
/// and each changed field before and after. Written in the same transaction as the change;
/// nothing in Concord updates or deletes it (the database refuses too).
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset When { get; init; }

    public Guid? UserId { get; init; }

    public string Actor { get; init; } = string.Empty;

    /// <summary>The authority whose record it is, or for whom the actor was working.</summary>
    public Guid? AuthorityId { get; init; }

    public AuditAction Action { get; init; }

    /// <summary>The kind of record, for example "Partnership".</summary>
    public string Entity { get; init; } = string.Empty;

    public string EntityKey { get; init; } = string.Empty;

    /// <summary>JSON object: field name to { "before": ..., "after": ... }.</summary>
    public string Changes { get; init; } = "{}";
}
