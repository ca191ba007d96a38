using Concord.Core.Sufficiency;

namespace Concord.Core.Tests.Sufficiency;

/// <summary>How a real setting on GIAS becomes a provision in a council's register ("Add from GIAS").</summary>
public sealed class GiasProvisionsTests
{
    [Theory]
    [InlineData("Community special school", ProvisionKind.SpecialSchool)]
    [InlineData("Foundation special school", ProvisionKind.SpecialSchool)]
    [InlineData("Academy special converter", ProvisionKind.SpecialSchool)]
    [InlineData("Academy special sponsor led", ProvisionKind.SpecialSchool)]
    [InlineData("Free schools special", ProvisionKind.SpecialSchool)]
    [InlineData("Non-maintained special school", ProvisionKind.IndependentSpecial)]
    [InlineData("Other independent special school", ProvisionKind.IndependentSpecial)]
    [InlineData("Pupil referral unit", ProvisionKind.AlternativeProvision)]
    [InlineData("Academy alternative provision converter", ProvisionKind.AlternativeProvision)]
    [InlineData("Academy alternative provision sponsor led", ProvisionKind.AlternativeProvision)]
    [InlineData("Free schools alternative provision", ProvisionKind.AlternativeProvision)]
    [InlineData("Special post 16 institution", ProvisionKind.SpecialPost16)]
    public void A_GIAS_specialist_type_becomes_its_kind_of_provision(string type, ProvisionKind kind) => Assert.Equal(kind, GiasProvisions.KindOf(type));

    [Theory]
    [InlineData("Community school")]
    [InlineData("Academy converter")]
    [InlineData("Other independent school")]
    [InlineData("Further education")]
    [InlineData("")]
    public void A_mainstream_school_or_college_is_not_a_specialist_setting(string type) => Assert.Null(GiasProvisions.KindOf(type));

    [Fact]
    public void Ages_are_Ofsteds_clamped_to_0_to_25_or_the_kinds_usual_ages_when_missing_or_upside_down()
    {
        Assert.Equal((11, 18), GiasProvisions.Ages(11, 18, ProvisionKind.SpecialSchool));
        Assert.Equal((0, 25), GiasProvisions.Ages(-1, 99, ProvisionKind.IndependentSpecial));
        Assert.Equal((4, 19), GiasProvisions.Ages(null, 16, ProvisionKind.SpecialSchool));
        Assert.Equal((11, 16), GiasProvisions.Ages(16, 11, ProvisionKind.AlternativeProvision));
        Assert.Equal((16, 25), GiasProvisions.Ages(null, null, ProvisionKind.SpecialPost16));
    }

    [Fact]
    public void Places_are_pupils_on_roll_and_at_least_one()
    {
        Assert.Equal(341, GiasProvisions.Places(341));
        Assert.Equal(1, GiasProvisions.Places(0));
        Assert.Equal(1, GiasProvisions.Places(null));
    }

    [Fact]
    public void A_setting_is_designated_by_default_for_its_kind_and_costed_at_the_default_band()
    {
        var details = GiasProvisions.Details(106172, "Castle Hill High School", ProvisionKind.SpecialSchool, "Community special school", "E08000007", "Stockport",
            new GeoPoint(53.4015, -2.1187), 341, 11, 18);
        var provision = Provision.Create(Guid.NewGuid(), details);

        Assert.Equal([NeedType.Asd, NeedType.Semh, NeedType.Slcn, NeedType.Mld, NeedType.Sld, NeedType.Pmld], provision.Needs);
        Assert.Equal((341, 341, 11, 18), (provision.CommissionedPlaces, provision.PhysicalPlaces, provision.AgeFrom, provision.AgeTo));
        Assert.Null(provision.AnnualCostPerPlace);
        Assert.Contains(GiasProvisions.DesignationNote, provision.Notes, StringComparison.Ordinal);
        Assert.Equal([NeedType.Semh], GiasProvisions.DefaultNeeds(ProvisionKind.AlternativeProvision));
        Assert.Equal([NeedType.Asd, NeedType.Semh], GiasProvisions.DefaultNeeds(ProvisionKind.IndependentSpecial));
        Assert.Equal([NeedType.Asd, NeedType.Mld, NeedType.Sld, NeedType.Pmld], GiasProvisions.DefaultNeeds(ProvisionKind.SpecialPost16));
    }
}
