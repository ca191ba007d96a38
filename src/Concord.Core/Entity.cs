namespace Concord.Core;

/// <summary>
/// A record users can create and edit. Keys are made by the application (version 7 GUIDs,
/// ordered by time) so that a record's key is known, and audited, before it is saved.
/// <see cref="Version"/> is the optimistic concurrency token: it changes on every update, and an
/// update made against an older version is refused rather than silently overwriting.
/// </summary>
public abstract class Entity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid Version { get; set; } = Guid.NewGuid();
}
