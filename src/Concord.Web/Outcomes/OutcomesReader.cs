using Concord.Core.Access;
using Concord.Core.Outcomes;
using Concord.Core.Programme;
using Concord.Core.PublicData;
using Concord.Data;
using Concord.Web.Finance;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Outcomes;

/// <summary>An option that aims to move an indicator.</summary>
public sealed record LinkedOption(Guid Id, string Title, Stage Stage);

/// <summary>
/// An indicator of a partnership's framework with each council's assessment (baseline, target,
/// values, latest rated, direction of travel), in the partnership's order of councils.
/// </summary>
public sealed record IndicatorView(
    Indicator Indicator,
    OutcomeTheme? Theme,
    IReadOnlyList<IndicatorAssessment> Councils,
    string? MeasureName,
    string? DatasetTitle,
    IReadOnlyList<LinkedOption> Options)
{
    public Guid Id => Indicator.Id;

    /// <summary>Every council's values, in period order.</summary>
    public IReadOnlyList<OutcomeReading> Readings =>
        Councils.SelectMany(c => c.Readings).OrderBy(r => r.PeriodEnd).ThenBy(r => r.Period, StringComparer.Ordinal).ToList();

    /// <summary>The periods with a value for any council, in order.</summary>
    public IReadOnlyList<string> Periods => Readings.Select(r => r.Period).Distinct().ToList();

    public IndicatorAssessment Of(Guid authorityId) => Councils.Single(c => c.AuthorityId == authorityId);

    /// <summary>Where its values come from, in words.</summary>
    public string ValuesFrom => Indicator.Mapping is { } mapping
        ? DatasetTitle is null && MeasureName is null
            ? $"Imported from {mapping.Describe()}"
            : $"Imported from {DatasetTitle ?? mapping.Dataset}: {MeasureName ?? mapping.Measure} ({mapping.Describe()})"
        : "Entered or uploaded by each council";

    public string Format(decimal value) => Infrastructure.ValueFormat.WithUnit(value, Indicator.Unit);
}

/// <summary>A partnership's outcomes framework: its themes in order, and every indicator of its library assessed.</summary>
public sealed record FrameworkView(PartnershipView Partnership, IReadOnlyList<OutcomeTheme> Themes, IReadOnlyList<IndicatorView> Indicators, IReadOnlyList<DatasetImport> Sources)
{
    public Guid PartnershipId => Partnership.PartnershipId;

    /// <summary>The theme's indicators, by name.</summary>
    public IReadOnlyList<IndicatorView> In(OutcomeTheme theme) =>
        Indicators.Where(i => i.Indicator.ThemeId == theme.Id).OrderBy(i => i.Indicator.Name, StringComparer.Ordinal).ToList();

    /// <summary>Indicators of the library not yet in a theme.</summary>
    public IReadOnlyList<IndicatorView> NotInFramework => Indicators.Where(i => i.Indicator.ThemeId is null).ToList();

    public IndicatorView? Find(Guid indicatorId) => Indicators.FirstOrDefault(i => i.Id == indicatorId);
}

/// <summary>An indicator of the library with the names of its partnership and theme.</summary>
public sealed record LibraryEntry(Indicator Indicator, string Partnership, string? Theme);

/// <summary>
/// Reads and writes the outcomes framework for pages and the API alike, through the signed-in
/// person's scoped database context: only the partnership's members see it. A mapped indicator's
/// values are read from the imported published statistics each time, never copied.
/// </summary>
public sealed class OutcomesReader(ConcordDbContext db, IUserContext user, TimeProvider clock)
{
    public Actor Actor => new(user.UserId, user.DisplayName, user.ActiveAuthorityId, clock.GetUtcNow());

    public Guid? WorkingFor => user.ActiveAuthorityId;

    public async Task<PartnershipView?> PartnershipAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await db.Partnerships.SingleOrDefaultAsync(p => p.Id == partnershipId, cancellationToken) is { } partnership ? new PartnershipView(partnership) : null;

    /// <summary>The partnerships the council worked for belongs to, by name.</summary>
    public async Task<IReadOnlyList<PartnershipView>> PartnershipsAsync(CancellationToken cancellationToken) =>
        (await db.Partnerships.ToListAsync(cancellationToken)).Select(p => new PartnershipView(p)).OrderBy(p => p.Partnership.Name, StringComparer.Ordinal).ToList();

