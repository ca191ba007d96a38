using System.Text.Json;
using System.Text.Json.Serialization;
using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Concord.Data;

/// <summary>Turns one tracked change into one audit entry: the fields that changed, before and after.</summary>
internal static class AuditTrail
{
    /// <summary>Secrets are never copied into the trail; the entry only shows that they changed.</summary>
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", nameof(PersonalAccessToken.TokenHash),
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static AuditEntry? Describe(EntityEntry entry, IUserContext user, DateTimeOffset now)
    {
        // Published data is not recorded row by row: its import's provenance record is the trail;
        // nor are the rows of a council's load (children with EHC plans): the load's record is.
        if (entry.Entity is IPublicData and not Core.PublicData.DatasetImport or IAuditedByBatch)
        {
            return null;
        }

        var changes = new SortedDictionary<string, FieldChange>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name == nameof(Entity.Version))
            {
                continue;
            }

            var before = entry.State == EntityState.Added ? null : property.OriginalValue;
            var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(before, after)))
            {
                continue;
            }

            if (before is null && after is null)
            {
                continue;
            }

            changes[name] = Redacted.Contains(name)
                ? new FieldChange(before is null ? null : "[redacted]", after is null ? null : "[redacted]")
                : new FieldChange(before, after);
        }

        if (entry.State == EntityState.Modified && changes.Count == 0)
        {
            return null;
        }

        var key = entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, Formats.UkCulture));

        return new AuditEntry
        {
            When = now,
            UserId = user.UserId,
            Actor = user.ActorName,
            AuthorityId = entry.Entity is IAuthorityOwned owned ? owned.AuthorityId : user.ActiveAuthorityId,
            Action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            },
            Entity = EntityName(entry.Metadata.ClrType),
            EntityKey = string.Join(",", key),
            Changes = JsonSerializer.Serialize(changes, Json),
        };
    }

    private static string EntityName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private sealed record FieldChange(
        [property: JsonPropertyName("before")] object? Before,
        [property: JsonPropertyName("after")] object? After);
}
