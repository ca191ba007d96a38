using System.Globalization;
using Concord.Core.Finance;
using Concord.Core.PublicData;
using Concord.Data;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.PublicData;

/// <summary>
/// Imports DfE's Dedicated Schools Grant allocations (every English authority, by block, before
/// recoupment and after deductions) from the file shipped in data/dfe-dsg. The whole file is read
/// and checked first (columns, numbers, codes, each total equal to its blocks); a bad file is
/// refused naming its line and column, and the allocations already imported stay as they were.
/// Then everything is replaced in one transaction. An unchanged file is not imported again.
/// </summary>
public static class DsgImport
{
    public const string Dataset = "dfe-dsg";
    public const string Title = "Dedicated Schools Grant (DSG) allocations, local authority summary, 2020-21 to 2023-24";
    public const string Publisher = "Department for Education / Education and Skills Funding Agency";
    public const string Licence = "Open Government Licence v3.0";
    public const string FileName = "dsg_allocations_la_summary_2020-21_to_2023-24.csv";

    /// <summary>DfE code used for England's own row, which has no local authority code.</summary>
    public const int England = 0;

    private static readonly string[] Blocks = ["schools_block", "central_school_services_block", "high_needs_block", "early_years_block"];

    public static readonly IReadOnlyList<string> Columns =
    [
        "financial_year", "la_code", "la_name",
        .. Blocks.Select(b => $"before_recoupment_{b}"), "before_recoupment_total_dsg",
        .. Blocks.Select(b => $"after_deductions_{b}"), "after_deductions_total_dsg",
    ];

    /// <summary>Where the shipped file is: copied beside the app from the repository's data folder.</summary>
    public static string DefaultPath => Path.Combine(PublicDataImport.Folder, Dataset, FileName);

    /// <summary>Reads and checks every row; throws <see cref="DataFileException"/> at the first problem.</summary>
    public static List<DsgAllocation> Read(TextReader text, string file)
    {
        using var csv = PublicDataImport.OpenCsv(text, file, Columns, "allocation");

        var rows = new List<DsgAllocation>();
        var seen = new HashSet<(int, int)>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Field(string column) => csv.GetField(column)?.Trim() ?? string.Empty;
            var yearText = Field("financial_year");
            if (!FinancialYear.TryParse(yearText, out var year))
            {
                throw new DataFileException(file, line, "financial_year", $"'{yearText}' is not a financial year like 2021-22");
            }

            var name = Field("la_name");
            var codeText = Field("la_code");
            int code;
            if (codeText.Length == 0 && name == "England")
            {
                code = England;
            }
            else if (!int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out code) || code is < 100 or > 999)
            {
                throw new DataFileException(file, line, "la_code", $"'{codeText}' is not a DfE local authority code (three digits, like 356)");
            }

            if (name.Length is 0 or > 100)
            {
                throw new DataFileException(file, line, "la_name", "the local authority's name is missing or longer than 100 characters");
            }

            decimal Amount(string column)
            {
                var value = Field(column);
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pounds) && pounds >= 0
                    ? pounds
                    : throw new DataFileException(file, line, column, $"'{value}' is not an amount in whole pounds of 0 or more");
            }

            DsgBlocks Read(string prefix)
            {
                var blocks = new DsgBlocks(Amount($"{prefix}_schools_block"), Amount($"{prefix}_central_school_services_block"),
                    Amount($"{prefix}_high_needs_block"), Amount($"{prefix}_early_years_block"));
                var total = Amount($"{prefix}_total_dsg");
                return blocks.Total == total
                    ? blocks
                    : throw new DataFileException(file, line, $"{prefix}_total_dsg", $"the total {total} is not the sum of the four blocks ({blocks.Total})");
            }

            var before = Read("before_recoupment");
            var after = Read("after_deductions");
            if (!seen.Add((year.StartYear, code)))
            {
                throw new DataFileException(file, line, "la_code", $"{name} appears twice for {year}");
            }

            rows.Add(new DsgAllocation { FinancialYearStart = year.StartYear, DfeCode = code, LaName = name, BeforeRecoupment = before, AfterDeductions = after });
        }

        return rows.Count > 0 ? rows : throw new DataFileException(file, 2, null, "the file has a header but no allocations");
    }

    /// <summary>Imports the file in <paramref name="folder"/> unless the same file is already imported; returns its provenance.</summary>
    public static Task<DatasetImport> ImportAsync(ConcordDatabase database, string folder, TimeProvider clock, ILogger logger, CancellationToken cancellationToken = default) =>
        PublicDataImport.ImportAsync(new Allocations(), database, folder, clock, logger, cancellationToken: cancellationToken);

    /// <summary>The DSG allocations as one of Concord's public datasets.</summary>
    public sealed class Allocations : IPublicDataset
    {
        string IPublicDataset.Dataset => DsgImport.Dataset;

        string IPublicDataset.Folder => DsgImport.Dataset;

        public string Title => DsgImport.Title;

        public string Publisher => DsgImport.Publisher;

        public string Licence => DsgImport.Licence;

        public IReadOnlyList<string> Files => [FileName];

        public async Task<int> ReplaceAsync(ConcordDbContext db, DatasetFiles files, IProgress<double>? progress, CancellationToken cancellationToken)
        {
            var rows = Read(files.Open(FileName), FileName);
            progress?.Report(0.5);
            await db.DsgAllocations.ExecuteDeleteAsync(cancellationToken);
            db.DsgAllocations.AddRange(rows);
            return rows.Count;
        }
    }
}
