using Concord.Core;
using Concord.Core.Programme;
using Concord.Data;
using Concord.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Programme;

/// <summary>Which risks a log shows: the programme's own, every risk, or one option's.</summary>
public enum RiskLogKind
{
    Programme = 1,
    All = 2,
    Option = 3,
}

/// <summary>One row of a risk log, with the names it shows beside the risk.</summary>
public sealed record RiskRow(Risk Risk, string? OptionTitle, string Affects, bool ReviewOverdue);

/// <summary>A risk log as a page or a download shows it: which log, its rows, and its heat map.</summary>
public sealed record RiskLogView(RiskLogKind Kind, Option? Option, IReadOnlyList<Option> Options, IReadOnlyList<RiskRow> Rows)
{
    /// <summary>Open risks by current likelihood and impact, indexed [likelihood - 1, impact - 1].</summary>
    public int[,] HeatMap => RiskMatrix.Count(Rows.Select(r => r.Risk));

    public string Title => Kind switch
    {
        RiskLogKind.All => "All risks",
        RiskLogKind.Option => $"Risks: {Option!.Title}",
        _ => "Programme risk log",
    };

    /// <summary>The query that shows this log again ("?optionId=…", "?log=all" or nothing).</summary>
    public string Query => Kind switch
    {
        RiskLogKind.All => "log=all",
        RiskLogKind.Option => $"optionId={Option!.Id}",
        _ => string.Empty,
    };

    /// <summary>A download's file name without its extension: risk-log, risk-log-all, or risk-log- and the option's title.</summary>
    public string FileName => Kind switch
    {
        RiskLogKind.All => "risk-log-all",
        RiskLogKind.Option => $"risk-log-{Slug(Option!.Title)}",
        _ => "risk-log",
    };

    private static string Slug(string text)
    {
        var slug = new string(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        slug = slug.Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }
}

/// <summary>
/// Reads and adds the programme's risks for the risk pages and the API alike, through the
/// signed-in person's scoped database context.
/// </summary>
public sealed class RiskReader(ConcordDbContext db, ProgrammeReader reader)
{
    /// <summary>
    /// A log of the programme: one option's risks (<paramref name="optionId"/>), every risk
    /// (<paramref name="all"/>), or by default the programme's own log. Null when the option is not
    /// one of the programme's.
    /// </summary>
    public async Task<RiskLogView?> LogAsync(ProgrammeView view, Guid? optionId, bool all, CancellationToken cancellationToken)
    {
        var options = await reader.OptionsAsync(view, cancellationToken);
        Option? option = null;
        if (optionId is { } id && (option = options.FirstOrDefault(o => o.Id == id)) is null)
        {
            return null;
        }

        var risks = await db.Risks.Where(r => r.ProgrammeId == view.Programme.Id).ToListAsync(cancellationToken);
        var kind = option is not null ? RiskLogKind.Option : all ? RiskLogKind.All : RiskLogKind.Programme;
        var shown = kind switch
        {
            RiskLogKind.Option => risks.Where(r => r.OptionId == option!.Id),
            RiskLogKind.All => risks,
            _ => risks.Where(r => r.OnProgrammeLog),
        };
        var titles = options.ToDictionary(o => o.Id, o => o.Title);
        var rows = shown
            .OrderBy(r => r.Number)
            .Select(r => new RiskRow(r, r.OptionId is { } o ? titles.GetValueOrDefault(o) : null, Affects(r, view), r.IsReviewOverdue(reader.Today)))
            .ToList();
        return new RiskLogView(kind, option, options, rows);
    }

    /// <summary>A risk with its score history, or nothing if the signed-in council may not see it.</summary>
    public Task<Risk?> RiskAsync(Guid id, CancellationToken cancellationToken) =>
        db.Risks.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<string?> OptionTitleAsync(Risk risk, CancellationToken cancellationToken) =>
        risk.OptionId is { } id ? await db.Options.Where(o => o.Id == id).Select(o => o.Title).SingleOrDefaultAsync(cancellationToken) : null;

    /// <summary>
    /// Identifies a new risk of the programme, or of one of its options, with the next reference;
    /// it is saved with the context's next save.
    /// </summary>
    public async Task<Risk> IdentifyAsync(ProgrammeView view, Guid? optionId, RiskDetails details, CancellationToken cancellationToken)
    {
        if (optionId is { } id && !await db.Options.AnyAsync(o => o.Id == id && o.ProgrammeId == view.Programme.Id, cancellationToken))
        {
            throw new RuleViolationException([new RuleViolation("OptionId", "Select one of the programme's options")]);
        }

        var references = await db.Risks.Where(r => r.ProgrammeId == view.Programme.Id).Select(r => r.Reference).ToListAsync(cancellationToken);
        var risk = Risk.Create(view.Programme, Risk.NextNumber(references), optionId, details, view.Members, reader.Actor);
        db.Risks.Add(risk);
        return risk;
    }

    /// <summary>Whom a risk affects, in words: "Every participating council", "Tameside only".</summary>
    public static string Affects(Risk risk, ProgrammeView view) =>
        risk.Scope == RiskScope.OneCouncil ? $"{view.NameOf(risk.AffectedAuthorityId)} only" : risk.Scope.Display();

    /// <summary>The columns of the risk log's CSV and Excel downloads, in the councils' order: risk, implication, planned action.</summary>
    public static readonly IReadOnlyList<ExportColumn<RiskRow>> Columns =
    [
        new("Reference", r => r.Risk.Reference),
        new("Risk", r => r.Risk.Title),
        new("Implication", r => r.Risk.Implication),
        new("Cause", r => r.Risk.Cause),
        new("Planned action to explore and mitigate", r => r.Risk.Mitigation),
        new("Owner", r => r.Risk.Owner),
        new("Option", r => r.OptionTitle ?? "Programme"),
        new("Affects", r => r.Affects),
        new("Inherent likelihood", r => r.Risk.InherentLikelihood),
        new("Inherent impact", r => r.Risk.InherentImpact),
        new("Inherent score", r => r.Risk.Inherent.Value),
        new("Inherent rating", r => r.Risk.Inherent.Rating.ToString()),
        new("Current likelihood", r => r.Risk.CurrentLikelihood),
        new("Current impact", r => r.Risk.CurrentImpact),
        new("Current score", r => r.Risk.Current.Value),
        new("Current rating", r => r.Risk.Current.Rating.ToString()),
        new("Target likelihood", r => r.Risk.TargetLikelihood),
        new("Target impact", r => r.Risk.TargetImpact),
        new("Target score", r => r.Risk.Target.Value),
        new("Target rating", r => r.Risk.Target.Rating.ToString()),
        new("Review date", r => r.Risk.ReviewDate),
        new("Review overdue", r => r.ReviewOverdue ? "Yes" : "No"),
        new("Status", r => r.Risk.Status.ToString()),
        new("Escalated to the programme", r => r.Risk.EscalatedAt is { } at ? Formats.UkDate(at) : null),
        new("Escalation reason", r => r.Risk.EscalationReason),
    ];
}
