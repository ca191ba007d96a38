using System.Text.RegularExpressions;
using Concord.Core.PublicData;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.PublicData;

/// <summary>
/// The English Indices of Deprivation 2019 for every one of England's 32,844 LSOAs, from four of
/// MHCLG's files: the index (File 1), its seven domains (File 2), the supplementary indices for
/// children and older people (File 3) and the 2015 population denominators (File 6). Every LSOA
/// must appear once in each file with the same local authority district; each rank must be 1 to
/// 32,844 (LSOAs with equal scores share a rank), and each decile must be the one its rank falls in. Numbers
/// come as 29199, "29,199" or 29199.00 and are read exactly; anything else is refused.
/// </summary>
public sealed partial class DeprivationImport : IPublicDataset
{
    public const string Key = "imd2019";

    public const string IndexFile = "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz";

    public const string DomainsFile = "File_2_-_IoD2019_Domains_of_Deprivation.csv.gz";

    public const string SupplementaryFile = "File_3_-_IoD2019_Supplementary_Indices_-_IDACI_and_IDAOPI.csv.gz";

    public const string PopulationFile = "File_6_-_IoD2019_Population_Denominators.csv.gz";

    public const string LsoaColumn = "LSOA code (2011)";

    public const string DistrictColumn = "Local Authority District code (2019)";

    /// <summary>The seven domains, as File 2 names them; their deciles are kept under these names.</summary>
    public static readonly IReadOnlyList<string> Domains =
    [
        "Income", "Employment", "Education, Skills and Training", "Health Deprivation and Disability", "Crime", "Barriers to Housing and Services", "Living Environment",
    ];

    private const string Imd = "Index of Multiple Deprivation (IMD)";
    private const string Idaci = "Income Deprivation Affecting Children Index (IDACI)";
    private const string Idaopi = "Income Deprivation Affecting Older People (IDAOPI)";
    private const string PopulationColumn = "Total population: mid 2015 (excluding prisoners)";
    private const string ChildrenColumn = "Dependent Children aged 0-15: mid 2015 (excluding prisoners)";

    public string Dataset => Key;

    public string Folder => "imd2019";

    public string Title => "English Indices of Deprivation 2019 by LSOA: the index, its seven domains, IDACI and IDAOPI, and the 2015 population denominators";

    public string Publisher => "Ministry of Housing, Communities and Local Government";

    public string Licence => "Open Government Licence v3.0";

    public IReadOnlyList<string> Files => [IndexFile, DomainsFile, SupplementaryFile, PopulationFile];

    /// <summary>File 2 and File 3 name their rank and decile columns with what 1 means.</summary>
    public static string RankColumn(string index) => $"{index} Rank (where 1 is most deprived)";

    public static string DecileColumn(string index) => $"{index} Decile (where 1 is most deprived 10% of LSOAs)";

    /// <summary>The decile a rank of 32,844 falls in: ranks 1 to 3,284 are decile 1, and so on.</summary>
    public static int DecileOf(int rank) => (int)Math.Ceiling(rank * 10d / LsoaDeprivation.LsoasInEngland);

    /// <summary>One LSOA's figures as the four files are read.</summary>
    private sealed class Reading(string lsoa, string district, int line)
    {
        public string Lsoa { get; } = lsoa;

        public string District { get; } = district;

        public int Line { get; } = line;

        public int ImdRank { get; init; }

        public int ImdDecile { get; init; }

        public int IdaciRank { get; set; }

        public int IdaciDecile { get; set; }

        public int IdaopiRank { get; set; }

        public int IdaopiDecile { get; set; }

        public Dictionary<string, int> Domains { get; } = new(StringComparer.Ordinal);

        public int Population { get; set; }

        public int Children { get; set; }

        /// <summary>The last file (1, 2, 3 or 6) that gave this LSOA.</summary>
        public int SeenIn { get; set; } = 1;
    }

