using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Concord.Web.Sufficiency;

/// <summary>An uploaded file that cannot be saved: every problem, each naming its line and column.</summary>
public sealed class CsvUploadException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>A line of an uploaded file with its fields by column (blank fields null).</summary>
public sealed record CsvUploadLine(int Number, IReadOnlyDictionary<string, string?> Fields);

/// <summary>Reads an uploaded CSV file whose first line names its columns (in any order, any case, spaces ignored).</summary>
public static class CsvUpload
{
    /// <summary>What a file larger than <paramref name="maxBytes"/> is told.</summary>
    public static string TooLarge(long maxBytes) => $"The file must be smaller than {maxBytes / (1024 * 1024)} MB";

    /// <summary>
    /// The file's lines with a field for each of <paramref name="columns"/>, skipping blank lines; refused at line 1
    /// when the file is empty or a <paramref name="required"/> column is missing.
    /// </summary>
    /// <param name="columns">Every column a line may have, separated by commas, as the documentation names them.</param>
    /// <param name="eachLine">What each line after the first is, as in "each line after it a provision".</param>
    public static List<CsvUploadLine> Lines(TextReader text, string columns, IReadOnlyList<string> required, string eachLine)
    {
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => Header(args.Header).ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header || header.All(string.IsNullOrWhiteSpace))
        {
            throw new CsvUploadException([$"Line 1: the file is empty. Its first line must name the columns {columns}, and each line after it {eachLine}"]);
        }

        var named = header.Select(Header).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = required.Where(c => !named.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new CsvUploadException([.. missing.Select(c => $"Line 1, column {c}: the column is missing from the first line, which must name the columns {columns}")]);
        }

        var lines = new List<CsvUploadLine>();
        while (csv.Read())
        {
            var fields = columns.Split(',').ToDictionary(
                c => c,
                c => csv.TryGetField<string>(c.ToLowerInvariant(), out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null,
                StringComparer.Ordinal);
            if (fields.Values.Any(v => v is not null))
            {
                lines.Add(new CsvUploadLine(csv.Parser.RawRow, fields));
            }
        }

        return lines;
    }

    /// <summary>A column's name as written, without spaces or a byte order mark.</summary>
    private static string Header(string header) => header.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().TrimStart('\uFEFF');
}
