namespace Concord.Web.Pages.Shared;

/// <summary>What the _CsvUpload partial shows: the columns documented, the problems of a refused file, and the form's file field and button.</summary>
public sealed record CsvUploadForm(
    string Field, string Columns, IReadOnlyList<(string Column, string Meaning)> Documentation, IReadOnlyList<string> Problems, string Button);
