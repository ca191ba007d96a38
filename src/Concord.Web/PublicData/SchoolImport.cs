using System.Text.RegularExpressions;
using Concord.Core.PublicData;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.PublicData;

/// <summary>
/// Every open establishment on Get Information about Schools (May 2025), with its responsible body
/// (trust, diocese or local authority) joined on URN from DfE's school capital allocations for
/// 2025-26. URNs are unique in each file; every authority code is a DfE number in the register of
/// areas or one of the few GIAS codes outside England (<see cref="OutsideTheRegister"/>); each
/// capital allocation's LAESTAB must match the school's authority and establishment number.
/// Allocations for URNs no longer open (70 in the shipped file) are left out.
/// </summary>
public sealed partial class SchoolImport : IPublicDataset
{
    public const string Key = "schools-gias";

    public const string RegisterFile = "gias_open_establishments_2025-05-24.csv.gz";

    public const string CapitalFile = "school_capital_funding_2025-26_schools.csv.gz";

    /// <summary>The responsible body types the capital allocations use.</summary>
    public static readonly IReadOnlySet<string> ResponsibleBodyTypes = new HashSet<string>(StringComparer.Ordinal) { "LA Maintained", "MAT", "CIF", "VA Group" };

    public string Dataset => Key;

    public string Folder => "schools-gias";

    public string Title => "Open establishments on Get Information about Schools (24 May 2025), with responsible bodies from the school capital allocations 2025-26";

    public string Publisher => "Department for Education";

    public string Licence => "Open Government Licence v3.0";

    public IReadOnlyList<string> Files => [RegisterFile, CapitalFile];

    /// <summary>
    /// The authority codes GIAS gives that the register of English authorities cannot hold, taken
    /// as they are: 000 "Does not apply" (British schools overseas and online providers); 660 to 681,
    /// the 22 Welsh authorities (GIAS lists Welsh schools too); and 701 to 708, GIAS's offshore and
    /// overseas establishments (Scotland offshore, BFPO overseas, fieldwork overseas, Isle of Man,
    /// Guernsey, Jersey, Gibraltar). Every other code must be a DfE number in the register.
    /// </summary>
    public static bool OutsideTheRegister(int number) => number == 0 || number is >= 660 and <= 681 or >= 701 and <= 708;

    /// <summary>The DfE numbers an authority code may take: the register's and those outside it.</summary>
    public static Func<int, bool> AuthorityNumbers(AreaRegister areas)
    {
        var known = areas.Areas.Select(a => a.DfeNumber).OfType<int>().ToHashSet();
        return number => known.Contains(number) || OutsideTheRegister(number);
    }

    /// <summary>Reads an authority code: three digits, a DfE number in the register or outside it as documented.</summary>
    public static int Authority(CheckedCsv csv, string column, Func<int, bool> known)
    {
        var value = csv[column];
        return value.Length == 3 && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && known(number)
            ? number
            : throw csv.Refuse(column, $"'{value}' is not the DfE number of an authority in the register (like 356), nor a GIAS code for Wales, offshore or overseas establishments");
    }

    private sealed record ResponsibleBody(string Name, string Type, int Laestab, int Line);

