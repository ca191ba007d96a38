using Concord.Core.Access;
using Concord.Core.Governance;

namespace Concord.Core.Programme;

/// <summary>The editable sections of a committee report, in the councils' structure.</summary>
public sealed record ReportSections(
    string? Title,
    string? Purpose,
    string? Background,
    string? Information,
    string? Financial,
    string? Legal,
    string? HumanResources,
    string? Equalities,
    string? Recommendations,
    string? OfficerName,
    string? OfficerJobTitle,
    string? OfficerEmail,
    string? OfficerPhone);

/// <summary>
/// A council's report to one of its own committees about the programme or one option. Its text
/// is the council's to edit; its risks and milestones tables are generated from live data each
/// time it is downloaded. A council's own record until it publishes the report.
/// </summary>
public sealed class CommitteeReport : Entity, IAuthorityOwned
{
    public const int MaxSectionLength = 20000;

    public Guid AuthorityId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid GovernanceBodyId { get; private set; }

    public string CommitteeName { get; private set; } = string.Empty;

    public DateOnly MeetingDate { get; private set; }

    /// <summary>The option reported on, or none for the whole programme.</summary>
    public Guid? OptionId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Purpose { get; private set; } = string.Empty;

    public string Background { get; private set; } = string.Empty;

    public string Information { get; private set; } = string.Empty;

    public string Financial { get; private set; } = string.Empty;

    public string Legal { get; private set; } = string.Empty;

    public string HumanResources { get; private set; } = string.Empty;

    public string Equalities { get; private set; } = string.Empty;

    public string Recommendations { get; private set; } = string.Empty;

    public string OfficerName { get; private set; } = string.Empty;

    public string OfficerJobTitle { get; private set; } = string.Empty;

    public string OfficerEmail { get; private set; } = string.Empty;

