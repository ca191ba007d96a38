using Concord.Core.PublicData;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.PublicData;

/// <summary>
/// A dataset imported as published statistics (and, where its publisher defines them, measures):
/// every file read and checked first, then the dataset's rows and measures replaced together.
/// </summary>
public abstract class StatisticsDataset : IPublicDataset
{
    public abstract string Dataset { get; }

    public abstract string Folder { get; }

    public abstract string Title { get; }

    public abstract string Publisher { get; }

    public virtual string Licence => "Open Government Licence v3.0";

    /// <summary>The dataset's files: by default, its tables' files.</summary>
    public virtual IReadOnlyList<string> Files => [.. Tables.Select(t => t.File)];

    /// <summary>Its tables in the shape DfE publishes (Explore Education Statistics), each in its own file.</summary>
    protected virtual IReadOnlyList<StatisticsTable> Tables => [];

    /// <summary>Reads and checks every file, throwing <see cref="DataFileException"/> at the first problem; by default, its tables.</summary>
    public virtual (List<PublishedStatistic> Rows, List<PublishedMeasure> Measures) Read(DatasetFiles files, AreaRegister areas) =>
        (Read(files, areas, Tables), []);

    /// <summary>The rows of every table, each read from its file.</summary>
    protected static List<PublishedStatistic> Read(DatasetFiles files, AreaRegister areas, params IEnumerable<StatisticsTable> tables)
    {
        var rows = new List<PublishedStatistic>();
        foreach (var table in tables)
        {
            using var text = files.Open(table.File);
            rows.AddRange(table.Read(text, areas));
        }

        return rows;
    }

    public async Task<int> ReplaceAsync(ConcordDbContext db, DatasetFiles files, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var (rows, measures) = Read(files, await AreaRegister.LoadAsync(db, cancellationToken));
        progress?.Report(0.5);
        await db.PublishedStatistics.Where(s => s.Dataset == Dataset).ExecuteDeleteAsync(cancellationToken);
        await db.PublishedMeasures.Where(m => m.Dataset == Dataset).ExecuteDeleteAsync(cancellationToken);
        await db.InsertAsync(rows, cancellationToken);
        await db.InsertAsync(measures, cancellationToken);
        return rows.Count + measures.Count;
    }
}
