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

/// <summary>
/// A council's own record that the staff of every council it shares a partnership with may read,
/// never change. The rule: a council's SEND provision register (its settings, places, designated
/// needs and costs) and its sufficiency assumptions, because sufficiency is planned jointly and
/// placements across the border are recharged at those costs.
/// </summary>
public interface ISharedWithPartners : IAuthorityOwned
{
}

/// <summary>
/// The rule for children's records in joint planning: a partnership's placement plan reads each
/// member council's children with EHC plans only as counts (by home neighbourhood, primary need
/// and age), never as records; each child's record stays visible only to their own council.
/// </summary>
public static class SharedAsCounts
{
    public const string Rule = "A partnership's placement plan reads each member council's children with EHC plans only as counts by home LSOA, primary need and age; a child's record is seen only by their own council.";
}

/// <summary>
/// A council's own record that arrives and leaves only as part of a load (a batch) whose own record
/// is audited: the many rows of one load are not audited one by one (children with EHC plans).
/// </summary>
public interface IAuditedByBatch : IAuthorityOwned
{
    Guid BatchId { get; }
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
