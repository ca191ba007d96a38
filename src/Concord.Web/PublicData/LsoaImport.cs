using System.Text.RegularExpressions;
using Concord.Core.PublicData;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.PublicData;

/// <summary>
/// Every LSOA (2011) of England and Wales with its electoral ward and local authority district
/// (2019), from ONS's lookup, and its centre point from ONS's boundary file. Each LSOA must appear
/// once in the lookup and once among the centre points, which must lie within England and Wales.
/// </summary>
public sealed partial class LsoaImport : IPublicDataset
{
    public const string Key = "ons-lsoa";

    public const string LookupFile = "Lower_Layer_Super_Output_Area_(2011)_to_Ward_(2019)_Lookup_in_England_and_Wales.csv.gz";

    public const string CentresFile = "lsoa2011_centroids_ew.csv";

    public string Dataset => Key;

    public string Folder => "ons-lsoa";

    public string Title => "Lower layer super output areas (2011) of England and Wales: their ward and local authority (2019) and centre points";

    public string Publisher => "Office for National Statistics (Open Geography Portal)";

    public string Licence => "Open Government Licence v3.0; contains OS data © Crown copyright and database right 2019";

    public IReadOnlyList<string> Files => [LookupFile, CentresFile];

    public static List<Lsoa> Read(DatasetFiles files)
    {
        var centres = ReadCentres(files.Open(CentresFile));
        using var csv = CheckedCsv.Open(files.Open(LookupFile), DatasetFiles.Published(LookupFile), ["LSOA11CD", "LSOA11NM", "WD19CD", "WD19NM", "LAD19CD", "LAD19NM"], "LSOA");
        var lsoas = new List<Lsoa>(centres.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var code = csv.Code("LSOA11CD", LsoaCode(), "E01005837");
            if (!seen.Add(code))
            {
                throw csv.Refuse("LSOA11CD", $"{code} appears twice");
            }

            if (!centres.TryGetValue(code, out var centre))
            {
                throw csv.Refuse("LSOA11CD", $"{code} has no centre point in {CentresFile}");
            }

            lsoas.Add(new Lsoa
            {
                Code = code,
                Name = csv.Required("LSOA11NM", 100, "The LSOA's name"),
                WardCode = csv.Code("WD19CD", WardCode(), "E05000780"),
                WardName = csv.Required("WD19NM", 100, "The ward's name"),
                AuthorityCode = csv.Code("LAD19CD", DistrictCode(), "E08000007"),
                AuthorityName = csv.Required("LAD19NM", 100, "The local authority's name"),
                Longitude = centre.Longitude,
                Latitude = centre.Latitude,
            });
        }

        if (lsoas.Count == 0)
        {
            throw csv.RefuseAtEnd("LSOA11CD", "the file has a header but no LSOAs");
        }

        return centres.Values.FirstOrDefault(c => !seen.Contains(c.Code)) is { } stray
            ? throw new DataFileException(CentresFile, stray.Line, "lsoa11_code", $"{stray.Code} is not an LSOA of {DatasetFiles.Published(LookupFile)}")
            : lsoas;
    }

    private sealed record Centre(string Code, int Line, double Longitude, double Latitude);

    /// <summary>The centre points: one per LSOA, within England and Wales (longitude -6.5 to 2, latitude 49.8 to 56).</summary>
    private static Dictionary<string, Centre> ReadCentres(TextReader text)
    {
        using var csv = CheckedCsv.Open(text, CentresFile, ["lsoa11_code", "longitude", "latitude"], "centre point");
        var centres = new Dictionary<string, Centre>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var code = csv.Code("lsoa11_code", LsoaCode(), "E01005837");
            var longitude = csv.DegreesOrNull("longitude", -6.5, 2, "a longitude in England or Wales") ?? throw csv.Refuse("longitude", "the longitude is missing");
            var latitude = csv.DegreesOrNull("latitude", 49.8, 56, "a latitude in England or Wales") ?? throw csv.Refuse("latitude", "the latitude is missing");
            if (!centres.TryAdd(code, new Centre(code, csv.Line, longitude, latitude)))
            {
                throw csv.Refuse("lsoa11_code", $"{code} appears twice");
            }
        }

        return centres.Count > 0 ? centres : throw csv.RefuseAtEnd("lsoa11_code", "the file has a header but no centre points");
    }

    public async Task<int> ReplaceAsync(ConcordDbContext db, DatasetFiles files, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var rows = Read(files);
        progress?.Report(0.4);
        await db.Lsoas.ExecuteDeleteAsync(cancellationToken);
        await db.InsertAsync(rows, cancellationToken);
        return rows.Count;
    }

    [GeneratedRegex(@"^[EW]01\d{6}$")]
    private static partial Regex LsoaCode();

    [GeneratedRegex(@"^[EW]05\d{6}$")]
    private static partial Regex WardCode();

    [GeneratedRegex(@"^(E0[6-9]|W06)\d{6}$")]
    private static partial Regex DistrictCode();
}
