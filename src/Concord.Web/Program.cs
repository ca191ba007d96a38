using Concord.Web.Infrastructure;
using Concord.Web.PublicData;

if (args is ["import", .. var rest])
{
    // dotnet run --project src/Concord.Web -- import: re-import the public datasets, then exit.
    var importBuilder = WebApplication.CreateBuilder(rest);
    importBuilder.AddConcord();
    importBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
    await using var importer = importBuilder.Build();
    return await ImportCommand.RunAsync(importer, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddConcord();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseConcord();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
