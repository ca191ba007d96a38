using Concord.Core.Finance;
using Concord.Web.Infrastructure.Exports;

namespace Concord.Web.Finance;

/// <summary>A council's high needs budget for a year as an Excel workbook: spending lines, reconciliation, projection.</summary>
public static class HighNeedsExport
{
    public static string FileName(HighNeedsBudget budget, string authority) => $"high-needs-{authority.ToLowerInvariant().Replace(' ', '-')}-{budget.Year}.xlsx";

    public static byte[] Xlsx(HighNeedsBudget budget)
    {
        var periods = budget.Periods;
        var lineColumns = new List<ExportColumn<BudgetLine>>
        {
            new("Spending line", l => l.Line.Display()),
            new("Budget", l => l.Budget),
        };
        lineColumns.AddRange(periods.Select((p, i) => new ExportColumn<BudgetLine>($"Forecast, {p.Label}", l => l.Forecasts[i])));
        lineColumns.Add(new("Latest forecast", l => l.LatestForecast));
        lineColumns.Add(new("Variance", l => l.Variance));
        lineColumns.Add(new("Note", l => l.Note));

        return TableExport.Xlsx(
        [
            TableExport.Sheet("Spending lines", budget.Lines, lineColumns),
            TableExport.Sheet("Reconciliation", budget.ReconciliationLines(),
            [
                new ExportColumn<ReconciliationLine>("Line", l => l.Label),
                new("Amount", l => l.Amount),
                new("Note", l => l.Note),
            ]),
            TableExport.Sheet("Projection", budget.Projection(),
            [
                new ExportColumn<ProjectionYear>("Financial year", y => y.Year.ToString()),
                new("Funding", y => y.Funding),
                new("Spending before savings", y => y.SpendBeforeSavings),
                new("Savings", y => y.Savings),
                new("In-year deficit", y => y.InYear),
                new("Cumulative deficit", y => y.CumulativeDeficit),
            ]),
        ]);
    }
}
