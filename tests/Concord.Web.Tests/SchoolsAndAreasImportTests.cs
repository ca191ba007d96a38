using System.Globalization;
using Concord.Core.PublicData;
using Concord.Web.PublicData;
using Concord.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Tests;

/// <summary>
/// Deprivation by LSOA, LSOAs with their wards, the schools register and the 2020 Ofsted scrape:
/// figures worked out again here straight from the shipped files (and MHCLG's own district
/// summaries) match what was imported, and a bad file is refused naming its file, line and column
/// with the rows imported before left as they were.
/// </summary>
public abstract class SchoolsAndAreasImportTests<TApp>(TApp app) : AppTests<TApp>(app)
    where TApp : ConcordApp
{
    private const string Stockport = "E08000007";
    private const string Tameside = "E08000008";

    /// <summary>A shipped CSV file read here with CsvHelper, not through the importer: each row by column name.</summary>
    private static async Task<List<Dictionary<string, string>>> RowsAsync(IPublicDataset dataset, string file)
    {
        using var csv = new CsvHelper.CsvReader(new StringReader(await ShippedFiles.ReadTextAsync(dataset, file)), CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.TrimStart('\uFEFF')).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (await csv.ReadAsync())
        {
            rows.Add(header.Select((name, i) => (name, value: csv.GetField(i) ?? string.Empty)).ToDictionary(c => c.name, c => c.value));
        }

        return rows;
    }

    private static int Number(string text) => (int)decimal.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Stockport_and_Tameside_have_190_and_141_LSOAs_and_their_shares_in_the_most_deprived_tenth_match_MHCLGs_district_summaries()
    {
        var imd = new DeprivationImport();
        var index = await RowsAsync(imd, DeprivationImport.IndexFile);
        var children = await RowsAsync(imd, DeprivationImport.SupplementaryFile);
        const string district = DeprivationImport.DistrictColumn;
        const string imdDecile = "Index of Multiple Deprivation (IMD) Decile";
        var idaciDecile = DeprivationImport.DecileColumn("Income Deprivation Affecting Children Index (IDACI)");

        var imported = await ReadAsync(db => db.LsoaDeprivations.Where(d => d.AuthorityCode == Stockport || d.AuthorityCode == Tameside).ToListAsync());

        Assert.Equal(LsoaDeprivation.LsoasInEngland, index.Count);
        Assert.Equal(LsoaDeprivation.LsoasInEngland, await ReadAsync(db => db.LsoaDeprivations.CountAsync()));
        foreach (var (code, lsoas) in new[] { (Stockport, 190), (Tameside, 141) })
        {
            var inFile = index.Where(r => r[district] == code).ToList();
            var mostDeprived = inFile.Count(r => Number(r[imdDecile]) == 1);
            var childrenMostDeprived = children.Count(r => r[district] == code && Number(r[idaciDecile]) == 1);
            var mine = imported.Where(d => d.AuthorityCode == code).ToList();

            Assert.Equal(lsoas, inFile.Count);
            Assert.Equal(lsoas, mine.Count);
            Assert.Equal(mostDeprived, mine.Count(d => d.ImdDecile == 1));
            Assert.Equal(childrenMostDeprived, mine.Count(d => d.IdaciDecile == 1));
            Assert.Equal(Math.Round(ShippedFiles.DistrictSummary("IMD", "IMD - Proportion of LSOAs in most deprived 10% nationally", code), 4), Math.Round(mine.Count(d => d.ImdDecile == 1) / (double)lsoas, 4));
            Assert.Equal(Math.Round(ShippedFiles.DistrictSummary("IDACI", "IDACI - Proportion of LSOAs in most deprived 10% nationally", code), 4), Math.Round(mine.Count(d => d.IdaciDecile == 1) / (double)lsoas, 4));
        }

        // Stockport: 17 of 190 in the most deprived tenth; Tameside: 29 of 141.
        Assert.Equal((17, 29), (imported.Count(d => d.AuthorityCode == Stockport && d.ImdDecile == 1), imported.Count(d => d.AuthorityCode == Tameside && d.ImdDecile == 1)));
    }

    [Fact]
    public async Task An_LSOAs_domains_population_ward_and_centre_are_those_the_files_give()
    {
        var imd = new DeprivationImport();
        var lsoa = new LsoaImport();
        var domains = (await RowsAsync(imd, DeprivationImport.DomainsFile)).Single(r => r[DeprivationImport.LsoaColumn] == "E01005806");
        var population = (await RowsAsync(imd, DeprivationImport.PopulationFile)).Single(r => r[DeprivationImport.LsoaColumn] == "E01005806");
        var lookup = await RowsAsync(lsoa, LsoaImport.LookupFile);
        var centre = (await RowsAsync(lsoa, LsoaImport.CentresFile)).Single(r => r["lsoa11_code"] == "E01005806");

        var deprivation = await ReadAsync(db => db.LsoaDeprivations.SingleAsync(d => d.LsoaCode == "E01005806"));
        var area = await ReadAsync(db => db.Lsoas.SingleAsync(l => l.Code == "E01005806"));

        Assert.Equal(Number(domains[DeprivationImport.DecileColumn("Crime")]), deprivation.DomainDeciles["Crime"]);
        Assert.Equal(DeprivationImport.Domains, deprivation.DomainDeciles.Keys);
        Assert.Equal(Number(population["Total population: mid 2015 (excluding prisoners)"]), deprivation.Population);
        Assert.Equal(Number(population["Dependent Children aged 0-15: mid 2015 (excluding prisoners)"]), deprivation.Children);
        Assert.Equal(("Stockport 033A", "Stepping Hill", Stockport), (area.Name, area.WardName, area.AuthorityCode));
        Assert.Equal(double.Parse(centre["longitude"], CultureInfo.InvariantCulture), area.Longitude);
        Assert.Equal(double.Parse(centre["latitude"], CultureInfo.InvariantCulture), area.Latitude);
        Assert.Equal(lookup.Count, await ReadAsync(db => db.Lsoas.CountAsync()));
        Assert.Equal(34_753, lookup.Count);
        Assert.Equal((190, 141), (lookup.Count(r => r["LAD19CD"] == Stockport), lookup.Count(r => r["LAD19CD"] == Tameside)));
        Assert.Equal(190, await ReadAsync(db => db.Lsoas.CountAsync(l => l.AuthorityCode == Stockport)));
    }

    [Theory]
    [InlineData("29199", 29199)]
    [InlineData("29,199", 29199)]
    [InlineData("29199.00", 29199)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("7", 7)]
    [InlineData("29199.5", null)]
    [InlineData("2,91,99", null)]
    [InlineData("29,1999", null)]
    [InlineData(",199", null)]
    [InlineData("-5", null)]
    [InlineData("1.", null)]
    [InlineData("", null)]
    [InlineData("n/a", null)]
    public void Published_counts_are_read_exactly_whichever_way_they_are_written(string text, int? expected) =>
        Assert.Equal(expected, CheckedCsv.ParseCount(text));

    [Fact]
    public async Task The_open_state_funded_schools_of_Stockport_are_those_GIAS_lists()
    {
        var gias = await RowsAsync(new SchoolImport(), SchoolImport.RegisterFile);
        string[] stateFunded = ["Academies", "Free Schools", "Local authority maintained schools", "Special schools"];
        var expected = gias.Count(r => r["la_code"] == "356" && stateFunded.Contains(r["establishment_type_group"])
            && !r["establishment_type"].Contains("independent", StringComparison.OrdinalIgnoreCase) && !r["establishment_type"].Contains("non-maintained", StringComparison.OrdinalIgnoreCase));

        var stockport = await ReadAsync(db => db.Schools.Where(s => s.LaNumber == 356).ToListAsync());

        Assert.Equal(27_153, gias.Count);
        Assert.Equal(gias.Count, await ReadAsync(db => db.Schools.CountAsync()));
        Assert.Equal(gias.Count(r => r["la_code"] == "356"), stockport.Count);
        Assert.Equal(expected, stockport.Count(s => s.StateFunded));
        Assert.Equal(115, expected);
    }

    [Fact]
    public async Task A_schools_trust_comes_from_the_capital_allocations_by_URN()
    {
        var capital = (await RowsAsync(new SchoolImport(), SchoolImport.CapitalFile)).Single(r => r["urn"] == "137923");
        var welsh = (await RowsAsync(new SchoolImport(), SchoolImport.RegisterFile)).Count(r => int.Parse(r["la_code"], CultureInfo.InvariantCulture) is >= 660 and <= 681);

        var school = await ReadAsync(db => db.Schools.SingleAsync(s => s.Urn == 137923));

        Assert.Equal("Hazel Grove High School", school.Name);
        Assert.Equal(capital["sca_responsible_body"], school.ResponsibleBody);
        Assert.Equal("THE LAURUS TRUST", school.ResponsibleBody);
        Assert.Equal(capital["responsible_body_type"], school.ResponsibleBodyType);
        Assert.Equal(welsh, await ReadAsync(db => db.Schools.CountAsync(s => s.LaNumber >= 660 && s.LaNumber <= 681)));
    }

    [Fact]
    public async Task A_schools_2020_rating_and_its_history_newest_first_come_from_the_scrape()
    {
        var scrape = new SchoolInspectionImport();
        var latest = (await RowsAsync(scrape, SchoolInspectionImport.SchoolsFile)).Single(r => r["URN"] == "137923");
        var history = (await RowsAsync(scrape, SchoolInspectionImport.HistoryFile)).Where(r => r["URN"] == "137923")
            .Select(r => new SchoolInspection.Judgement(r["Rating"], DateOnly.ParseExact(r["Inspection Date"], "yyyyMMdd", CultureInfo.InvariantCulture)))
            .OrderByDescending(j => j.InspectedOn).ToList();

        var inspection = await ReadAsync(db => db.SchoolInspections.SingleAsync(i => i.Urn == 137923));

        Assert.Equal(latest["Rating"], inspection.Rating);
        Assert.Equal(OfstedGrade.RequiresImprovement, inspection.Grade);
        Assert.Equal(new DateOnly(2018, 1, 23), inspection.InspectedOn);
        Assert.Equal(history, inspection.History);
        Assert.Equal(3, inspection.History.Count);
        Assert.Equal(26_078, await ReadAsync(db => db.SchoolInspections.CountAsync()));
    }

    /// <summary>The dataset's row count and provenance, to show a refused import left them as they were.</summary>
    private Task<(int Rows, string Sha256, DateTimeOffset ImportedAt)> StateAsync<T>(string dataset)
        where T : class => ReadAsync(async db =>
        {
            var provenance = await db.DatasetImports.AsNoTracking().SingleAsync(d => d.Dataset == dataset);
            return (await db.Set<T>().CountAsync(), provenance.Sha256, provenance.ImportedAt);
        });

    private static async Task<string> AlteredAsync(IPublicDataset dataset, string file, Func<string[], IEnumerable<string>> change) =>
        string.Join('\n', change(await ShippedFiles.ReadLinesAsync(dataset, file))) + "\n";

    [Fact]
    public async Task A_deprivation_file_missing_a_column_or_with_text_for_a_number_is_refused_naming_the_place_and_the_rows_stay()
    {
        var imd = new DeprivationImport();
        var before = await StateAsync<LsoaDeprivation>(imd.Dataset);
        const string population = "Total population: mid 2015 (excluding prisoners)";

        var missing = await ShippedFiles.RefusedAsync(App.Database, imd, DeprivationImport.SupplementaryFile,
            await AlteredAsync(imd, DeprivationImport.SupplementaryFile, lines => lines.Select((l, i) => i == 0 ? l.Replace("Income Deprivation Affecting Children Index (IDACI) Decile", "IDACI Decile", StringComparison.Ordinal) : l)));
        // Line 3 of File 6 is City of London 001B: its population, "1,156", made "1.156,5".
        var text = await ShippedFiles.RefusedAsync(App.Database, imd, DeprivationImport.PopulationFile,
            await AlteredAsync(imd, DeprivationImport.PopulationFile, lines => lines.Select((l, i) => i == 2 ? l.Replace("\"1,156\"", "\"1.156,5\"", StringComparison.Ordinal) : l)));
        var dropped = await ShippedFiles.RefusedAsync(App.Database, imd, DeprivationImport.DomainsFile,
            await AlteredAsync(imd, DeprivationImport.DomainsFile, lines => lines.Where((_, i) => i != 5)));

        Assert.Equal(("File_3_-_IoD2019_Supplementary_Indices_-_IDACI_and_IDAOPI.csv", 1, DeprivationImport.DecileColumn("Income Deprivation Affecting Children Index (IDACI)")),
            (missing.File, missing.Line, missing.Column));
        Assert.Equal("this column is missing from the header", missing.Problem);
        Assert.Equal(("File_6_-_IoD2019_Population_Denominators.csv", 3, population), (text.File, text.Line, text.Column));
        Assert.StartsWith("'1.156,5' is not a number of people", text.Problem, StringComparison.Ordinal);
        Assert.Equal(("File_2_-_IoD2019_Domains_of_Deprivation.csv", LsoaDeprivation.LsoasInEngland + 1, DeprivationImport.LsoaColumn), (dropped.File, dropped.Line, dropped.Column));
        Assert.Contains("is missing from this file", dropped.Problem, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync<LsoaDeprivation>(imd.Dataset));
    }

    [Fact]
    public async Task A_school_of_an_unknown_authority_is_refused_but_Welsh_and_overseas_codes_are_kept_as_GIAS_gives_them()
    {
        var gias = new SchoolImport();
        var before = await StateAsync<School>(gias.Dataset);

        // Line 2 is The Aldgate School, City of London (201); 999 is no authority.
        var refused = await ShippedFiles.RefusedAsync(App.Database, gias, SchoolImport.RegisterFile,
            await AlteredAsync(gias, SchoolImport.RegisterFile, lines => lines.Select((l, i) => i == 1 ? l.Replace("100000,201,", "100000,999,", StringComparison.Ordinal) : l)));
        var welsh = await ReadAsync(db => db.Schools.Where(s => s.LaNumber == 681).CountAsync());
        var overseas = await ReadAsync(db => db.Schools.Where(s => s.LaNumber == 0 || (s.LaNumber >= 701 && s.LaNumber <= 708)).CountAsync());

        Assert.Equal(("gias_open_establishments_2025-05-24.csv", 2, "la_code"), (refused.File, refused.Line, refused.Column));
        Assert.StartsWith("'999' is not the DfE number of an authority in the register", refused.Problem, StringComparison.Ordinal);
        Assert.True(SchoolImport.OutsideTheRegister(660) && SchoolImport.OutsideTheRegister(0) && SchoolImport.OutsideTheRegister(708));
        Assert.False(SchoolImport.OutsideTheRegister(999) || SchoolImport.OutsideTheRegister(659) || SchoolImport.OutsideTheRegister(356));
        Assert.Equal(145, welsh);
        Assert.Equal(311 + 153, overseas);
        Assert.Equal(before, await StateAsync<School>(gias.Dataset));
    }

    [Fact]
    public async Task An_empty_file_or_a_rating_Ofsted_does_not_give_is_refused_and_the_rows_stay()
    {
        var lsoa = new LsoaImport();
        var scrape = new SchoolInspectionImport();
        var lsoasBefore = await StateAsync<Lsoa>(lsoa.Dataset);
        var inspectionsBefore = await StateAsync<SchoolInspection>(scrape.Dataset);

        var empty = await ShippedFiles.RefusedAsync(App.Database, lsoa, LsoaImport.CentresFile, string.Empty);
        var headerOnly = await ShippedFiles.RefusedAsync(App.Database, lsoa, LsoaImport.LookupFile, "FID,LSOA11CD,LSOA11NM,WD19CD,WD19NM,LAD19CD,LAD19NM\n");
        // Line 3 of the history: URN 100000's 2008 judgement.
        var rating = await ShippedFiles.RefusedAsync(App.Database, scrape, SchoolInspectionImport.HistoryFile,
            await AlteredAsync(scrape, SchoolInspectionImport.HistoryFile, lines => lines.Select((l, i) => i == 2 ? "100000,Very good,20080926" : l)));

        Assert.Equal(("lsoa2011_centroids_ew.csv", 1, (string?)null), (empty.File, empty.Line, empty.Column));
        Assert.StartsWith("the file is empty", empty.Problem, StringComparison.Ordinal);
        Assert.Equal(("Lower_Layer_Super_Output_Area_(2011)_to_Ward_(2019)_Lookup_in_England_and_Wales.csv", 2, "LSOA11CD"), (headerOnly.File, headerOnly.Line, headerOnly.Column));
        Assert.Equal(("ofsted_rating_history_by_urn.csv", 3, "Rating"), (rating.File, rating.Line, rating.Column));
        Assert.StartsWith("'Very good' is not an Ofsted rating", rating.Problem, StringComparison.Ordinal);
        Assert.Equal(lsoasBefore, await StateAsync<Lsoa>(lsoa.Dataset));
        Assert.Equal(inspectionsBefore, await StateAsync<SchoolInspection>(scrape.Dataset));
    }
}

public sealed class SchoolsAndAreasImportTestsOnSqlite(SqliteEvidenceApp app) : SchoolsAndAreasImportTests<SqliteEvidenceApp>(app);

public sealed class SchoolsAndAreasImportTestsOnPostgres(PostgresEvidenceApp app) : SchoolsAndAreasImportTests<PostgresEvidenceApp>(app);
