using Concord.Core.Finance;

namespace Concord.Core.Tests.Finance;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(1_302_000.00, "£1,302,000.00", "£1,302,000")]
    [InlineData(600_049.86, "£600,049.86", "£600,050")]
    [InlineData(0.5, "£0.50", "£1")]
    [InlineData(-163_000.49, "(£163,000.49)", "(£163,000)")]
    [InlineData(0, "£0.00", "£0")]
    public void Amounts_print_to_the_penny_or_to_the_nearest_pound_with_negatives_in_brackets(decimal pounds, string format, string whole)
    {
        Assert.Equal(format, Money.Format(pounds));
        Assert.Equal(whole, Money.Pounds(pounds));
    }
}
