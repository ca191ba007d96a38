using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Concord.Web.Infrastructure.Exports;

/// <summary>A column of an exported table: its heading and how to read a row's value (text, number or date).</summary>
public sealed record ExportColumn<T>(string Heading, Func<T, object?> Value);

/// <summary>A worksheet: its name, its headings, and each row's values in the headings' order.</summary>
public sealed record ExportSheet(string Name, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes a table of records as CSV (UTF-8, with a header row) or as an Excel workbook (.xlsx,
/// Open XML), with the same columns and values, so that what people download matches the page.
/// </summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string FormatProblem = "Format must be json, csv or xlsx";

    public static bool IsFormat(string format) => format is "json" or "csv" or "xlsx";

    /// <summary>The format a download asks for (json when none), refused naming the parameter when it is not json, csv or xlsx.</summary>
    public static string Format(string? format) =>
        (format ?? "json").ToLowerInvariant() is var chosen && IsFormat(chosen)
            ? chosen
            : throw new Core.RuleViolationException([new Core.RuleViolation("format", FormatProblem)]);

    public static byte[] Csv<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Heading);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    csv.WriteField(Text(column.Value(row)));
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>One worksheet named <paramref name="sheetName"/>: a bold header row, then a row per record. Dates are real dates, numbers real numbers.</summary>
    public static byte[] Xlsx<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string sheetName) => Xlsx([Sheet(sheetName, rows, columns)]);

    /// <summary>A worksheet of records: its name, headings and each row's values.</summary>
    public static ExportSheet Sheet<T>(string name, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns) =>
        new(name, columns.Select(c => c.Heading).ToList(), rows.Select(r => (IReadOnlyList<object?>)columns.Select(c => c.Value(r)).ToList()).ToList());

    /// <summary>A workbook of several worksheets, in order, each with a bold header row.</summary>
    public static byte[] Xlsx(IReadOnlyList<ExportSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var list = new Sheets();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name.Length > 31 ? sheet.Name[..31] : sheet.Name });
            }

            workbook.Workbook.AppendChild(list);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Worksheet(ExportSheet sheet)
    {
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        foreach (var heading in sheet.Headings)
        {
            header.Append(new Cell { DataType = CellValues.InlineString, StyleIndex = BoldStyle, InlineString = new InlineString(new Text(heading)) });
        }

        data.Append(header);
        uint index = 2;
        foreach (var row in sheet.Rows)
        {
            var line = new Row { RowIndex = index++ };
            foreach (var value in row)
            {
                line.Append(CellFor(value));
            }

            data.Append(line);
        }

        return new Worksheet(
            new Columns(sheet.Headings.Select((h, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Clamp(h.Length + 6, 12, 60), CustomWidth = true })),
            data);
    }

    private const uint BoldStyle = 1;
    private const uint DateStyle = 2;

    private static Cell CellFor(object? value) => value switch
    {
        null => new Cell(),
        int or long or decimal or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
        DateOnly date => new Cell { StyleIndex = DateStyle, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Text(value)) { Space = SpaceProcessingModeValues.Preserve }) },
    };

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Three cell formats: plain, bold (headers) and a UK date (d mmmm yyyy).</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "d mmmm yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true })
        { Count = 3 });
}
