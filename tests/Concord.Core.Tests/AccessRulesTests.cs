using Concord.Core.Access;

namespace Concord.Core.Tests;

public sealed class AccessRulesTests
{
    [Theory]
    [InlineData(Role.Viewer, Capability.Read, true)]
    [InlineData(Role.Viewer, Capability.Edit, false)]
    [InlineData(Role.Viewer, Capability.ManageFinance, false)]
    [InlineData(Role.Viewer, Capability.LeadProgramme, false)]
    [InlineData(Role.Viewer, Capability.Administer, false)]
    [InlineData(Role.Officer, Capability.Edit, true)]
    [InlineData(Role.Officer, Capability.ManageFinance, false)]
    [InlineData(Role.Officer, Capability.LeadProgramme, false)]
    [InlineData(Role.Officer, Capability.Administer, false)]
    [InlineData(Role.Finance, Capability.Edit, true)]
    [InlineData(Role.Finance, Capability.ManageFinance, true)]
    [InlineData(Role.Finance, Capability.LeadProgramme, false)]
    [InlineData(Role.ProgrammeLead, Capability.LeadProgramme, true)]
    [InlineData(Role.ProgrammeLead, Capability.ManageFinance, false)]
    [InlineData(Role.ProgrammeLead, Capability.Administer, false)]
    [InlineData(Role.Administrator, Capability.Administer, true)]
    [InlineData(Role.Administrator, Capability.LeadProgramme, true)]
    [InlineData(Role.Administrator, Capability.ManageFinance, false)]
    public void Each_role_gives_exactly_its_capabilities(Role role, Capability capability, bool allowed) =>
        Assert.Equal(allowed, AccessRules.Allows(role, capability));

    [Fact]
    public void A_viewer_never_writes_whatever_the_record()
    {
        foreach (var type in new[] { typeof(AuthorityGrant), typeof(Governance.GovernanceBody), typeof(Partnerships.Partnership) })
        {
            Assert.False(AccessRules.Allows([Role.Viewer], WriteRules.CapabilityToWrite(type)));
        }
    }

    [Fact]
    public void Only_administrators_change_who_may_do_what()
    {
        Assert.Equal(Capability.Administer, WriteRules.CapabilityToWrite(typeof(AuthorityGrant)));
        Assert.False(AccessRules.Allows([Role.Officer, Role.Finance, Role.ProgrammeLead], Capability.Administer));
    }

    [Fact]
    public void Roles_count_only_in_the_authority_being_worked_for()
    {
        var stockport = Guid.NewGuid();
        var tameside = Guid.NewGuid();
        var user = new TestUser(tameside, [new(stockport, Role.Administrator), new(tameside, Role.Viewer)]);

        Assert.True(user.Can(Capability.Read));
        Assert.False(user.Can(Capability.Edit));
        Assert.False(user.Can(Capability.Administer));
    }

    [Fact]
    public void Someone_working_for_no_authority_can_do_nothing()
    {
        var user = new TestUser(null, [new(Guid.NewGuid(), Role.Administrator)]);

        Assert.False(user.Can(Capability.Read));
    }

    [Fact]
    public void The_system_can_do_everything()
    {
        Assert.All(Enum.GetValues<Capability>(), c => Assert.True(SystemUserContext.Instance.Can(c)));
    }

    [Theory]
    [InlineData("Programme lead", Role.ProgrammeLead)]
    [InlineData("programmelead", Role.ProgrammeLead)]
    [InlineData("Administrator", Role.Administrator)]
    public void Roles_are_read_from_their_display_names(string text, Role expected)
    {
        Assert.True(RoleNames.TryParse(text, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Director")]
    [InlineData("3")]
    public void Unknown_roles_are_not_read(string text) => Assert.False(RoleNames.TryParse(text, out _));

    private sealed class TestUser(Guid? active, IReadOnlyCollection<AuthorityRole> grants) : IUserContext
    {
        public Guid? UserId => Guid.Empty;

        public string ActorName => "test";

        public string DisplayName => "Test Person";

        public IReadOnlyCollection<AuthorityRole> Grants => grants;

        public Guid? ActiveAuthorityId => active;

        public bool IsSystem => false;
    }
}
