using Concord.Core.Finance;
using Concord.Web.Infrastructure.Exports;

namespace Concord.Web.Finance;

/// <summary>One line of a statement's CSV: an item's figures for one council, a council's position, or a settlement.</summary>
public sealed record StatementLine(string Section, string Item, string? Kind, string? Rule, string Council, decimal Amount, decimal? Paid, decimal? InKind, decimal? Share, decimal? Balance);

/// <summary>
/// A recharge statement as downloads: a CSV of one line per item and council, then each council's
/// position, then the settlements; and a workbook with a sheet for each of those three tables.
/// </summary>
public static class RechargeExport
{
    public const string ItemSection = "Item";
    public const string PositionSection = "Council position";
    public const string SettlementSection = "Settlement";

    public static string FileName(RechargeStatement statement) =>
        statement.Period == statement.Year.Whole
            ? $"recharges-{statement.Year}"
            : $"recharges-{statement.Year}-q{((statement.Period.Start.Month - 4 + 12) % 12 / 3) + 1}";

    /// <summary>"Stockport owes Tameside £1,234.00".</summary>
    public static string Describe(Settlement settlement) => $"{settlement.FromName} owes {settlement.ToName} {Money.Format(settlement.Amount)}";

    private static readonly IReadOnlyList<ExportColumn<StatementLine>> LineColumns =
    [
        new("Section", l => l.Section),
        new("Item", l => l.Item),
        new("Kind", l => l.Kind),
        new("Rule", l => l.Rule),
        new("Council", l => l.Council),
        new("Amount", l => l.Amount),
        new("Paid", l => l.Paid),
        new("In kind", l => l.InKind),
        new("Share", l => l.Share),
        new("Balance", l => l.Balance),
    ];

    public static IEnumerable<StatementLine> Lines(RechargeStatement statement)
    {
        foreach (var item in statement.Items)
        {
            foreach (var council in statement.Councils.Where(c => item.Shares.ContainsKey(c.AuthorityId) || item.Paid.ContainsKey(c.AuthorityId) || item.InKind.ContainsKey(c.AuthorityId)))
            {
                var id = council.AuthorityId;
                yield return new StatementLine(ItemSection, item.Title, item.Kind, item.Rule, council.Name, item.Cost,
                    item.Paid.GetValueOrDefault(id), item.InKind.GetValueOrDefault(id), item.Shares.GetValueOrDefault(id), item.Balance(id));
            }
        }

        foreach (var council in statement.Councils)
        {
            yield return new StatementLine(PositionSection, "All items", null, null, council.Name, statement.TotalCost, council.Paid, council.InKind, council.Share, council.Balance);
        }

        foreach (var settlement in statement.Settlements)
        {
            yield return new StatementLine(SettlementSection, Describe(settlement), null, null, settlement.FromName, settlement.Amount, null, null, null, -settlement.Amount);
        }
    }

    public static byte[] Csv(RechargeStatement statement) => TableExport.Csv(Lines(statement), LineColumns);

    public static byte[] Xlsx(RechargeStatement statement)
    {
        var councils = statement.Councils;
        List<ExportColumn<RechargeItem>> itemColumns =
        [
            new("Item", i => i.Title),
            new("Kind", i => i.Kind),
            new("Rule", i => i.Rule),
            new("Cost", i => i.Cost),
        ];
        foreach (var council in councils)
        {
            var id = council.AuthorityId;
            itemColumns.Add(new($"{council.Name} paid", i => i.Paid.GetValueOrDefault(id)));
            itemColumns.Add(new($"{council.Name} in kind", i => i.InKind.GetValueOrDefault(id)));
            itemColumns.Add(new($"{council.Name} share", i => i.Shares.GetValueOrDefault(id)));
        }

        return TableExport.Xlsx(
        [
            TableExport.Sheet("Items", statement.Items, itemColumns),
            TableExport.Sheet("Councils", councils,
            [
                new ExportColumn<CouncilPosition>("Council", c => c.Name),
                new("Paid", c => c.Paid),
                new("In kind", c => c.InKind),
                new("Share", c => c.Share),
                new("Balance", c => c.Balance),
            ]),
            TableExport.Sheet("Settlements", statement.Settlements,
            [
                new ExportColumn<Settlement>("Owed by", s => s.FromName),
                new("Owed to", s => s.ToName),
                new("Amount", s => s.Amount),
                new("Settlement", Describe),
            ]),
        ]);
    }
}
