namespace Concord.Core.Access;

/// <summary>Something a person may do, within the authority they are working for.</summary>
public enum Capability
{
    /// <summary>See the authority's own records and its partnerships' records.</summary>
    Read,

    /// <summary>Create, change or delete working records.</summary>
    Edit,

    /// <summary>Change the authority's budgets, recharges and other money records.</summary>
    ManageFinance,

    /// <summary>Move options through stage gates and record the authority's decisions.</summary>
    LeadProgramme,

    /// <summary>Manage the authority's people and grants; read its audit trail.</summary>
    Administer,
}

/// <summary>
/// The one place that says which roles give which capabilities. Authorisation policies in the
/// web app and the write guard in the database context both ask this.
/// </summary>
public static class AccessRules
{
    public static bool Allows(Role role, Capability capability) => capability switch
    {
        Capability.Read => true,
        Capability.Edit => role is not Role.Viewer,
        Capability.ManageFinance => role is Role.Finance,
        Capability.LeadProgramme => role is Role.ProgrammeLead or Role.Administrator,
        Capability.Administer => role is Role.Administrator,
        _ => false,
    };

    public static bool Allows(IEnumerable<Role> roles, Capability capability) =>
        roles.Any(role => Allows(role, capability));
}

/// <summary>What a record demands of the person who writes it, beyond working for its authority.</summary>
public static class WriteRules
{
    /// <summary>
    /// The capability needed to create, change or delete a record of this type. Grants (who may
    /// do what) are for administrators; a council's decisions, its Key Decision tests and moves of
    /// an option between stages are for programme leads (and administrators); a council's internal
    /// budget lines are for its Finance role; everything else needs the ordinary edit right.
    /// </summary>
    public static Capability CapabilityToWrite(Type recordType) =>
        recordType == typeof(AuthorityGrant) ? Capability.Administer
        : ProgrammeLeadRecords.Contains(recordType) ? Capability.LeadProgramme
        : recordType == typeof(Finance.HighNeedsBudget) ? Capability.ManageFinance
        : Capability.Edit;

    private static readonly HashSet<Type> ProgrammeLeadRecords =
    [
        typeof(Programme.Decision),
        typeof(Programme.KeyDecisionTest),
        typeof(Programme.OptionTransition),
        typeof(Programme.SharedProgramme),
    ];
}
