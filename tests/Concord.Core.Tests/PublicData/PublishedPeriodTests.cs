using Concord.Core.PublicData;

namespace Concord.Core.Tests.PublicData;

public sealed class PublishedPeriodTests
{
    [Theory]
    [InlineData("2024", 2024)]
    [InlineData("2023/24", 2024)]
    [InlineData("202324", 2024)]
    [InlineData("2023-24", 2024)]
    [InlineData("1999/00", 2000)]
    [InlineData("2014-16", 2016)]
    [InlineData("2013/14-15/16", 2016)]
    [InlineData("1998/99-00/01", 2001)]
    [InlineData("2023-07-10", 2023)]
    public void A_published_period_ends_in_the_calendar_year_its_last_part_ends(string period, int year) =>
        Assert.Equal(year, PublishedPeriod.YearOf(period));

    [Theory]
    [InlineData("2016-17 (OT)", 2017)]
    [InlineData("2018 (Rev)", 2018)]
    [InlineData("2020 (Final)", 2020)]
    [InlineData("2025 (prov)", 2025)]
    public void A_period_followed_by_the_status_LAIT_gives_its_figures_is_the_same_period(string period, int year) =>
        Assert.Equal(year, PublishedPeriod.YearOf(period));

    [Theory]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("2016-17 (estimate)")]
    [InlineData("2016-17 OT")]
    [InlineData("2014-19")]
    [InlineData("2013/14-13/14")]
    [InlineData("2013/15-15/16")]
    [InlineData("2013/14-25/26")]
    [InlineData("2023-02-30")]
    [InlineData("10/07/2023")]
    [InlineData("Academic year")]
    public void Anything_else_is_not_a_period(string text) => Assert.Null(PublishedPeriod.YearOf(text));

    [Theory]
    [InlineData("202122", "2021/22")]
    [InlineData("202526", "2025/26")]
    [InlineData("2023-12-04", "4 December 2023")]
    [InlineData("2024", "2024")]
    [InlineData("2016-17 (OT)", "2016-17 (OT)")]
    [InlineData("202199", "202199")]
    public void A_period_is_shown_as_readers_write_it(string period, string label) => Assert.Equal(label, PublishedPeriod.Label(period));
}