    public static List<School> Read(DatasetFiles files, AreaRegister areas)
    {
        var bodies = ReadCapital(files.Open(CapitalFile));
        var known = AuthorityNumbers(areas);
        var capital = DatasetFiles.Published(CapitalFile);
        using var csv = CheckedCsv.Open(files.Open(RegisterFile), DatasetFiles.Published(RegisterFile),
            ["urn", "la_code", "la_name", "establishment_number", "establishment_name", "establishment_type", "establishment_type_group", "education_phase",
                "number_of_pupils", "percentage_fsm", "lsoa_code", "longitude", "latitude", "town", "postcode", "school_website"], "establishment");
        var schools = new List<School>(30_000);
        var urns = new HashSet<int>();
        while (csv.Read())
        {
            var urn = csv.Whole("urn", 100_000, 999_999, "a URN");
            if (!urns.Add(urn))
            {
                throw csv.Refuse("urn", $"URN {urn} appears twice");
            }

            var la = Authority(csv, "la_code", known);
            var number = csv.WholeOrNull("establishment_number", 0, 9999, "an establishment number");
            var body = bodies.GetValueOrDefault(urn);
            if (body is not null && body.Laestab != (la * 10_000) + number)
            {
                throw new DataFileException(capital, body.Line, "laestab", $"{body.Laestab} is not URN {urn}'s authority and establishment number on GIAS ({la} and {number})");
            }

            var lsoa = csv["lsoa_code"];
            schools.Add(new School
            {
                Urn = urn,
                LaNumber = la,
                LaName = csv.Required("la_name", 100, "The authority's name"),
                EstablishmentNumber = number,
                Name = csv.Required("establishment_name", 200, "The establishment's name"),
                Type = csv.Required("establishment_type", 100, "The establishment's type"),
                TypeGroup = csv.Required("establishment_type_group", 100, "The establishment's type group"),
                Phase = csv.Required("education_phase", 50, "The phase of education"),
                Pupils = csv.WholeOrNull("number_of_pupils", 0, 100_000, "a number of pupils"),
                PercentageFsm = csv.DecimalOrNull("percentage_fsm", 0, 100, 1, "a percentage of pupils eligible for free school meals"),
                LsoaCode = NoArea().IsMatch(lsoa) ? null : csv.Code("lsoa_code", AreaCode(), "E01005837 (or 999999999 where there is none)"),
                Longitude = csv.DegreesOrNull("longitude", -180, 180, "a longitude"),
                Latitude = csv.DegreesOrNull("latitude", -90, 90, "a latitude"),
                Town = csv.Optional("town", 100, "The town"),
                Postcode = csv.Optional("postcode", 10, "The postcode"),
                Website = csv.Optional("school_website", 300, "The website"),
                ResponsibleBody = body?.Name,
                ResponsibleBodyType = body?.Type,
            });
        }

        return schools.Count > 0 ? schools : throw csv.RefuseAtEnd("urn", "the file has a header but no establishments");
    }

    /// <summary>The capital allocations' responsible body of each school, by URN.</summary>
    private static Dictionary<int, ResponsibleBody> ReadCapital(TextReader text)
    {
        using var csv = CheckedCsv.Open(text, DatasetFiles.Published(CapitalFile), ["urn", "laestab", "sca_responsible_body", "responsible_body_type"], "school");
        var bodies = new Dictionary<int, ResponsibleBody>();
        while (csv.Read())
        {
            var urn = csv.Whole("urn", 100_000, 999_999, "a URN");
            var laestab = csv.Whole("laestab", 1_000_000, 9_999_999, "a LAESTAB (authority number and establishment number, like 3562001)");
            var name = csv.Required("sca_responsible_body", 200, "The responsible body");
            var type = csv["responsible_body_type"];
            if (!ResponsibleBodyTypes.Contains(type))
            {
                throw csv.Refuse("responsible_body_type", $"'{type}' is not LA Maintained, MAT, CIF or VA Group");
            }

            if (!bodies.TryAdd(urn, new ResponsibleBody(name, type, laestab, csv.Line)))
            {
                throw csv.Refuse("urn", $"URN {urn} appears twice");
            }
        }

        return bodies.Count > 0 ? bodies : throw csv.RefuseAtEnd("urn", "the file has a header but no schools");
    }

    public async Task<int> ReplaceAsync(ConcordDbContext db, DatasetFiles files, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var rows = Read(files, await AreaRegister.LoadAsync(db, cancellationToken));
        progress?.Report(0.4);
        await db.Schools.ExecuteDeleteAsync(cancellationToken);
        await db.InsertAsync(rows, cancellationToken);
        return rows.Count;
    }

    /// <summary>GIAS's codes for an establishment outside any LSOA: 999999999, L99999999 (Channel Islands), M99999999 (Isle of Man).</summary>
    [GeneratedRegex(@"^[LM9]99999999$")]
    private static partial Regex NoArea();

    /// <summary>An LSOA in England or Wales, or a data zone in Scotland.</summary>
    [GeneratedRegex(@"^[EWS]01\d{6}$")]
    private static partial Regex AreaCode();
}
