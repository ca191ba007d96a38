namespace Concord.Core.Tests;

public sealed class FormatsTests
{
    [Fact]
    public void Dates_read_as_GOV_UK_writes_them() => Assert.Equal("1 March 2022", Formats.Date(new DateOnly(2022, 3, 1)));

    [Fact]
    public void Moments_are_shown_in_UK_time_with_am_and_pm()
    {
        Assert.Equal("24 November 2026 at 3:05pm", Formats.DateTime(new DateTimeOffset(2026, 11, 24, 15, 5, 0, TimeSpan.Zero)));
        Assert.Equal("1 July 2026 at 10am", Formats.DateTime(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_UK_day_starts_at_UK_midnight_in_summer_and_winter()
    {
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero), Formats.StartOfUkDay(new DateOnly(2026, 7, 1)));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Formats.StartOfUkDay(new DateOnly(2026, 12, 1)));
    }
}
