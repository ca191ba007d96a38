using System.Globalization;
using Concord.Core;
using Concord.Core.Finance;
using Concord.Data;
using Concord.Web.Finance;
using Concord.Web.Infrastructure.Forms;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concord.Web.Pages.SharedPosts;

/// <summary>Adds a shared post (/partnerships/{partnershipId}/shared-posts/new) or changes one (/shared-posts/{id}/edit).</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(SharedPostReader reader, ConcordDbContext db) : FinancePageModel(reader)
{
    public override string Section => "Shared posts";

    public static readonly IReadOnlyList<SelectListItem> ArrangementChoices = Choices.Of<PostArrangement>(a => a.Display());

    public static readonly IReadOnlyList<SelectListItem> MethodChoices = Choices.Of<ApportionmentMethod>(m => m.Display());

    public static readonly IReadOnlyList<SelectListItem> DriverChoices = Choices.WithPrompt("Select a measure", Choices.Of<ApportionmentDriver>(d => d.Display()));

    public static readonly IReadOnlyList<SelectListItem> FundingChoices = Choices.WithPrompt("Not recorded", Choices.Of<FundingSource>(f => f.Display()));

    [BindProperty]
    public PostInput Input { get; set; } = new();

    public SharedPost? Post { get; private set; }

    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    /// <summary>Each driver with the years for which every council has a measure, for the hint.</summary>
    public IReadOnlyList<DriverYear> Drivers { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Councils => View.Councils.Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToList();

    public IReadOnlyList<SelectListItem> EmployerChoices => Choices.WithPrompt("Select the employing council", Councils);

    public IReadOnlyList<SelectListItem> AgreementChoices =>
        [new SelectListItem("Not under an agreement", string.Empty), .. Agreements.Select(a => new SelectListItem($"{a.Title} ({a.Status.Display().ToLowerInvariant()})", a.Id.ToString()))];

    public string BackHref => Post is null ? $"/partnerships/{View.Id}/shared-posts" : $"/shared-posts/{Post.Id}";

    public async Task<IActionResult> OnGetAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(partnershipId, id, cancellationToken))
        {
            return NotFound();
        }

        Input = Post is null ? PostInput.New(View) : PostInput.From(Post);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(partnershipId, id, cancellationToken))
        {
            return NotFound();
        }

        var details = Input.ToDetails(ModelState);
        var rule = Input.ToRuleChoice(ModelState);
        return await SaveAsync(
            db,
            change: () => Reader.SaveAsync(View, Post, details, rule, Input.Version, cancellationToken),
            saved: saved =>
            {
                Notify($"{saved.Title} is saved.");
                return Redirect($"/shared-posts/{saved.Id}");
            },
            showLatest: async () =>
            {
                var latest = await Reader.PostAsync(id ?? Guid.Empty, cancellationToken);
                Input = latest is null ? Input : PostInput.From(latest);
                return latest is not null;
            },
            "shared post",
            cancellationToken);
    }

    private async Task<bool> FindAsync(Guid? partnershipId, Guid? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            Post = await Reader.PostAsync(id.Value, cancellationToken);
            partnershipId = Post?.PartnershipId;
        }

        if ((id is not null && Post is null) || !await LoadPartnershipAsync(partnershipId ?? Guid.Empty, cancellationToken))
        {
            return false;
        }

        Agreements = await Reader.AgreementsAsync(View.Id, cancellationToken);
        Drivers = SharedPostReader.CompleteDrivers(View, await Reader.MeasuresAsync(View.Id, cancellationToken));
        return true;
    }

    /// <summary>The form's fields, in the order they appear (the error summary follows it).</summary>
    public sealed class PostInput
    {
        public string? Title { get; set; }

        public string? Arrangement { get; set; }

        public string? EmployingAuthorityId { get; set; }

        public List<string> ServedAuthorityIds { get; set; } = [];

        public string? Holder { get; set; }

        public string? Fte { get; set; }

        public DateInput Start { get; set; } = new();

        public DateInput InitialTermEnds { get; set; } = new();

        public DateInput End { get; set; } = new();

        /// <summary>One date a line, like 1/9/2026.</summary>
        public string? ReviewDates { get; set; }

        public string? Salary { get; set; }

        public string? OnCosts { get; set; }

        public string? OtherCosts { get; set; }

        /// <summary>Each council's funding source, by the council's id.</summary>
        public Dictionary<string, string?> Funding { get; set; } = [];

        public string? AgreementId { get; set; }

        public string? RuleMethod { get; set; }

        /// <summary>Each council's fixed percentage, by the council's id.</summary>
        public Dictionary<string, string?> RuleShares { get; set; } = [];

        public string? RuleDriver { get; set; }

        public string? RuleDriverYear { get; set; }

        public Guid Version { get; set; }

        public static PostInput New(PartnershipView view) => new()
        {
            ServedAuthorityIds = view.Members.Select(m => m.ToString()).ToList(),
            Fte = "1",
            RuleMethod = nameof(ApportionmentMethod.EqualShares),
        };

        public static PostInput From(SharedPost p) => new()
        {
            Title = p.Title,
            Arrangement = p.Arrangement.ToString(),
            EmployingAuthorityId = p.EmployingAuthorityId.ToString(),
            ServedAuthorityIds = p.ServedAuthorityIds.Select(s => s.ToString()).ToList(),
            Holder = p.Holder,
            Fte = p.Fte.ToString("0.###", CultureInfo.InvariantCulture),
            Start = DateInput.From(p.Start),
            InitialTermEnds = DateInput.From(p.InitialTermEnds),
            End = DateInput.From(p.End),
            ReviewDates = string.Join('\n', p.ReviewDates.Select(d => d.ToString("d/M/yyyy", CultureInfo.InvariantCulture))),
            Salary = Write(p.Salary),
            OnCosts = Write(p.OnCosts),
            OtherCosts = Write(p.OtherCosts),
            Funding = p.Funding.ToDictionary(f => f.AuthorityId.ToString(), f => (string?)f.Source.ToString()),
            AgreementId = p.AgreementId?.ToString(),
            RuleMethod = p.Rule.Method.ToString(),
            RuleShares = p.Rule.Method == ApportionmentMethod.FixedPercentages
                ? p.Rule.Shares.ToDictionary(s => s.AuthorityId.ToString(), s => (string?)s.Value.ToString("0.##", CultureInfo.InvariantCulture))
                : [],
            RuleDriver = p.Rule.Driver?.ToString(),
            RuleDriverYear = p.Rule.DriverYear?.ToString(CultureInfo.InvariantCulture),
            Version = p.Version,
        };

        public SharedPostDetails ToDetails(ModelStateDictionary modelState) => new(
            Title,
            Arrangement is null ? null : Choices.ReadEnum<PostArrangement>(Arrangement) ?? (PostArrangement)0,
            Choices.ReadGuid(EmployingAuthorityId),
            ServedAuthorityIds.Select(Choices.ReadGuid).OfType<Guid>().ToList(),
            Holder,
            AmountInput.ReadNumber(Fte, modelState, "Input.Fte", "FTE must be a number, like 0.5 or 1"),
            Start.Read(modelState, "Input.Start", "Start date"),
            InitialTermEnds.Read(modelState, "Input.InitialTermEnds", "End of the initial term"),
            End.Read(modelState, "Input.End", "End date"),
            Dates(modelState),
            Amount(Salary, modelState, "Input.Salary", "The salary"),
            Amount(OnCosts, modelState, "Input.OnCosts", "The on-costs"),
            Amount(OtherCosts, modelState, "Input.OtherCosts", "The other costs"),
            Funding.Where(f => !string.IsNullOrEmpty(f.Value) && Choices.ReadGuid(f.Key) is not null)
                .Select(f => new PostFunding(Guid.Parse(f.Key), Choices.ReadEnum<FundingSource>(f.Value) ?? (FundingSource)0, null)).ToList(),
            Choices.ReadGuid(AgreementId),
            ApportionmentRule.Equal);

        public RuleChoice ToRuleChoice(ModelStateDictionary modelState)
        {
            var method = RuleMethod is null ? (ApportionmentMethod?)null : Choices.ReadEnum<ApportionmentMethod>(RuleMethod) ?? (ApportionmentMethod)0;
            var served = ServedAuthorityIds.Select(Choices.ReadGuid).OfType<Guid>().ToHashSet();
            var percentages = new List<AuthorityShare>();
            if (method == ApportionmentMethod.FixedPercentages)
            {
                foreach (var (key, text) in RuleShares.Where(s => Choices.ReadGuid(s.Key) is { } id && served.Contains(id)))
                {
                    if (AmountInput.ReadNumber(text, modelState, "Input.RuleShares", "Enter each percentage as a number, like 50") is { } value)
                    {
                        percentages.Add(new AuthorityShare(Guid.Parse(key), value));
                    }
                }
            }

            int? year = int.TryParse(RuleDriverYear, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
            return new RuleChoice(method, percentages, Choices.ReadEnum<ApportionmentDriver>(RuleDriver), year);
        }

        private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "d M yyyy"];

        /// <summary>The review dates, one a line; a line that is not a real date is named in the error.</summary>
        private List<DateOnly> Dates(ModelStateDictionary modelState)
        {
            var dates = new List<DateOnly>();
            var lines = (ReviewDates ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            foreach (var line in lines)
            {
                if (DateOnly.TryParseExact(line, DateFormats, Formats.UkCulture, DateTimeStyles.None, out var date))
                {
                    dates.Add(date);
                }
                else
                {
                    modelState.AddModelError("Input.ReviewDates", $"Review date \u201c{line}\u201d must be a real date, like 1/9/2026");
                }
            }

            return dates;
        }

        private static decimal? Amount(string? text, ModelStateDictionary modelState, string key, string label) =>
            AmountInput.ReadNumber(text, modelState, key, $"{label} must be an amount of money, like 62000 or 62,000.50");

        private static string Write(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
