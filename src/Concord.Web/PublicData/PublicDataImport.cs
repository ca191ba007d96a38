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

    string FileName { get; }

    /// <summary>
    /// Reads and checks the whole file (throwing <see cref="DataFileException"/> at the first
    /// problem, before anything is written), then replaces the dataset's rows. The caller holds the
    /// transaction. Returns the number of rows.
    /// </summary>
    Task<int> ReplaceAsync(ConcordDbContext db, TextReader file, IProgress<double>? progress, CancellationToken cancellationToken);
}

/// <summary>
/// Imports the public datasets: each in one transaction with its provenance record, only when its
/// file has changed (unless forced), so that importing again changes nothing. A bad file is refused
/// naming its line and column, and the rows imported before stay.
/// </summary>
public static class PublicDataImport
{
    public static readonly IReadOnlyList<IPublicDataset> Datasets = [new DsgImport.Allocations(), .. PopulationImport.Years];

    /// <summary>Where the shipped files are: copied beside the app from the repository's data folder.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data");

    public static string PathOf(IPublicDataset dataset) => Path.Combine(Folder, dataset.Folder, dataset.FileName);

    /// <summary>The dataset's SOURCE.md as shipped.</summary>
    public static string SourceOf(IPublicDataset dataset) => Path.Combine(Folder, dataset.Folder, "SOURCE.md");

    public static async Task<IReadOnlyList<DatasetImport>> ImportAllAsync(ConcordDatabase database, TimeProvider clock, ILogger logger, bool force = false,
        Action<IPublicDataset, double>? progress = null, CancellationToken cancellationToken = default)
    {
        var imported = new List<DatasetImport>();
        foreach (var dataset in Datasets)
        {
            imported.Add(await ImportAsync(dataset, database, PathOf(dataset), clock, logger, force,
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

    /// <summary>Progress reported at once, on the importing thread, so a progress bar stays in order.</summary>
    private sealed class Reported(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    public static async Task<DatasetImport> ImportAsync(IPublicDataset dataset, ConcordDatabase database, string path, TimeProvider clock, ILogger logger,
        bool force = false, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await using var db = database.OpenAsSystem();
        var provenance = await db.DatasetImports.SingleOrDefaultAsync(d => d.Dataset == dataset.Dataset, cancellationToken);
        if (!force && provenance?.Sha256 == sha)
        {
            logger.LogInformation("Public data {Dataset} is up to date ({Rows} rows)", dataset.Dataset, provenance.Rows);
            progress?.Report(1);
            return provenance;
        }

        logger.LogInformation("Importing public data {Dataset} from {File}", dataset.Dataset, Path.GetFileName(path));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var reader = new StreamReader(new MemoryStream(bytes));
        var rows = await dataset.ReplaceAsync(db, reader, progress, cancellationToken);
        provenance ??= db.DatasetImports.Add(new DatasetImport { Dataset = dataset.Dataset }).Entity;
        (provenance.Title, provenance.Publisher, provenance.Licence, provenance.File) = (dataset.Title, dataset.Publisher, dataset.Licence, Path.GetFileName(path));
        (provenance.Rows, provenance.Sha256, provenance.ImportedAt) = (rows, sha, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Imported {Rows} rows of {Dataset}", rows, dataset.Dataset);
        progress?.Report(1);
        return provenance;
    }
}