    /// <summary>Every indicator the council worked for may see, by partnership and name.</summary>
    public async Task<IReadOnlyList<LibraryEntry>> LibraryAsync(CancellationToken cancellationToken)
    {
        var partnerships = await db.Partnerships.ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var themes = await db.OutcomeThemes.ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return (await db.Indicators.ToListAsync(cancellationToken))
            .Where(i => partnerships.ContainsKey(i.PartnershipId))
            .Select(i => new LibraryEntry(i, partnerships[i.PartnershipId], i.ThemeId is { } t ? themes.GetValueOrDefault(t) : null))
            .OrderBy(e => e.Partnership, StringComparer.Ordinal).ThenBy(e => e.Indicator.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The partnership's framework, or nothing if the council worked for is not a member.</summary>
    public async Task<FrameworkView?> FrameworkAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await PartnershipAsync(partnershipId, cancellationToken) is not { } partnership)
        {
            return null;
        }

        var themes = (await db.OutcomeThemes.Where(t => t.PartnershipId == partnershipId).ToListAsync(cancellationToken)).OrderBy(t => t.Position).ToList();
        var indicators = await db.Indicators.Where(i => i.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var targets = await db.OutcomeTargets.Where(t => t.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var entered = await db.OutcomeValues.Where(v => v.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var options = await db.OptionIndicators.Where(l => l.PartnershipId == partnershipId)
            .Join(db.Options, l => l.OptionId, o => o.Id, (l, o) => new { l.IndicatorId, Option = new LinkedOption(o.Id, o.Title, o.Stage) })
            .ToListAsync(cancellationToken);
        var published = await PublishedAsync(partnership, indicators, cancellationToken);

        var views = indicators.Select(indicator =>
        {
            var readings = indicator.Mapping is { } mapping
                ? PublishedReadings.Read(mapping, published.Rows, published.Councils, published.Imports.GetValueOrDefault(mapping.Dataset)?.Title ?? mapping.Dataset)
                : entered.Where(v => v.IndicatorId == indicator.Id).Select(v => OutcomeReading.From(v, $"Entered by {v.RecordedBy}")).ToList();
            var councils = partnership.Members.Select(council => IndicatorAssessment.Of(indicator, council,
                targets.FirstOrDefault(t => t.IndicatorId == indicator.Id && t.AuthorityId == council), readings)).ToList();
            return new IndicatorView(indicator, themes.FirstOrDefault(t => t.Id == indicator.ThemeId), councils,
                indicator.Mapping is { } m ? published.Measures.GetValueOrDefault((m.Dataset, m.Measure)) : null,
                indicator.Mapping is { } d ? published.Imports.GetValueOrDefault(d.Dataset)?.Title : null,
                options.Where(o => o.IndicatorId == indicator.Id).Select(o => o.Option).OrderBy(o => o.Title, StringComparer.Ordinal).ToList());
        }).OrderBy(v => v.Indicator.Name, StringComparer.Ordinal).ToList();
        return new FrameworkView(partnership, themes, views, published.Imports.Values.OrderBy(i => i.Title, StringComparer.Ordinal).ToList());
    }

    /// <summary>The indicator with its partnership's framework, or nothing if the council worked for may not see it.</summary>
    public async Task<(IndicatorView Indicator, FrameworkView Framework)?> IndicatorAsync(Guid id, CancellationToken cancellationToken)
    {
        var partnershipId = await db.Indicators.Where(i => i.Id == id).Select(i => (Guid?)i.PartnershipId).SingleOrDefaultAsync(cancellationToken);
        return partnershipId is { } p && await FrameworkAsync(p, cancellationToken) is { } framework && framework.Find(id) is { } indicator
            ? (indicator, framework)
            : null;
    }

    private sealed record Published(
        List<PublishedStatistic> Rows,
        IReadOnlyDictionary<string, Guid> Councils,
        IReadOnlyDictionary<string, DatasetImport> Imports,
        IReadOnlyDictionary<(string Dataset, string Code), string> Measures);

    /// <summary>The imported rows, dataset titles and measure names that the framework's mapped indicators read, for its councils only.</summary>
    private async Task<Published> PublishedAsync(PartnershipView partnership, IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken)
    {
        var councils = partnership.Partnership.Members.ToDictionary(m => m.Authority!.OnsCode, m => m.AuthorityId, StringComparer.Ordinal);
        var mappings = indicators.Select(i => i.Mapping).OfType<StatisticMapping>().ToList();
        if (mappings.Count == 0)
        {
            return new Published([], councils, new Dictionary<string, DatasetImport>(), new Dictionary<(string, string), string>());
        }

        var datasets = mappings.Select(m => m.Dataset).Distinct().ToList();
        var codes = councils.Keys.ToList();
        var measures = mappings.Select(m => m.Measure).Distinct().ToList();
        var rows = await db.PublishedStatistics.AsNoTracking().Where(s => datasets.Contains(s.Dataset) && codes.Contains(s.AreaCode)).ToListAsync(cancellationToken);
        var imports = await db.DatasetImports.Where(d => datasets.Contains(d.Dataset)).ToDictionaryAsync(d => d.Dataset, cancellationToken);
        var names = (await db.PublishedMeasures.Where(m => datasets.Contains(m.Dataset) && measures.Contains(m.Code)).ToListAsync(cancellationToken))
            .ToDictionary(m => (m.Dataset, m.Code), m => m.Name);
        return new Published(rows, councils, imports, names);
    }

    /// <summary>The measure codes of the dataset's imported dictionary, or null when it has none (a mapping to it cannot be checked yet).</summary>
    public async Task<IReadOnlySet<string>?> KnownMeasuresAsync(string? dataset, CancellationToken cancellationToken)
    {
        var name = dataset?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var codes = await db.PublishedMeasures.Where(m => m.Dataset == name).Select(m => m.Code).ToListAsync(cancellationToken);
        return codes.Count == 0 ? null : codes.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A new indicator in the partnership's library, placed in a theme when one is chosen (not yet saved).</summary>
    public async Task<Indicator> CreateAsync(FrameworkView framework, IndicatorDetails details, Guid? themeId, CancellationToken cancellationToken)
    {
        var known = await KnownMeasuresAsync(details.MappedDataset, cancellationToken);
        var violations = new List<Core.RuleViolation>();
        Indicator? indicator = null;
        Collect(violations, () => indicator = Indicator.Create(framework.PartnershipId, details, framework.Indicators.Select(i => i.Indicator.Name), known));
        var theme = Collect(violations, () => ThemeOf(framework, themeId));
        Core.RuleViolationException.ThrowIfAny(violations);
        indicator!.PlaceIn(theme);
        db.Indicators.Add(indicator);
        return indicator;
    }

    /// <summary>Changes an indicator made against <paramref name="version"/> (not yet saved).</summary>
    public async Task ChangeAsync(FrameworkView framework, Indicator indicator, IndicatorDetails details, Guid version, CancellationToken cancellationToken)
    {
        var known = await KnownMeasuresAsync(details.MappedDataset, cancellationToken);
        indicator.Change(details, framework.Indicators.Where(i => i.Id != indicator.Id).Select(i => i.Indicator.Name), known);
        db.ExpectVersion(indicator, version);
        db.Touch(indicator);
    }

    /// <summary>Adds a theme at the end of the framework (not yet saved).</summary>
    public OutcomeTheme AddTheme(FrameworkView framework, string? name, string? description)
    {
        var theme = OutcomeTheme.Create(framework.PartnershipId, name, description, framework.Themes);
        db.OutcomeThemes.Add(theme);
        return theme;
    }

    /// <summary>Places an indicator in a theme of its framework, or takes it out with null (not yet saved).</summary>
    public void Place(FrameworkView framework, Indicator indicator, Guid? themeId)
    {
        indicator.PlaceIn(ThemeOf(framework, themeId));
        db.Touch(indicator);
    }

    /// <summary>Sets the council's baseline and target; a change of one already set must name the version read (not yet saved).</summary>
    public OutcomeTarget SetTarget(FrameworkView framework, IndicatorView indicator, Guid authorityId, TargetDetails details, Guid? version)
    {
        var existing = framework.Find(indicator.Id)?.Councils.FirstOrDefault(c => c.AuthorityId == authorityId)?.Target;
        var target = OutcomeTarget.Set(indicator.Indicator, authorityId, existing, details, framework.Partnership.Members, user.ActiveAuthorityId);
        if (existing is null)
        {
            db.OutcomeTargets.Add(target);
        }
        else
        {
            db.ExpectVersion(existing, Api.ConcordApi.RequireVersion(version));
            db.Touch(existing);
        }

        return target;
    }

    /// <summary>Records the council's value for a period, replacing the value for the same period end (not yet saved).</summary>
    public OutcomeValue Record(FrameworkView framework, IndicatorView indicator, Guid authorityId, ValueDetails details)
    {
        // The framework's values are tracked since it was read, with any recorded since: the same period end is replaced.
        var value = OutcomeValue.Record(indicator.Indicator, authorityId, framework.Partnership.Members, db.OutcomeValues.Local, details, Actor);
        if (db.Entry(value).State == EntityState.Detached)
        {
            db.OutcomeValues.Add(value);
        }

        return value;
    }

    /// <summary>The option's links to indicators, and the partnership's library to choose from.</summary>
    public async Task<(IReadOnlyList<OptionIndicator> Links, IReadOnlyList<Indicator> Library)> LinksAsync(Option option, CancellationToken cancellationToken) =>
        (await db.OptionIndicators.Where(l => l.OptionId == option.Id).ToListAsync(cancellationToken),
         (await db.Indicators.Where(i => i.PartnershipId == option.PartnershipId).ToListAsync(cancellationToken)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList());

    /// <summary>Makes the option aim to move exactly the chosen indicators (not yet saved).</summary>
    public async Task ChooseAsync(Option option, IReadOnlyCollection<Guid> indicatorIds, CancellationToken cancellationToken)
    {
        var (links, library) = await LinksAsync(option, cancellationToken);
        var (added, removed) = OptionIndicator.Choose(option, links, indicatorIds, library);
        db.OptionIndicators.AddRange(added);
        db.OptionIndicators.RemoveRange(removed);
    }

    private static OutcomeTheme? ThemeOf(FrameworkView framework, Guid? themeId) =>
        themeId is not { } id ? null
        : framework.Themes.FirstOrDefault(t => t.Id == id) ?? throw new Core.RuleViolationException([new("ThemeId", "Select one of the framework's themes")]);

    private static T? Collect<T>(List<Core.RuleViolation> violations, Func<T?> make)
    {
        try
        {
            return make();
        }
        catch (Core.RuleViolationException broken)
        {
            violations.AddRange(broken.Violations);
            return default;
        }
    }
}
