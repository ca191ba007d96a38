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

/// <summary>A record that belongs to one person, such as their access tokens.</summary>
public interface IUserOwned
{
    Guid UserId { get; }
}

/// <summary>Refused because the actor may not do this to this record.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
