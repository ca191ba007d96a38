namespace Concord.Core.Access;

/// <summary>
/// A record that belongs to one council. Only that council's staff (people working for it) can
/// see or change it, unless a rule here in Core says otherwise.
/// </summary>
public interface IAuthorityOwned
{
    Guid AuthorityId { get; }
}

/// <summary>A record of a partnership: visible to the staff of every member authority.</summary>
public interface IPartnershipOwned
{
    Guid PartnershipId { get; }
}

/// <summary>
/// A partnership record that one member council owns and only that council writes (for example
/// its decision on an option): every member council's staff read it; only the owner's staff,
/// with the right role, change it.
/// </summary>
public interface IWrittenByAuthority : IPartnershipOwned
{
    Guid AuthorityId { get; }
}

/// <summary>
/// A council's own record that becomes readable (never writable) by a partner council's staff once
/// a record of their shared partnership relies on it. The rule: a committee, and a meeting of it,
/// that a joint milestone's approval is scheduled at is shared with the milestone's partnership,
/// so that both councils can keep their approvals in step. Everything else in the council's
/// calendar stays its own.
/// </summary>
public interface ISharedThroughApprovals : IAuthorityOwned
{
}

/// <summary>A record that belongs to one person, such as their access tokens.</summary>
public interface IUserOwned
{
    Guid UserId { get; }
}

/// <summary>Refused because the actor may not do this to this record.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>
/// Published public data (for example DfE's grant allocations): readable by every signed-in user,
/// for every authority it covers, and written only by Concord's own import.
/// </summary>
public interface IPublicData
{
}
