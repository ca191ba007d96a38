using System.Globalization;
using System.Text.RegularExpressions;
using Concord.Core.PublicData;

namespace Concord.Web.PublicData;

/// <summary>
/// A CSV file being imported, read row by row with its columns found once by name; every reader
/// of a field refuses a bad value with a <see cref="DataFileException"/> naming the file, the line
/// and the column.
/// </summary>
public sealed class CheckedCsv : IDisposable
{
    private readonly CsvHelper.CsvReader _csv;
    private readonly Dictionary<string, int> _index;
    private int _lastLine = 1;

    private CheckedCsv(CsvHelper.CsvReader csv, string file)
    {
        _csv = csv;
        File = file;
        _index = csv.HeaderRecord!.Select((name, i) => (name, i)).GroupBy(c => c.name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
    }

    /// <summary>Opens the file after its header, refused (line 1) when it is empty or one of <paramref name="columns"/> is missing.</summary>
    public static CheckedCsv Open(TextReader text, string file, IReadOnlyList<string> columns, string rowName) =>
        new(PublicDataImport.OpenCsv(text, file, columns, rowName), file);

    /// <summary>The file's name as published.</summary>
    public string File { get; }

    /// <summary>The line of the current row (the header is line 1).</summary>
    public int Line => _csv.Parser.RawRow;

    /// <summary>Rows read so far.</summary>
    public int Rows { get; private set; }

    public bool Read()
    {
        if (!_csv.Read())
        {
            return false;
        }

        Rows++;
        _lastLine = Line;
        return true;
    }

    /// <summary>The field, trimmed; empty when the row is short.</summary>
    public string this[string column]
    {
        get
        {
            var index = _index[column];
            return index < _csv.Parser.Count ? _csv.Parser[index]?.Trim() ?? string.Empty : string.Empty;
        }
    }

    public DataFileException Refuse(string column, string problem) => new(File, Line, column, problem);

    /// <summary>Refused at the line after the last row: for a file with a header and nothing else, or something missing overall.</summary>
    public DataFileException RefuseAtEnd(string? column, string problem) => new(File, _lastLine + 1, column, problem);

    /// <summary>Text that must be given, no longer than <paramref name="maxLength"/>.</summary>
    public string Required(string column, int maxLength, string what)
    {
        var value = this[column];
        return value.Length == 0 ? throw Refuse(column, $"{what} is missing")
            : value.Length > maxLength ? throw Refuse(column, $"{what} is longer than {maxLength} characters")
            : value;
    }

    /// <summary>Text that may be blank (null), no longer than <paramref name="maxLength"/>.</summary>
    public string? Optional(string column, int maxLength, string what)
    {
        var value = this[column];
        return value.Length == 0 ? null : value.Length > maxLength ? throw Refuse(column, $"{what} is longer than {maxLength} characters") : value;
    }

    /// <summary>A code matching <paramref name="pattern"/>, like E01005837.</summary>
    public string Code(string column, Regex pattern, string example)
    {
        var value = this[column];
        return pattern.IsMatch(value) ? value : throw Refuse(column, $"'{value}' is not a code like {example}");
    }

    /// <summary>A whole number written in digits only, from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int Whole(string column, int min, int max, string what) =>
        WholeOrNull(column, min, max, what) ?? throw Refuse(column, $"{what} is missing");

    /// <summary>A whole number written in digits only, from <paramref name="min"/> to <paramref name="max"/>, or blank (null).</summary>
    public int? WholeOrNull(string column, int min, int max, string what)
    {
        var value = this[column];
        return value.Length == 0 ? null
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
                ? number
                : throw Refuse(column, $"'{value}' is not {what} (a whole number from {min} to {max})");
    }

    /// <summary>
    /// A whole number as published statistics write it: plain (29199), with thousands separators
    /// ("29,199") or with a fraction of zeros (29199.00); from <paramref name="min"/> to
    /// <paramref name="max"/>. Anything else (29199.5, "2,91,99", "", "n/a") is refused.
    /// </summary>
    public int Count(string column, int min, int max, string what)
    {
        var value = this[column];
        return ParseCount(value) is { } number && number >= min && number <= max
            ? number
            : throw Refuse(column, $"'{value}' is not {what} (a whole number from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)})");
    }

    /// <summary>The number <see cref="Count"/> accepts, or null.</summary>
    public static int? ParseCount(string text)
    {
        var span = text.AsSpan();
        var point = span.IndexOf('.');
        if (point >= 0)
        {
            if (point == span.Length - 1 || span[(point + 1)..].ContainsAnyExcept('0'))
            {
                return null;
            }

            span = span[..point];
        }

        // Digits, or groups of three digits after a first group of one to three.
        var comma = span.IndexOf(',');
        if (span.Length == 0 || comma is 0 or > 3 || (comma > 0 && span.Length % 4 != comma % 4))
        {
            return null;
        }

        long number = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var grouped = comma > 0 && (span.Length - i) % 4 == 0;
            if (grouped ? span[i] != ',' : !char.IsAsciiDigit(span[i]))
            {
                return null;
            }

            number = grouped ? number : (number * 10) + (span[i] - '0');
            if (number > int.MaxValue)
            {
                return null;
            }
        }

        return (int)number;
    }

    /// <summary>A decimal number (digits, one point) from <paramref name="min"/> to <paramref name="max"/> with at most <paramref name="places"/> decimal places, or blank (null).</summary>
    public decimal? DecimalOrNull(string column, decimal min, decimal max, int places, string what)
    {
        var value = this[column];
        return value.Length == 0 ? null
            : decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max && number.Scale <= places
                ? number
                : throw Refuse(column, $"'{value}' is not {what} (a number from {min} to {max} with at most {places} decimal {(places == 1 ? "place" : "places")})");
    }

    /// <summary>A coordinate in degrees from <paramref name="min"/> to <paramref name="max"/>, or blank (null).</summary>
    public double? DegreesOrNull(string column, double min, double max, string what)
    {
        var value = this[column];
        return value.Length == 0 ? null
            : double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var degrees) && degrees >= min && degrees <= max
                ? degrees
                : throw Refuse(column, $"'{value}' is not {what} (degrees from {min} to {max})");
    }

    /// <summary>A date written YYYYMMDD, or blank (null).</summary>
    public DateOnly? DateOrNull(string column, string what)
    {
        var value = this[column];
        return value.Length == 0 ? null
            : DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Refuse(column, $"'{value}' is not {what} (a date written YYYYMMDD, like 20200226)");
    }

    public void Dispose() => _csv.Dispose();
}
