using System.Globalization;
using Concord.Core.Sufficiency;
using Concord.Data;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Concord.Web.Sufficiency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.Provisions;

/// <summary>Adds a provision to the register of the council worked for (/provisions/new) or changes one of its own (/provisions/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(ProvisionRegister register, ConcordDbContext db) : ConcordPageModel
{
    /// <summary>How many rows of planned changes the form offers at least.</summary>
    public const int Rows = 3;

    public static readonly IReadOnlyList<SelectListItem> KindChoices = ProvisionKinds.All.Select(k => new SelectListItem(k.Display(), k.ToString())).ToList();

    public static readonly IReadOnlyList<SelectListItem> NeedChoices = Needs.All.Select(n => new SelectListItem($"{n.Code()}: {n.Display()}", n.Code())).ToList();

    [BindProperty]
    public ProvisionInput Input { get; set; } = new();

    public Provision? Provision { get; private set; }

    public RegisterCouncil Council { get; private set; } = default!;

    public SufficiencySettings Settings { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> AreaChoices { get; private set; } = [];

    public string BackHref => Provision is null ? "/provisions" : $"/provisions/{Provision.Id}";

    /// <summary>The council's default bands, for the cost's hint.</summary>
    public string BandsHint => $"Leave blank to use {Council.Name}'s default band for its kind: " +
        string.Join("; ", ProvisionKinds.All.Select(k => $"{k.Display().ToLowerInvariant()} {SufficiencyText.Pounds(Settings.BandFor(k))}")) + ".";

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = Provision is null ? ProvisionInput.New(Council) : ProvisionInput.From(Provision);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Filled rows first, so that "planned change 2" in a message is the second row shown again.
        Input.PlannedChanges = NumberInput.Compact(Input.PlannedChanges, c => c.IsBlank, Math.Max(Rows, Input.PlannedChanges.Count(c => !c.IsBlank) + 1));
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.PlannedChanges[", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        var details = Input.ToDetails(ModelState);
        var provision = Provision;
        return await SaveAsync(
            db,
            change: async () =>
            {
                var saved = await register.ApplyAsync(provision, details, cancellationToken);
                if (provision is not null)
                {
                    db.ExpectVersion(provision, Input.Version);
                    db.Touch(provision);
                }

                return saved;
            },
            saved: saved =>
            {
                Notify($"{saved.Name} is saved.");
                return Redirect($"/provisions/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await register.FindAsync(id ?? Guid.Empty, cancellationToken);
                Input = latest is null ? Input : ProvisionInput.From(latest);
                return latest is not null;
            },
            "provision",
            cancellationToken);
    }

    /// <summary>Loads the page's context; answers 404 for a provision the reader cannot see, 403 for a partner's.</summary>
    private async Task<IActionResult?> FindAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (await register.OwnCouncilAsync(cancellationToken) is not { } council)
        {
            return NotFound();
        }

        Council = council;
        Settings = (await register.SettingsAsync([council.Id], cancellationToken))[council.Id];
        AreaChoices = Choices.WithPrompt("Select the area", (await register.AreasAsync(cancellationToken)).Select(a => new SelectListItem(a.Name, a.Code)));
        if (id is { } existing)
        {
            Provision = await register.FindAsync(existing, cancellationToken);
            if (Provision is null)
            {
                return NotFound();
            }

            if (!register.IsOwn(Provision))
            {
                return Forbid();
            }
        }

        return null;
    }

    public sealed class ChangeInput
    {
        public DateInput From { get; set; } = new();

        public string? Places { get; set; }

        public string? Note { get; set; }

        public bool IsBlank => From.IsEmpty && string.IsNullOrWhiteSpace(Places) && string.IsNullOrWhiteSpace(Note);
    }

    /// <summary>The form's fields, in the order they appear (the error summary follows it).</summary>
    public sealed class ProvisionInput
    {
        public string? Name { get; set; }

        public string? Urn { get; set; }

        public string? Kind { get; set; }

        public string? AreaCode { get; set; }

        public string? Latitude { get; set; }

        public string? Longitude { get; set; }

        public string? AgeFrom { get; set; }

        public string? AgeTo { get; set; }

        public string? CommissionedPlaces { get; set; }

        public string? PhysicalPlaces { get; set; }

        public List<string> Needs { get; set; } = [];

        public string? AnnualCostPerPlace { get; set; }

        public DateInput Opens { get; set; } = new();

        public DateInput Closes { get; set; } = new();

        public List<ChangeInput> PlannedChanges { get; set; } = [];

        public string? Notes { get; set; }

        public Guid Version { get; set; }

        public static ProvisionInput New(RegisterCouncil council) => new()
        {
            AreaCode = council.OnsCode,
            PlannedChanges = NumberInput.Compact<ChangeInput>([], _ => true, Rows),
        };

        public static ProvisionInput From(Provision p) => new()
        {
            Name = p.Name,
            Urn = p.Urn?.ToString(CultureInfo.InvariantCulture),
            Kind = p.Kind.ToString(),
            AreaCode = p.AreaCode,
            Latitude = p.Latitude.ToString(CultureInfo.InvariantCulture),
            Longitude = p.Longitude.ToString(CultureInfo.InvariantCulture),
            AgeFrom = p.AgeFrom.ToString(CultureInfo.InvariantCulture),
            AgeTo = p.AgeTo.ToString(CultureInfo.InvariantCulture),
            CommissionedPlaces = p.CommissionedPlaces.ToString(CultureInfo.InvariantCulture),
            PhysicalPlaces = p.PhysicalPlaces.ToString(CultureInfo.InvariantCulture),
            Needs = p.Needs.Select(n => n.Code()).ToList(),
            AnnualCostPerPlace = p.AnnualCostPerPlace is { } cost ? AmountInput.Write(cost) : null,
            Opens = DateInput.From(p.Opens),
            Closes = DateInput.From(p.Closes),
            PlannedChanges = NumberInput.Compact(
                p.PlannedChanges.Select(c => new ChangeInput { From = DateInput.From(c.From), Places = c.Places.ToString(CultureInfo.InvariantCulture), Note = c.Note }),
                _ => false,
                Math.Max(Rows, p.PlannedChanges.Count + 1)),
            Notes = p.Notes,
            Version = p.Version,
        };

        /// <summary>The details entered; anything that is not a number or a date adds its error against its field and counts as not entered.</summary>
        public ProvisionDetails ToDetails(ModelStateDictionary modelState)
        {
            int? Whole(string? text, string field, string error)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                if (int.TryParse(text.Trim().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                modelState.AddModelError($"Input.{field}", error);
                return null;
            }

            double? Degrees(string? text, string field, string error)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                modelState.AddModelError($"Input.{field}", error);
                return null;
            }

            var changes = new List<PlannedChange>();
            foreach (var (row, i) in PlannedChanges.Select((c, i) => (c, i)).Where(x => !x.c.IsBlank))
            {
                var from = row.From.Read(modelState, $"Input.PlannedChanges[{i}].From", $"Planned change {i + 1}'s date");
                if (row.From.IsEmpty)
                {
                    modelState.AddModelError($"Input.PlannedChanges[{i}].From", $"Planned change {i + 1}: enter the date it starts, like 1 9 2027");
                }

                var places = Whole(row.Places, $"PlannedChanges[{i}].Places", $"Planned change {i + 1}: enter the places added, like 24, or removed, like -12");
                if (string.IsNullOrWhiteSpace(row.Places))
                {
                    modelState.AddModelError($"Input.PlannedChanges[{i}].Places", $"Planned change {i + 1}: enter the places added, like 24, or removed, like -12");
                }

                if (from is { } date && places is { } number)
                {
                    changes.Add(new PlannedChange(date, number, string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim()));
                }
            }

            foreach (var code in Needs.Where(n => Core.Sufficiency.Needs.Parse(n) is null))
            {
                modelState.AddModelError("Input.Needs", $"Unknown need code \"{code}\": select among {Core.Sufficiency.Needs.Codes}");
            }

            return new ProvisionDetails(
                Whole(Urn, "Urn", "A URN is 6 digits, like 106151"),
                Name,
                Kind is null ? null : Choices.ReadEnum<ProvisionKind>(Kind) ?? 0,
                AreaCode,
                null,
                Degrees(Latitude, "Latitude", "Enter the latitude as a number of degrees, like 53.41"),
                Degrees(Longitude, "Longitude", "Enter the longitude as a number of degrees, like -2.16"),
                Whole(AgeFrom, "AgeFrom", "Enter the youngest age as a whole number, like 4"),
                Whole(AgeTo, "AgeTo", "Enter the oldest age as a whole number, like 19"),
                Whole(CommissionedPlaces, "CommissionedPlaces", "Enter the commissioned places as a whole number, like 120"),
                Whole(PhysicalPlaces, "PhysicalPlaces", "Enter the physical places as a whole number, like 130"),
                Needs.Select(Core.Sufficiency.Needs.Parse).OfType<NeedType>().ToList(),
                AmountInput.Read(AnnualCostPerPlace, modelState, "Input.AnnualCostPerPlace", "The annual cost of a place"),
                Opens.Read(modelState, "Input.Opens", "Opening date"),
                Closes.Read(modelState, "Input.Closes", "Closing date"),
                changes,
                Notes);
        }
    }
}
