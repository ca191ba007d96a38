using Concord.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddConcord();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseConcord();
await app.RunAsync();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
