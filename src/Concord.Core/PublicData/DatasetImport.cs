using Concord.Core.Access;

namespace Concord.Core.PublicData;

/// <summary>
/// The provenance of one imported public dataset: what it is, who published it, under which
/// licence, which file it came from, how many rows, and when it was imported.
/// </summary>
public sealed class DatasetImport : Entity, IPublicData
{
    /// <summary>The dataset's folder under data/, for example "dfe-dsg".</summary>
    public string Dataset { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Publisher { get; set; } = string.Empty;

    public string Licence { get; set; } = string.Empty;

    public string File { get; set; } = string.Empty;

    public int Rows { get; set; }

    /// <summary>The file's SHA-256, so an unchanged file is not imported again.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>A data file refused: the file, line and column of the first problem, and what is wrong.</summary>
public sealed class DataFileException(string file, int line, string? column, string problem)
    : Exception($"{file}, line {line}{(column is null ? string.Empty : $", column {column}")}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string? Column { get; } = column;

    public string Problem { get; } = problem;
}
