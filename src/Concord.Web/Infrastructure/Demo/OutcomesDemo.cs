using Concord.Core.Outcomes;
using Concord.Core.Partnerships;
using Concord.Core.Programme;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure.Demo;

/// <summary>
/// The partnership's outcomes framework: the usual five themes; indicators mapped to DfE's Local
/// Authority Interactive Tool (good level of development, persistent absence, EHC plans issued
/// within 20 weeks, suspensions, key stage 2 reading, writing and maths), whose values are read from
/// the imported LAIT rows whenever they are shown (none until LAIT is imported); one indicator the
/// councils enter themselves, with two terms of values each; each council's baselines and targets;
/// and the early years proof of concept linked to the good level of development. Baselines, targets
/// and the entered values are synthetic: the councils' own choices for the demo.
/// </summary>
internal sealed class OutcomesDemo(ConcordDbContext db, Partnership partnership, Authority stockport, Authority tameside)
{
    private const string Lait = "dfe-lait";

    private IReadOnlyCollection<Guid> Members => [stockport.Id, tameside.Id];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var themes = new List<OutcomeTheme>();
        foreach (var (name, description) in OutcomeTheme.Usual)
        {
            themes.Add(OutcomeTheme.Create(partnership.Id, name, description, themes));
        }

        db.OutcomeThemes.AddRange(themes);
        OutcomeTheme Theme(string name) => themes.Single(t => t.Name == name);
        var names = new List<string>();
        Indicator Add(string theme, IndicatorDetails details)
        {
            var indicator = Indicator.Create(partnership.Id, details, names);
            indicator.PlaceIn(Theme(theme));
            names.Add(indicator.Name);
            db.Indicators.Add(indicator);
            return indicator;
        }

        var gld = Add("Best start in life", new IndicatorDetails(
            "Good level of development at age 5",
            "Children at the end of reception reaching the expected level in the prime areas of learning and in literacy and mathematics, as a percentage of children assessed (Early Years Foundation Stage Profile).",
            "%", IndicatorPolarity.HigherIsBetter, "DfE, Early Years Foundation Stage Profile, through LAIT", IndicatorFrequency.Annually, 2m, Lait, null, "FSP_NEW_GOODDEV"));
        var absence = Add("Attendance", new IndicatorDetails(
            "Persistent absence",
            "Pupils in state-funded schools missing 10% or more of their own possible sessions, as a percentage of pupils.",
            "%", IndicatorPolarity.LowerIsBetter, "DfE, pupil absence in schools in England, through LAIT", IndicatorFrequency.Annually, 1m, Lait, null, "TotPerAbNew"));
        var ehcp = Add("SEND", new IndicatorDetails(
            "New EHC plans issued within 20 weeks",
            "New education, health and care plans issued within the statutory 20 weeks, excluding exceptions, as a percentage of new plans issued in the calendar year.",
            "%", IndicatorPolarity.HigherIsBetter, "DfE, education, health and care plans (SEN2), through LAIT", IndicatorFrequency.Annually, 5m, Lait, null, "SEN_EHC_Excpt_20wks"));
        var suspensions = Add("Inclusion", new IndicatorDetails(
            "Suspensions",
            "Suspensions in state-funded schools in the academic year, as a percentage of the school population.",
            "%", IndicatorPolarity.LowerIsBetter, "DfE, suspensions and permanent exclusions in England, through LAIT", IndicatorFrequency.Annually, 0.5m, Lait, null, "TotFixedEx"));
        var teamAroundTheSchool = Add("Inclusion", new IndicatorDetails(
            "Schools with a named Team Around the School",
            "Schools whose named core team (social worker, early help worker, school nurse, education welfare, inclusion co-ordinator) is complete and known to the school, as a percentage of the council's schools.",
            "%", IndicatorPolarity.HigherIsBetter, "Each council's Team Around the School register", IndicatorFrequency.Termly, 5m));
        var ks2 = Add("Attainment", new IndicatorDetails(
            "Reading, writing and maths at the expected standard at key stage 2",
            "Pupils at the end of key stage 2 reaching the expected standard in reading, writing and mathematics, as a percentage of pupils.",
            "%", IndicatorPolarity.HigherIsBetter, "DfE, key stage 2 attainment, through LAIT", IndicatorFrequency.Annually, 2m, Lait, null, "KS2RWM_Expected_STD"));

        void Target(Indicator indicator, Authority council, string baselinePeriod, decimal baseline, decimal target, string by) =>
            db.OutcomeTargets.Add(OutcomeTarget.Set(indicator, council.Id, null, new TargetDetails(baselinePeriod, baseline, target, by), Members, council.Id));
        Target(gld, stockport, "2022", 65.5m, 70m, "2027");
        Target(gld, tameside, "2022", 60.1m, 66m, "2027");
        Target(absence, stockport, "2022", 20.1m, 15m, "2027");
        Target(absence, tameside, "2022", 20.1m, 15m, "2027");
        Target(ehcp, stockport, "2022", 49.9m, 60m, "2026");
        Target(ehcp, tameside, "2022", 39.2m, 60m, "2026");
        Target(suspensions, stockport, "2022/23", 9.4m, 8m, "2026/27");
        Target(suspensions, tameside, "2022/23", 14.3m, 11m, "2026/27");
        Target(ks2, stockport, "2023", 62m, 68m, "2027");
        Target(ks2, tameside, "2023", 57m, 64m, "2027");
        Target(teamAroundTheSchool, stockport, "Autumn term 2025", 72m, 100m, "Summer term 2027");
        Target(teamAroundTheSchool, tameside, "Autumn term 2025", 64m, 90m, "Summer term 2027");

        void Enter(Authority council, string period, DateOnly end, decimal value, string? note = null) =>
            db.OutcomeValues.Add(OutcomeValue.Record(teamAroundTheSchool, council.Id, Members, [], new ValueDetails(period, end, value, note),
                new Actor(null, $"Demo data ({council.Name})", council.Id, new DateTimeOffset(end.AddDays(14).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero))));
        Enter(stockport, "Autumn term 2025", new DateOnly(2025, 12, 31), 72m);
        Enter(stockport, "Spring term 2026", new DateOnly(2026, 3, 31), 81m);
        Enter(tameside, "Autumn term 2025", new DateOnly(2025, 12, 31), 64m);
        Enter(tameside, "Spring term 2026", new DateOnly(2026, 3, 31), 61m, "Two school nurses' posts vacant");

        var poc = await db.Options.SingleAsync(o => o.PartnershipId == partnership.Id && o.IsProofOfConcept, cancellationToken);
        db.OptionIndicators.AddRange(OptionIndicator.Choose(poc, [], [gld.Id], [gld]).Added);
        await db.SaveChangesAsync(cancellationToken);
    }
}
