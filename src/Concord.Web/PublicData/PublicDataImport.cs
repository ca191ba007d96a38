using System.Security.Cryptography;
using Concord.Core.PublicData;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.PublicData;

/// <summary>A published dataset Concord ships in data/ and imports: what it is, and how its rows replace the previous ones.</summary>
public interface IPublicDataset
{
    /// <summary>Its key, for example "dfe-dsg" or "ons-mye-2020".</summary>
    string Dataset { get; }

    /// <summary>Its folder under data/, with its SOURCE.md, for example "ons-mye".</summary>
    string Folder { get; }

    string Title { get; }

    string Publisher { get; }

    string Licence { get; }

    /// <summary>Its files in the folder; a name ending .gz is read decompressed.</summary>
    IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Reads and checks every file (throwing <see cref="DataFileException"/> at the first
    /// problem, before anything is written), then replaces the dataset's rows. The caller holds the
    /// transaction. Returns the number of rows.
    /// </summary>
    Task<int> ReplaceAsync(ConcordDbContext db, DatasetFiles files, IProgress<double>? progress, CancellationToken cancellationToken);
}

/// <summary>A dataset's files, read once: hashed to tell whether they changed, then opened as text.</summary>
public sealed class DatasetFiles
{
    private readonly Dictionary<string, byte[]> _bytes;

    private DatasetFiles(Dictionary<string, byte[]> bytes) => _bytes = bytes;

    public static async Task<DatasetFiles> ReadAsync(string folder, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        var bytes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            bytes[name] = await File.ReadAllBytesAsync(Path.Combine(folder, name), cancellationToken);
        }

        return new DatasetFiles(bytes);
    }

    /// <summary>One SHA-256 over every file's name and content, in order.</summary>
    public string Sha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in _bytes)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(SHA256.HashData(content));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The file as text, decompressed when its name ends .gz, a byte-order mark skipped.</summary>
    public TextReader Open(string name)
    {
        Stream stream = new MemoryStream(_bytes[name], writable: false);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        }

        return new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>The name a refusal gives: the file as published, without .gz.</summary>
    public static string Published(string name) => name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
}

/// <summary>
/// Imports the public datasets: each in one transaction with its provenance record, only when its
/// file has changed (unless forced), so that importing again changes nothing. A bad file is refused
/// naming its line and column, and the rows imported before stay.
/// </summary>
public static class PublicDataImport
{
    /// <summary>Every dataset, in import order: the register of areas comes first, since the others check their codes against it.</summary>
    public static readonly IReadOnlyList<IPublicDataset> Datasets = [new AreaImport(), new DsgImport.Allocations(), .. PopulationImport.Years, new CensusImport(),
        new LaitImport(), new EyfspImport(), new Sen2Import(), new AttendanceImport(), new SchoolPlacesScorecardImport(), new ChildrensSocialCareImport(), new OfstedChildrensServicesImport(),
        new DeprivationImport(), new LsoaImport(), new SchoolImport(), new SchoolInspectionImport()];

    /// <summary>Where the shipped files are: copied beside the app from the repository's data folder.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The dataset's folder as shipped.</summary>
    public static string FolderOf(IPublicDataset dataset) => Path.Combine(Folder, dataset.Folder);

    public static IPublicDataset? Find(string dataset) => Datasets.FirstOrDefault(d => d.Dataset == dataset);

    /// <summary>The dataset's SOURCE.md as shipped.</summary>
    public static string SourceOf(IPublicDataset dataset) => Path.Combine(Folder, dataset.Folder, "SOURCE.md");

    /// <summary>
    /// Imports every dataset, or only those named in <paramref name="only"/> (the setting
    /// PublicData:Import, which tests use to import just what they read).
    /// </summary>
    public static async Task<IReadOnlyList<DatasetImport>> ImportAllAsync(ConcordDatabase database, TimeProvider clock, ILogger logger, bool force = false,
        Action<IPublicDataset, double>? progress = null, IReadOnlySet<string>? only = null, CancellationToken cancellationToken = default)
    {
        var imported = new List<DatasetImport>();
        foreach (var dataset in Datasets.Where(d => only is null || only.Contains(d.Dataset)))
        {
            imported.Add(await ImportAsync(dataset, database, FolderOf(dataset), clock, logger, force,
                progress is null ? null : new Reported(done => progress(dataset, done)), cancellationToken));
        }

        return imported;
    }

    /// <summary>A CSV file positioned after its header, refused (line 1) when it is empty or a column is missing.</summary>
    public static CsvHelper.CsvReader OpenCsv(TextReader text, string file, IReadOnlyList<string> columns, string rowName)
    {
        var csv = new CsvHelper.CsvReader(text, new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture) { DetectColumnCountChanges = false });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
        {
            csv.Dispose();
            throw new DataFileException(file, 1, null, $"the file is empty: it needs a header row and at least one {rowName}");
        }

        if (columns.FirstOrDefault(c => !header.Contains(c, StringComparer.Ordinal)) is { } missing)
        {
            csv.Dispose();
            throw new DataFileException(file, 1, missing, "this column is missing from the header");
        }

        return csv;
    }

    /// <summary>The line the row just read ends on, refused when it has fewer or more fields than the header.</summary>
    public static int LineOf(CsvHelper.CsvReader csv, string file)
    {
        var line = csv.Parser.RawRow;
        return csv.Parser.Count == csv.HeaderRecord!.Length
            ? line
            : throw new DataFileException(file, line, null, $"the row has {csv.Parser.Count} fields where the header has {csv.HeaderRecord.Length}");
    }

    /// <summary>Progress reported at once, on the importing thread, so a progress bar stays in order.</summary>
    private sealed class Reported(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    /// <summary>The datasets the PublicData:Import setting names ("all", the default; "none"; or keys separated by commas).</summary>
    public static IReadOnlySet<string>? Selected(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => null,
        "none" => new HashSet<string>(),
        var list => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
    };

    /// <summary>Imports the dataset from the files in <paramref name="folder"/> (its shipped folder, or a test's).</summary>
    public static async Task<DatasetImport> ImportAsync(IPublicDataset dataset, ConcordDatabase database, string folder, TimeProvider clock, ILogger logger,
        bool force = false, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = await DatasetFiles.ReadAsync(folder, dataset.Files, cancellationToken);
        var sha = files.Sha256();
        await using var db = database.OpenAsSystem();
        var provenance = await db.DatasetImports.SingleOrDefaultAsync(d => d.Dataset == dataset.Dataset, cancellationToken);
        if (!force && provenance?.Sha256 == sha)
        {
            logger.LogInformation("Public data {Dataset} is up to date ({Rows} rows)", dataset.Dataset, provenance.Rows);
            progress?.Report(1);
            return provenance;
        }

        var names = string.Join(", ", dataset.Files.Select(DatasetFiles.Published));
        logger.LogInformation("Importing public data {Dataset} from {Files}", dataset.Dataset, names);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await dataset.ReplaceAsync(db, files, progress, cancellationToken);
        provenance ??= db.DatasetImports.Add(new DatasetImport { Dataset = dataset.Dataset }).Entity;
        (provenance.Title, provenance.Publisher, provenance.Licence, provenance.File) = (dataset.Title, dataset.Publisher, dataset.Licence, names);
        (provenance.Rows, provenance.Sha256, provenance.ImportedAt) = (rows, sha, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Imported {Rows} rows of {Dataset}", rows, dataset.Dataset);
        progress?.Report(1);
        return provenance;
    }
}
