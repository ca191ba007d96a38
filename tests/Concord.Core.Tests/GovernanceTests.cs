using Concord.Core.Governance;

namespace Concord.Core.Tests;

public sealed class GovernanceTests
{
    private static readonly Guid Stockport = Guid.NewGuid();

    [Fact]
    public void A_meeting_belongs_to_its_bodys_council()
    {
        var body = GovernanceBody.Create(Stockport, "Children and Families Scrutiny Committee", BodyKind.ScrutinyCommittee, "Lead committee");

        var meeting = body.ScheduleMeeting(new DateOnly(2027, 1, 12), null);

        Assert.Equal(Stockport, meeting.AuthorityId);
        Assert.Equal(body.Id, meeting.GovernanceBodyId);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
    }

    [Fact]
    public void A_body_needs_a_name_and_a_known_kind()
    {
        var refused = Assert.Throws<RuleViolationException>(() => GovernanceBody.Create(Stockport, "", (BodyKind)99, null));

        Assert.Equal(["Name", "Kind"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Blank_remit_and_notes_are_stored_as_nothing()
    {
        var body = GovernanceBody.Create(Stockport, "Cabinet", BodyKind.Cabinet, "   ");
        var meeting = body.ScheduleMeeting(new DateOnly(2027, 1, 12), " ");

        Assert.Null(body.Remit);
        Assert.Null(meeting.Notes);
    }

    [Fact]
    public void A_meeting_needs_a_date_in_a_sensible_range()
    {
        var body = GovernanceBody.Create(Stockport, "Cabinet", BodyKind.Cabinet, null);

        Assert.Equal("Enter the date of the meeting", Assert.Throws<RuleViolationException>(() => body.ScheduleMeeting(null, null)).Violations.Single().Message);
        Assert.Equal("Date", Assert.Throws<RuleViolationException>(() => body.ScheduleMeeting(new DateOnly(1999, 12, 31), null)).Violations.Single().Field);
        Assert.Empty(body.Meetings);
    }

    [Fact]
    public void Body_kinds_read_as_the_councils_write_them()
    {
        Assert.Equal("Corporate Leadership Team", BodyKind.CorporateLeadershipTeam.Display());
        Assert.Equal("Cabinet Member", BodyKind.CabinetMember.Display());
        Assert.Equal("Scrutiny Committee", BodyKind.ScrutinyCommittee.Display());
    }
}
