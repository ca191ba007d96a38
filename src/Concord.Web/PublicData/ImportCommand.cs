using Concord.Core.PublicData;
using Concord.Data;

namespace Concord.Web.PublicData;

/// <summary>
/// <c>dotnet run --project src/Concord.Web -- import</c>: brings the database up to date and imports
/// every public dataset again, whether or not its file changed, with a progress bar per dataset.
/// Exits 0 when all are imported, 1 when a file is refused (its rows before stay as they were).
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(WebApplication app, TextWriter output)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Concord.Import");
        var database = app.Services.GetRequiredService<ConcordDatabase>();
        await DatabaseInitializer.MigrateAsync(database, logger);
        try
        {
            var imported = await PublicDataImport.ImportAllAsync(database, app.Services.GetRequiredService<TimeProvider>(), logger, force: true,
                progress: (dataset, done) => output.Write(Bar(dataset.Dataset, done)));
            output.WriteLine();
            foreach (var import in imported)
            {
                output.WriteLine($"{import.Dataset}: {import.Rows:N0} rows from {import.File}");
            }

            return 0;
        }
        catch (DataFileException refused)
        {
            output.WriteLine();
            output.WriteLine($"Refused: {refused.Message}. Nothing of that dataset was changed.");
            return 1;
        }
    }

    /// <summary>The longest dataset key and a space, so that the bars line up.</summary>
    private static readonly int NameWidth = PublicDataImport.Datasets.Max(d => d.Dataset.Length) + 1;

    /// <summary>"\rdfe-dsg   …   [##########----------]  50%", the name padded to the longest key.</summary>
    public static string Bar(string dataset, double done)
    {
        const int width = 20;
        var filled = (int)Math.Round(Math.Clamp(done, 0, 1) * width);
        return $"\r{dataset.PadRight(NameWidth)}[{new string('#', filled)}{new string('-', width - filled)}] {Math.Round(Math.Clamp(done, 0, 1) * 100),3:0}%";
    }
}