    /// <summary>Reads an index's rank and decile from the row, checking the decile is the one the rank falls in.</summary>
    private static (int Rank, int Decile) RankAndDecile(CheckedCsv csv, string index, string rankColumn, string decileColumn)
    {
        var rank = csv.Count(rankColumn, 1, LsoaDeprivation.LsoasInEngland, $"a rank of the {index}");
        var decile = csv.Count(decileColumn, 1, 10, $"a decile of the {index}");
        return decile == DecileOf(rank) ? (rank, decile) : throw csv.Refuse(decileColumn, $"decile {decile} does not match rank {rank:N0}, which is in decile {DecileOf(rank)}");
    }

    public static List<LsoaDeprivation> Read(DatasetFiles files, IProgress<double>? progress = null)
    {
        var lsoas = ReadIndex(files.Open(IndexFile), DatasetFiles.Published(IndexFile));
        progress?.Report(0.1);
        ReadMore(files, DomainsFile, 2, lsoas, [.. Domains.SelectMany(d => new[] { RankColumn(d), DecileColumn(d) })], (csv, lsoa) =>
        {
            for (var i = 0; i < Domains.Count; i++)
            {
                lsoa.Domains[Domains[i]] = RankAndDecile(csv, $"{Domains[i]} domain", RankColumn(Domains[i]), DecileColumn(Domains[i])).Decile;
            }
        });
        progress?.Report(0.2);
        ReadMore(files, SupplementaryFile, 3, lsoas, [RankColumn(Idaci), DecileColumn(Idaci), RankColumn(Idaopi), DecileColumn(Idaopi)], (csv, lsoa) =>
        {
            (lsoa.IdaciRank, lsoa.IdaciDecile) = RankAndDecile(csv, Idaci, RankColumn(Idaci), DecileColumn(Idaci));
            (lsoa.IdaopiRank, lsoa.IdaopiDecile) = RankAndDecile(csv, Idaopi, RankColumn(Idaopi), DecileColumn(Idaopi));
        });
        progress?.Report(0.3);
        ReadMore(files, PopulationFile, 6, lsoas, [PopulationColumn, ChildrenColumn], (csv, lsoa) =>
        {
            lsoa.Population = csv.Count(PopulationColumn, 0, 1_000_000, "a number of people");
            lsoa.Children = csv.Count(ChildrenColumn, 0, 1_000_000, "a number of children");
            if (lsoa.Children > lsoa.Population)
            {
                throw csv.Refuse(ChildrenColumn, $"{lsoa.Children:N0} children is more than the {lsoa.Population:N0} people of the LSOA");
            }
        });
        progress?.Report(0.4);
        return lsoas.Values.Select(l => new LsoaDeprivation
        {
            LsoaCode = l.Lsoa,
            AuthorityCode = l.District,
            ImdRank = l.ImdRank,
            ImdDecile = l.ImdDecile,
            IdaciRank = l.IdaciRank,
            IdaciDecile = l.IdaciDecile,
            IdaopiRank = l.IdaopiRank,
            IdaopiDecile = l.IdaopiDecile,
            DomainDeciles = l.Domains,
            Population = l.Population,
            Children = l.Children,
        }).ToList();
    }

    /// <summary>File 1: every LSOA once, its district, and its rank and decile on the index.</summary>
    private static Dictionary<string, Reading> ReadIndex(TextReader text, string file)
    {
        string rank = $"{Imd} Rank", decile = $"{Imd} Decile";
        using var csv = CheckedCsv.Open(text, file, [LsoaColumn, DistrictColumn, rank, decile], "LSOA");
        var lsoas = new Dictionary<string, Reading>(LsoaDeprivation.LsoasInEngland, StringComparer.Ordinal);
        while (csv.Read())
        {
            var code = csv.Code(LsoaColumn, LsoaCode(), "E01005837");
            var district = csv.Code(DistrictColumn, DistrictCode(), "E08000007");
            if (lsoas.TryGetValue(code, out var first))
            {
                throw csv.Refuse(LsoaColumn, $"{code} appears twice (first on line {first.Line})");
            }

            var (imdRank, imdDecile) = RankAndDecile(csv, Imd, rank, decile);
            lsoas[code] = new Reading(code, district, csv.Line) { ImdRank = imdRank, ImdDecile = imdDecile };
        }

        return lsoas.Count == LsoaDeprivation.LsoasInEngland
            ? lsoas
            : throw csv.RefuseAtEnd(LsoaColumn, lsoas.Count == 0 ? "the file has a header but no LSOAs" : $"the file has {lsoas.Count:N0} LSOAs, not England's {LsoaDeprivation.LsoasInEngland:N0}");
    }

