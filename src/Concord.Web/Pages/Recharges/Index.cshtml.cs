using System.Globalization;
using Concord.Core.Finance;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Recharges;

/// <summary>
/// The partnership's recharge statement for a financial year or a quarter of it
/// (/partnerships/{partnershipId}/recharges?year=2022-23&amp;quarter=1): each shared post and
/// agreement, each council's position, and who owes whom; with CSV and Excel downloads.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(SharedPostReader reader) : RechargePageModel(reader)
{
    public override string Section => "Recharges";

    public static readonly IReadOnlyList<SelectListItem> QuarterChoices =
    [
        new("The whole year", string.Empty),
        .. Enumerable.Range(1, 4).Select(q => new SelectListItem($"Quarter {q} ({QuarterMonths(q)})", q.ToString(CultureInfo.InvariantCulture))),
    ];

    private static string QuarterMonths(int quarter) => quarter switch
    {
        1 => "April to June",
        2 => "July to September",
        3 => "October to December",
        _ => "January to March",
    };

    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    /// <summary>The statement, or null when the year or quarter asked for is not one.</summary>
    public RechargeStatement? Statement { get; private set; }

    protected override string? QuarterAsked => Quarter;

    protected override async Task ShowAsync(FinancialYear year, int? quarter, CancellationToken cancellationToken) =>
        Statement = await Reader.StatementAsync(View, year, quarter, cancellationToken);

    public string Download(string format) =>
        $"/api/partnerships/{View.Id}/recharges?year={Uri.EscapeDataString(Year ?? string.Empty)}{(string.IsNullOrEmpty(Quarter) ? string.Empty : $"&quarter={Uri.EscapeDataString(Quarter)}")}&format={format}";

    /// <summary>"Stockport £4,000.00 and Tameside £7,500.00", or "None".</summary>
    public static string ByCouncil(IReadOnlyDictionary<Guid, decimal> amounts, RechargeStatement statement)
    {
        var parts = statement.Councils.Where(c => amounts.GetValueOrDefault(c.AuthorityId) != 0).Select(c => $"{c.Name} {Money.Format(amounts[c.AuthorityId])}").ToList();
        return parts.Count == 0 ? "None" : string.Join(" and ", parts);
    }
}
