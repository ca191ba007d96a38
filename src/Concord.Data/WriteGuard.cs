using Concord.Core.Access;
using Concord.Core.Partnerships;
using Concord.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Concord.Data;

/// <summary>
/// The last line of defence on every save: whatever a page or endpoint forgot, nobody writes a
/// record of an authority they are not working for, a Viewer writes nothing, and reference data
/// is written only by the system.
/// </summary>
internal static class WriteGuard
{
    /// <param name="memberOf">The partnerships touched by this save that the acting authority belongs to.</param>
    public static void Check(EntityEntry entry, IUserContext user, IReadOnlySet<Guid> memberOf)
    {
        if (user.IsSystem)
        {
            return;
        }

        var type = entry.Metadata.ClrType;
        switch (entry.Entity)
        {
            case Authority:
                throw Denied("Authorities are reference data and change only through Concord's own reference data.");

            case IPublicData:
                throw Denied($"{type.Name} is published public data and changes only through Concord's import.");

            case IAuthorityOwned owned:
                RequireCapability(user, type);
                foreach (var authorityId in AuthorityIds(entry, owned))
                {
                    if (authorityId != user.ActiveAuthorityId)
                    {
                        throw Denied($"A {type.Name} belongs to another authority and cannot be changed by someone working for this one.");
                    }
                }

                break;

            case Partnership partnership:
                RequireCapability(user, type);
                if (entry.State == EntityState.Added && user.ActiveAuthorityId is { } active && !partnership.HasMember(active))
                {
                    throw Denied("A new partnership must include the authority you are working for.");
                }

                break;

            case PartnershipMember:
                RequireCapability(user, type);
                break;

            case IWrittenByAuthority written:
                RequireCapability(user, type);
                RequireMember(written, memberOf);
                if (written.AuthorityId != user.ActiveAuthorityId ||
                    (entry.State != EntityState.Added && entry.Property(nameof(IWrittenByAuthority.AuthorityId)).OriginalValue is Guid original && original != user.ActiveAuthorityId))
                {
                    throw Denied($"A {type.Name} is recorded only by its own council's staff.");
                }

                break;

            case IPartnershipOwned shared:
                RequireCapability(user, type);
                RequireMember(shared, memberOf);
                break;

            case IUserOwned personal when personal.UserId != user.UserId:
                throw Denied("Only its owner can change this record.");

            case ConcordUser:
            default:
                // People's accounts change through ASP.NET Core Identity on pages whose policies
                // decide who may do what (self-service, or an administrator of the same authority).
                break;
        }
    }

    private static void RequireMember(IPartnershipOwned record, IReadOnlySet<Guid> memberOf)
    {
        if (!memberOf.Contains(record.PartnershipId))
        {
            throw Denied("The record belongs to a partnership the authority you are working for is not a member of.");
        }
    }

    private static IEnumerable<Guid> AuthorityIds(EntityEntry entry, IAuthorityOwned owned)
    {
        yield return owned.AuthorityId;
        if (entry.State is EntityState.Modified or EntityState.Deleted)
        {
            yield return entry.Property(nameof(IAuthorityOwned.AuthorityId)).OriginalValue is Guid original ? original : Guid.Empty;
        }
    }

    private static void RequireCapability(IUserContext user, Type type)
    {
        var capability = WriteRules.CapabilityToWrite(type);
        if (!user.Can(capability))
        {
            throw Denied($"Your role does not allow changing a {type.Name} (needs {capability}).");
        }
    }

    private static AccessDeniedException Denied(string message) => new(message);
}