    /// <summary>
    /// File 2, 3 or 6 (<paramref name="number"/>, named <paramref name="name"/>): every LSOA of File 1 once, in the same district,
    /// with the same IMD rank and decile where the file repeats them; <paramref name="read"/> takes
    /// the file's own figures.
    /// </summary>
    private static void ReadMore(DatasetFiles files, string name, int number, Dictionary<string, Reading> lsoas, IReadOnlyList<string> columns, Action<CheckedCsv, Reading> read)
    {
        var repeatsImd = number is 2 or 3;
        using var csv = CheckedCsv.Open(files.Open(name), DatasetFiles.Published(name), [LsoaColumn, DistrictColumn, .. repeatsImd ? new[] { RankColumn(Imd), DecileColumn(Imd) } : [], .. columns], "LSOA");
        while (csv.Read())
        {
            var code = csv.Code(LsoaColumn, LsoaCode(), "E01005837");
            if (!lsoas.TryGetValue(code, out var lsoa))
            {
                throw csv.Refuse(LsoaColumn, $"{code} is not an LSOA of {DatasetFiles.Published(IndexFile)}");
            }

            if (lsoa.SeenIn == number)
            {
                throw csv.Refuse(LsoaColumn, $"{code} appears twice");
            }

            lsoa.SeenIn = number;
            if (csv[DistrictColumn] != lsoa.District)
            {
                throw csv.Refuse(DistrictColumn, $"{code} is in {lsoa.District} in {DatasetFiles.Published(IndexFile)}, not '{csv[DistrictColumn]}'");
            }

            if (repeatsImd)
            {
                var rank = csv.Count(RankColumn(Imd), 1, LsoaDeprivation.LsoasInEngland, $"a rank of the {Imd}");
                var decile = csv.Count(DecileColumn(Imd), 1, 10, $"a decile of the {Imd}");
                if ((rank, decile) != (lsoa.ImdRank, lsoa.ImdDecile))
                {
                    throw csv.Refuse(rank != lsoa.ImdRank ? RankColumn(Imd) : DecileColumn(Imd),
                        $"{code} has IMD rank {rank:N0} and decile {decile} here but {lsoa.ImdRank:N0} and {lsoa.ImdDecile} in {DatasetFiles.Published(IndexFile)}");
                }
            }

            read(csv, lsoa);
        }

        if (csv.Rows == 0)
        {
            throw csv.RefuseAtEnd(LsoaColumn, "the file has a header but no LSOAs");
        }

        if (lsoas.Values.FirstOrDefault(l => l.SeenIn != number) is { } missing)
        {
            throw csv.RefuseAtEnd(LsoaColumn, $"{missing.Lsoa} (line {missing.Line} of {DatasetFiles.Published(IndexFile)}) is missing from this file");
        }
    }

    public async Task<int> ReplaceAsync(ConcordDbContext db, DatasetFiles files, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var rows = Read(files, progress);
        await db.LsoaDeprivations.ExecuteDeleteAsync(cancellationToken);
        await db.InsertAsync(rows, cancellationToken);
        return rows.Count;
    }

    [GeneratedRegex(@"^E01\d{6}$")]
    private static partial Regex LsoaCode();

    [GeneratedRegex(@"^E0[6-9]\d{6}$")]
    private static partial Regex DistrictCode();
}
