using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Concord.Web.Tests.Infrastructure;

/// <summary>Reads Excel workbooks in tests: ours as downloaded, and published ones shipped in data/.</summary>
public static class ExcelFile
{
    /// <summary>A cell's text as Concord writes it (inline strings and numbers).</summary>
    public static string Text(Cell cell) => cell.InlineString?.Text?.Text ?? cell.CellValue?.Text ?? string.Empty;

    /// <summary>A sheet's rows as text, shared strings resolved and empty cells kept in their columns.</summary>
    public static List<List<string>> Read(string path, string sheet)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var part = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!);
        return part.Worksheet.Descendants<Row>().Select(row =>
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = Column(cell.CellReference?.Value ?? string.Empty);
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : Text(cell));
            }

            return cells;
        }).ToList();
    }

    /// <summary>"C7" is column 2 (from 0).</summary>
    private static int Column(string reference) =>
        reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => (n * 26) + char.ToUpperInvariant(c) - 'A' + 1) - 1;
}