    public string? OfficerPhone { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    private CommitteeReport()
    {
    }

    public static CommitteeReport Draft(Guid authorityId, Guid partnershipId, GovernanceBody? committee, DateOnly? meetingDate, Guid? optionId, ReportSections sections, Actor actor)
    {
        var checks = new Checks();
        checks.Require(committee is not null && committee.AuthorityId == authorityId, "GovernanceBodyId", "Select one of your council's own committees");
        checks.ThrowIfAny();
        var report = new CommitteeReport
        {
            AuthorityId = authorityId,
            PartnershipId = partnershipId,
            GovernanceBodyId = committee!.Id,
            CommitteeName = committee.Name,
            OptionId = optionId,
        };
        report.Change(meetingDate, sections, actor);
        return report;
    }

    public void Change(DateOnly? meetingDate, ReportSections sections, Actor actor)
    {
        var checks = new Checks();
        var date = checks.Date("MeetingDate", meetingDate, "Enter the date of the committee meeting", "Meeting date");
        string Section(string field, string? text, string label) =>
            checks.Text(field, text, $"Enter the {label.ToLowerInvariant()} section", MaxSectionLength, label);
        var title = checks.Text("Title", sections.Title, "Enter the report's title", 300, "Title");
        var purpose = Section("Purpose", sections.Purpose, "Purpose");
        var background = Section("Background", sections.Background, "Background");
        var information = Section("Information", sections.Information, "Information");
        var financial = Section("Financial", sections.Financial, "Financial");
        var legal = Section("Legal", sections.Legal, "Legal");
        var hr = Section("HumanResources", sections.HumanResources, "HR");
        var equalities = Section("Equalities", sections.Equalities, "Equalities");
        var recommendations = Section("Recommendations", sections.Recommendations, "Recommendations");
        var officer = checks.Text("OfficerName", sections.OfficerName, "Enter the contact officer's name", 200, "Officer's name");
        var job = checks.Text("OfficerJobTitle", sections.OfficerJobTitle, "Enter the contact officer's job title", 200, "Job title");
        var email = checks.Text("OfficerEmail", sections.OfficerEmail, "Enter the contact officer's email address", 256, "Email address");
        checks.Require(email.Length == 0 || (email.Contains('@', StringComparison.Ordinal) && email.Contains('.', StringComparison.Ordinal)), "OfficerEmail",
            "Enter an email address in the correct format, like name@example.gov.uk");
        var phone = checks.OptionalText("OfficerPhone", sections.OfficerPhone, 50, "Telephone");
        checks.ThrowIfAny();

        MeetingDate = date;
        (Title, Purpose, Background, Information, Financial, Legal, HumanResources, Equalities, Recommendations) =
            (title, purpose, background, information, financial, legal, hr, equalities, recommendations);
        (OfficerName, OfficerJobTitle, OfficerEmail, OfficerPhone) = (officer, job, email, phone);
        (UpdatedAt, UpdatedBy) = (actor.At, actor.Name);
    }

    public ReportSections Sections => new(Title, Purpose, Background, Information, Financial, Legal, HumanResources, Equalities,
        Recommendations, OfficerName, OfficerJobTitle, OfficerEmail, OfficerPhone);
}

/// <summary>What a report's first draft is written from.</summary>
public sealed record ReportContext(
    string Authority,
    string Committee,
    string Partnership,
    SharedProgramme Programme,
    Option? Option,
    IReadOnlyList<Option> Options,
    IReadOnlyDictionary<Guid, string> AuthorityNames,
    IReadOnlyList<Decision> Decisions,
    Finance.CostBenefitAnalysis? CostBenefit = null);

/// <summary>
/// Writes the first draft of a committee report from the programme's live records, in the
/// councils' own structure, for the officer to edit.
/// </summary>
public static class ReportDrafting
{
    public static ReportSections Defaults(ReportContext context)
    {
        var option = context.Option;
        var partners = option is null
            ? context.AuthorityNames.Values.Where(n => n != context.Authority).Order(StringComparer.Ordinal).ToList()
            : option.ParticipantIds.Select(id => context.AuthorityNames.GetValueOrDefault(id, "a partner council")).Where(n => n != context.Authority).Order(StringComparer.Ordinal).ToList();
        var withPartners = partners.Count == 0 ? "its partners" : string.Join(" and ", partners);

        var title = option is null ? $"{context.Programme.Name}: progress report" : $"{option.Title}";
        var purpose = option is null
            ? $"To update the {context.Committee} on the progress of the {context.Programme.Name}, the shared services programme {context.Authority} runs with {withPartners}, and on the decisions each council has taken."
            : $"To ask the {context.Committee} to consider the proposal \u201c{option.Title}\u201d, developed with {withPartners} through the {context.Programme.Name}. The proposal is at {option.Stage.Display().ToLowerInvariant()}.";
        var background = string.Join("\n\n", new[]
        {
            context.Programme.Aim,
            $"{context.Authority} and {withPartners} work together through the {context.Partnership}. Each council remains a separate legal entity, keeps its own budget and statutory duties, and decides for itself through its own governance. The programme board advises; it does not decide.",
            "Options are appraised in three stages: formulation by a cross-authority workstream and presentation to the programme board; due diligence, including consultation and engagement and each council's own decision; and implementation, with continued scrutiny and regular reports.",
        }.OfType<string>());

        string information;
        if (option is null)
        {
            var lines = context.Options.OrderBy(o => o.Stage).ThenBy(o => o.Title, StringComparer.Ordinal)
                .Select(o => $"\u2022 {o.Title}: {o.Stage.Display()}{(o.IsProofOfConcept ? " (proof of concept)" : string.Empty)}.");
            information = $"The programme has {context.Options.Count} options:\n" + string.Join("\n", lines);
        }
        else
        {
            var benefits = option.Benefits.Select(b => b.Display()).Concat(option.OtherBenefits is null ? [] : [option.OtherBenefits]).ToList();
            var decisions = Decision.Latest(context.Decisions.Where(d => d.OptionId == option.Id)).Values
                .OrderBy(d => context.AuthorityNames.GetValueOrDefault(d.AuthorityId), StringComparer.Ordinal)
                .Select(d => $"\u2022 {context.AuthorityNames.GetValueOrDefault(d.AuthorityId)}: {d.Outcome.Display().ToLowerInvariant()} by {d.BodyName} on {Formats.Date(d.MeetingDate)}.")
                .ToList();
            information = string.Join("\n\n", new[]
            {
                option.Summary,
                benefits.Count == 0 ? null : "Expected benefits:\n" + string.Join("\n", benefits.Select(b => $"\u2022 {b}.")),
                decisions.Count == 0 ? "No council has decided on the proposal yet." : "Decisions so far:\n" + string.Join("\n", decisions),
            }.OfType<string>());
        }

        var financial = context.CostBenefit?.Summarise(context.AuthorityNames) ?? option?.FinancialConsiderations
            ?? "Each option's costs, savings and their split between the councils are set out in its cost-benefit analysis. Shared posts are funded within existing budgets.";
        var legal = option is null
            ? "Where an option needs one, a shared services agreement documents each council's contribution, the performance levels, risk-sharing and contingency arrangements."
            : string.Join("\n\n", new[] { option.LegalConsiderations, $"Shared services agreement: {option.AgreementNeed.Display().ToLowerInvariant()}." }.OfType<string>());
        var hr = option?.HrConsiderations ?? "Any effect on posts, TUPE transfers or the location of work is set out for each option, and trade unions are briefed before changes are proposed.";
        var equalities = option is null
            ? "Each option is screened for an Equality Impact Assessment; a full assessment is completed where screening shows one is needed."
            : $"Equality Impact Assessment: {option.Eqia.Display().ToLowerInvariant()}." + (option.EqiaNotes is null ? string.Empty : $"\n\n{option.EqiaNotes}");
        var recommendations = option is null
            ? $"The {context.Committee} is asked to:\n(a) note the progress of the programme and the risks set out in this report;\n(b) note the joint milestone plan, which keeps each council's scrutiny and approvals in step."
            : $"The {context.Committee} is asked to:\n(a) consider the proposal \u201c{option.Title}\u201d;\n(b) note the risks and the milestones set out in this report.";

        return new ReportSections(title, purpose, background, information, financial, legal, hr, equalities, recommendations, null, null, null, null);
    }
}
