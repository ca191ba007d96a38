using System.IO.Compression;
using Concord.Core.PublicData;
using Concord.Data;
using Concord.Web.PublicData;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concord.Web.Tests.Infrastructure;

/// <summary>The public data files as shipped, read straight from disk (not through the importer), and imports of altered copies.</summary>
public static class ShippedFiles
{
    /// <summary>A shipped file's text, decompressed when it is gzipped.</summary>
    public static Task<string> ReadTextAsync(IPublicDataset dataset, string file) => ReadTextAsync(dataset.Folder, file);

    /// <summary>A shipped file's text by its folder under data/, decompressed when it is gzipped.</summary>
    public static async Task<string> ReadTextAsync(string folder, string file)
    {
        var path = Path.Combine(PublicDataImport.Folder, folder, file);
        await using var stream = File.OpenRead(path);
        using var reader = new StreamReader(file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        return await reader.ReadToEndAsync();
    }

    /// <summary>A shipped CSV file's rows as column → value, read with a plain CSV parser.</summary>
    public static async Task<List<Dictionary<string, string>>> ReadCsvAsync(string folder, string file)
    {
        using var reader = new StringReader(await ReadTextAsync(folder, file));
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await foreach (var record in csv.GetRecordsAsync<dynamic>())
        {
            rows.Add(((IDictionary<string, object>)record).ToDictionary(p => p.Key.TrimStart('\uFEFF'), p => (string)p.Value));
        }

        return rows;
    }

    /// <summary>A figure of MHCLG's IMD 2019 district summaries (File 10, xlsx): the sheet's value in the named column for the district.</summary>
    public static double DistrictSummary(string sheet, string column, string district)
    {
        var rows = ExcelFile.Read(Path.Combine(PublicDataImport.Folder, "imd2019", "File_10_-_IoD2019_Local_Authority_District_Summaries__lower-tier__.xlsx"), sheet);
        var index = rows[0].FindIndex(h => h.Trim() == column);
        Assert.True(index >= 0, $"No column '{column}' in File 10's {sheet} sheet");
        return double.Parse(rows.Single(r => r.Count > 0 && r[0] == district)[index], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<string[]> ReadLinesAsync(IPublicDataset dataset, string file) =>
        (await ReadTextAsync(dataset, file)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>
    /// Imports the dataset (forced) from a copy of its files with <paramref name="file"/> replaced by
    /// <paramref name="content"/>, expecting it refused; returns the refusal.
    /// </summary>
    public static async Task<DataFileException> RefusedAsync(ConcordDatabase database, IPublicDataset dataset, string file, string content)
    {
        var folder = Directory.CreateTempSubdirectory("concord-data-").FullName;
        try
        {
            foreach (var name in dataset.Files)
            {
                File.Copy(Path.Combine(PublicDataImport.FolderOf(dataset), name), Path.Combine(folder, name));
            }

            await WriteAsync(Path.Combine(folder, file), content);
            return await Assert.ThrowsAsync<DataFileException>(() =>
                PublicDataImport.ImportAsync(dataset, database, folder, TimeProvider.System, NullLogger.Instance, force: true));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes text, gzipped when the name ends .gz.</summary>
    public static async Task WriteAsync(string path, string content)
    {
        await using var stream = File.Create(path);
        await using var compressed = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionLevel.Fastest) : null;
        await using var writer = new StreamWriter((Stream?)compressed ?? stream);
        await writer.WriteAsync(content);
    }
}
