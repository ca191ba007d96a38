using Concord.Core;
using Concord.Core.Finance;
using Concord.Core.Governance;
using Concord.Core.Partnerships;
using Concord.Core.Programme;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure.Demo;

/// <summary>
/// The Stockport and Tameside shared services programme as DOMAIN.md tells it: phase 1 options
/// (Out of Hours, a Quality and Improvement Hub, School Improvement), the early years leadership
/// proof of concept with its four roles (proposed, consulted on and approved by both councils in
/// 2022, now implemented), the programme board, the example risks and milestones, and the joint
/// Director of Education. People's names are synthetic; dates of 2022 follow the councils'
/// published plan, later dates are set relative to today so that the demo stays live.
/// </summary>
internal sealed class ProgrammeDemo(ConcordDbContext db, Partnership partnership, Authority stockport, Authority tameside, DateOnly today)
{
    private const string Director = "Dr Robin Hart";
    private static readonly TimeOnly Morning = new(10, 0);

    private IReadOnlyCollection<Guid> Members => [stockport.Id, tameside.Id];

    private Dictionary<Guid, string> Names => new() { [stockport.Id] = stockport.Name, [tameside.Id] = tameside.Name };

    private static Actor At(DateOnly date, Guid authority, string who = Director) =>
        new(null, who, authority, new DateTimeOffset(date.ToDateTime(Morning), TimeSpan.Zero));

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var bodies = await db.GovernanceBodies.Include(b => b.Meetings).ToListAsync(cancellationToken);
        GovernanceBody Body(Authority authority, string name) => bodies.Single(b => b.AuthorityId == authority.Id && b.Name == name);
        Meeting Held(GovernanceBody body, DateOnly date)
        {
            var meeting = body.Meetings.FirstOrDefault(m => m.Date == date) ?? body.ScheduleMeeting(date, null);
            meeting.Change(date, date < today ? MeetingStatus.Held : MeetingStatus.Scheduled, meeting.Notes);
            return meeting;
        }

        var stockportCabinet = Body(stockport, "Cabinet");
        var tamesideCabinet = Body(tameside, "Executive Cabinet");
        var scrutiny = Body(stockport, "Children and Families Scrutiny Committee");

        var programme = SharedProgramme.Create(partnership.Id, "Stockport and Tameside shared services programme",
            "To share leadership and services in children's and education services where doing so improves outcomes for children in both boroughs, " +
            "while each council keeps its own budget, statutory duties and decision making.", 28);
        var phase1 = programme.AddPhase("Phase 1", "The joint Director of Education, the early years leadership proof of concept, and the first options: Out of Hours, a Quality and Improvement Hub and School Improvement.",
            new DateOnly(2021, 9, 1), new DateOnly(2027, 3, 31));
        var phase2 = programme.AddPhase("Phase 2", "Options that build on phase 1, to be scoped by the workstreams.", new DateOnly(2027, 4, 1), null);
        var earlyYears = programme.AddWorkstream("Early years", "Early years education improvement", "Heads of Service for early years from both councils.");
        earlyYears.AddMember("Sam Whitfield", "Head of Early Years and Childcare", stockport.Id, true, Members);
        earlyYears.AddMember("Jo Kendal", "Head of Early Help and Early Years", tameside.Id, true, Members);
        earlyYears.AddMember("Priya Kaur", "Early Years Quality Lead", stockport.Id, false, Members);
        var education = programme.AddWorkstream("Education and school improvement", "School improvement and education quality", null);
        education.AddMember(Director, "Joint Director of Education", stockport.Id, true, Members);
        education.AddMember("Alex Moran", "Assistant Director, Education", tameside.Id, true, Members);
        var outOfHours = programme.AddWorkstream("Out of hours", "Children's social care out of hours", null);
        outOfHours.AddMember("Chris Dale", "Service Manager, Emergency Duty Team", stockport.Id, true, Members);
        outOfHours.AddMember("Nadia Shah", "Head of Service, Safeguarding", tameside.Id, true, Members);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);

        var phases = programme.Phases.Select(p => p.Id).ToList();
        var workstreams = programme.Workstreams.Select(w => w.Id).ToList();

        // The board: advisory only.
        foreach (var (name, title, authority, role) in new (string, string, Authority, BoardRole)[]
        {
            ("Cllr Wendy Oakes", "Cabinet Member for Children, Family Services and Education", stockport, BoardRole.LeadMember),
            ("Cllr Bill Farrow", "Executive Member for Education and Achievement", tameside, BoardRole.LeadMember),
            ("Helen Norris", "Director of Children's Services", stockport, BoardRole.Chair),
            ("Mark Ainsworth", "Director of Children's Services", tameside, BoardRole.DirectorOfChildrensServices),
            ("Ruth Green", "Strategic Finance Manager", stockport, BoardRole.Finance),
            ("Imran Hussain", "Head of Legal Services", tameside, BoardRole.Legal),
            ("Claire Booth", "HR Business Partner", stockport, BoardRole.HumanResources),
            ("Dave Pearson", "Headteacher, primary school representative", tameside, BoardRole.SchoolsRepresentative),
        })
        {
            db.BoardMembers.Add(BoardMember.Create(programme, name, title, authority.Id, role, Members));
        }

        // The early years leadership proof of concept: the true 2022 story, now implemented.
        var poc = Option.Create(programme, new OptionDetails(
            "Shared early years education improvement leadership (proof of concept)",
            "Four leadership roles shared by both councils and funded half by each: Head of Education Improvement for Early Years; Lead Childminder Officer; " +
            "Lead Officer for QTS (Qualified Teacher Status) work; and Lead for Early Years Settings (private, voluntary and independent). " +
            "The delivery teams under them keep serving their own borough; only the leadership works across both.",
            "Early years education improvement", phase1.Id, earlyYears.Id, true, Members,
            [ExpectedBenefit.LinkedProfessionalDevelopment, ExpectedBenefit.SustainableFundingOfPosts, ExpectedBenefit.CommonIssuesHandledOnce, ExpectedBenefit.WiderPracticeSharing],
            "A stronger early years offer in both boroughs from leaders who see both."), Members, phases, workstreams);
        var outOfHoursOption = Option.Create(programme, new OptionDetails(
            "Shared Out of Hours Service",
            "One out of hours service for children's social care across both boroughs, answering calls and responding in person at nights, weekends and bank holidays.",
            "Children's social care", phase1.Id, outOfHours.Id, false, Members,
            [ExpectedBenefit.CommonIssuesHandledOnce, ExpectedBenefit.SustainableFundingOfPosts], "Resilience: a larger rota covers sickness and peaks."), Members, phases, workstreams);
        var hub = Option.Create(programme, new OptionDetails(
            "Quality and Improvement Hub",
            "A joint hub for quality assurance and improvement in early years and education settings, sharing audit, training and peer review.",
            "Education quality", phase1.Id, education.Id, false, Members,
            [ExpectedBenefit.PeerSupportAcrossSchools, ExpectedBenefit.WiderPoolOfColleagues, ExpectedBenefit.WiderPracticeSharing], null), Members, phases, workstreams);
        var schoolImprovement = Option.Create(programme, new OptionDetails(
            "A model of School Improvement across both authorities",
            "One school improvement model for both boroughs: linked advisers, subject and leadership contracts bought at scale, and peer support between schools.",
            "School improvement", phase1.Id, education.Id, false, Members,
            [ExpectedBenefit.LinkedProfessionalDevelopment, ExpectedBenefit.ContractsBoughtAtScale, ExpectedBenefit.UnifiedAccountability, ExpectedBenefit.CommonRepresentationAtGm, ExpectedBenefit.BetterBalancedSeniorRoles],
            null), Members, phases, workstreams);
        db.Options.AddRange(poc, outOfHoursOption, hub, schoolImprovement);
        await db.SaveChangesAsync(cancellationToken);

        // Board meetings: early years in 2022; the phase 1 options this autumn.
        var january2022 = BoardMeeting.Create(programme, new DateOnly(2022, 1, 20), "Stopford House, Stockport", null);
        var eyItem = january2022.AddItem("Early years leadership: proof of concept", poc.Id, [poc.Id]);
        january2022.RecordAdvice(eyItem, "The board supports the proof of concept and advises due diligence, with early engagement of trade unions and PVI settings.", today);
        var september = BoardMeeting.Create(programme, Recent(-70), "Tameside One, Ashton-under-Lyne", null);
        var oohItem = september.AddItem("Shared Out of Hours Service: formulation", outOfHoursOption.Id, [outOfHoursOption.Id]);
        september.RecordAdvice(oohItem, "Proceed to due diligence. Test the response times each council needs before designing the rota.", today);
        var october = BoardMeeting.Create(programme, Recent(-26), "Stopford House, Stockport", null);
        var hubItem = october.AddItem("Quality and Improvement Hub: formulation", hub.Id, [hub.Id]);
        october.RecordAdvice(hubItem, "The board welcomes the hub. Bring back the cost-benefit analysis and the HR implications before due diligence.", today);
        october.AddItem("School Improvement model: scoping", schoolImprovement.Id, [schoolImprovement.Id]);
        october.AddAction("Share both councils' school improvement traded offers with the workstream", "Alex Moran", tameside.Id, Recent(-12), Members);
        october.AddAction("Bring the Quality and Improvement Hub cost-benefit analysis to the next board", "Ruth Green", stockport.Id, Recent(20), Members);
        var next = BoardMeeting.Create(programme, Recent(35), "Tameside One, Ashton-under-Lyne", null);
        next.AddItem("Shared Out of Hours Service: engagement report", outOfHoursOption.Id, [outOfHoursOption.Id]);
        db.BoardMeetings.AddRange(january2022, september, october, next);

        // Risks: the programme's example risks, and the options' own.
        var risks = new List<Risk>();
        Risk AddRisk(Option? option, RiskDetails details, DateOnly identified)
        {
            var risk = Risk.Create(programme, risks.Count + 1, option?.Id, details, Members, At(identified, stockport.Id));
            risks.Add(risk);
            return risk;
        }

        AddRisk(null, new RiskDetails("Governance arrangements: members are not given adequate chance to scrutinise the shared arrangements",
            "Decisions are challenged or delayed, and trust between the councils and their members suffers",
            "Two councils with their own committee calendars; scrutiny members learnt of the joint post late",
            "A joint milestone plan that keeps each council's scrutiny and approvals in step; update reports to both lead scrutiny committees; decisions recorded openly in Concord",
            Director, RiskScope.EveryCouncil, null, 4, 4, 2, 3, 1, 3, Recent(21), RiskStatus.Open), new DateOnly(2021, 10, 1));
        AddRisk(null, new RiskDetails("Maintaining the level of service: a council sees a diminution in the level or quality of service to children",
            "Outcomes for children fall in one borough; the council cannot discharge its statutory duties",
            "Leaders' time spread across two boroughs",
            "Delivery teams stay in each borough; performance monitored through each council's PPRRs; contingency arrangements in each shared services agreement",
            Director, RiskScope.EveryCouncil, null, 3, 5, 2, 4, 1, 4, Recent(-5), RiskStatus.Open), new DateOnly(2021, 10, 1));
        AddRisk(null, new RiskDetails("Capacity of the joint Director of Education to lead two education services and the programme",
            "Slower progress on both councils' priorities", "One post with responsibility across both authorities",
            "Shared leadership roles beneath the Director; review of the secondment under the SLA", "Both Directors of Children's Services",
            RiskScope.Partnership, null, 3, 3, 2, 3, 2, 2, Recent(45), RiskStatus.Open), new DateOnly(2022, 1, 10));
        AddRisk(poc, new RiskDetails("Trade unions and staff are not engaged before the roles change",
            "Industrial relations suffer; appointments are delayed", "Roles move across the boundary",
            "Brief the trade unions in March 2022; Education Joint Consultation Group; listening exercise with staff", "Head of Early Years and Childcare, Stockport",
            RiskScope.EveryCouncil, null, 3, 3, 1, 2, 1, 2, new DateOnly(2022, 9, 30), RiskStatus.Closed), new DateOnly(2022, 1, 20));
        AddRisk(poc, new RiskDetails("PVI settings see the shared leadership as a loss of local support",
            "Lower take-up of improvement support by private, voluntary and independent settings", null,
            "A named Lead for Early Years Settings in each borough's delivery team; a listening exercise with PVI settings", "Lead for Early Years Settings",
            RiskScope.Partnership, null, 3, 2, 2, 2, 1, 2, Recent(-20), RiskStatus.Open), new DateOnly(2022, 2, 1));
        var oohRisk = AddRisk(outOfHoursOption, new RiskDetails("Response times differ between the boroughs and one council's standard is not met",
            "Children at risk wait longer for a response at night in one borough", "Distances and call volumes differ",
            "Agree a single response standard before the rota is designed; monitor monthly", "Service Manager, Emergency Duty Team",
            RiskScope.OneCouncil, tameside.Id, 4, 5, 3, 5, 2, 4, Recent(-3), RiskStatus.Open), Recent(-60));
        oohRisk.Escalate("A statutory duty is at stake: the programme board must see it", At(Recent(-40), tameside.Id));
        AddRisk(hub, new RiskDetails("The hub duplicates schools' existing trust arrangements",
            "Schools in multi-academy trusts do not use it; costs are not recovered", null,
            "Design the hub with trust leaders from both boroughs", "Assistant Director, Education",
            RiskScope.Partnership, null, 3, 3, 3, 3, 2, 2, Recent(30), RiskStatus.Open), Recent(-26));
        db.Risks.AddRange(risks);

        // Engagement: the early years listening exercise of spring 2022, and the out of hours consultation now.
        var listening = EngagementExercise.Create(programme, "Early years listening exercise",
            "Listening to schools, PVI settings, the Parent Carer Forum and staff about shared early years leadership.", poc.Id,
            new DateOnly(2022, 3, 1), new DateOnly(2022, 4, 29), ExerciseStatus.Complete,
            [StakeholderGroup.TradeUnions, StakeholderGroup.Schools, StakeholderGroup.PviSettings, StakeholderGroup.ParentCarerForum, StakeholderGroup.Staff], [poc.Id]);
        var workload = listening.AddFeedback(StakeholderGroup.TradeUnions, "Workload", "Leaders covering two boroughs will be stretched, and their teams will see less of them.", new DateOnly(2022, 3, 15));
        workload.Respond("The delivery teams stay in each borough with their own managers; only the four leadership roles are shared.",
            "The proposal now states that delivery teams are not shared.", At(new DateOnly(2022, 5, 10), stockport.Id));
        var pvi = listening.AddFeedback(StakeholderGroup.PviSettings, "Local support", "We worry our named contact will be further away.", new DateOnly(2022, 3, 30));
        pvi.Respond("Each borough keeps a named contact for PVI settings in its delivery team.",
            "A named PVI contact in each borough was added to the Lead for Early Years Settings role.", At(new DateOnly(2022, 5, 10), stockport.Id));
        var parents = listening.AddFeedback(StakeholderGroup.ParentCarerForum, "Inclusion", "Keep the focus on children with SEND in early years settings.", new DateOnly(2022, 4, 12));
        parents.Respond("The Head of Education Improvement for Early Years leads inclusion in both boroughs' early years settings.", null, At(new DateOnly(2022, 5, 10), tameside.Id));
        var consultation = EngagementExercise.Create(programme, "Out of hours service consultation",
            "Consulting staff, trade unions and partners on one out of hours service.", outOfHoursOption.Id, Recent(-30), Recent(25), ExerciseStatus.Open,
            [StakeholderGroup.Staff, StakeholderGroup.TradeUnions, StakeholderGroup.WiderStakeholders], [outOfHoursOption.Id]);
        consultation.AddFeedback(StakeholderGroup.Staff, "Travel", "Night workers may have to travel across both boroughs.", Recent(-12));
        db.EngagementExercises.AddRange(listening, consultation);

        // Milestones: the early years plan of 2022, and the out of hours plan now.
        Milestone AddMilestone(Option option, string description, string output, string owner, DateOnly expected, DateOnly? actual, DateOnly? baseline = null)
        {
            var milestone = Milestone.Create(programme, new MilestoneDetails(description, output, owner, option.Id, expected, baseline ?? expected, actual,
                actual is null ? (expected < today ? MilestoneStatus.InProgress : MilestoneStatus.NotStarted) : MilestoneStatus.Complete), [option.Id]);
            db.Milestones.Add(milestone);
            return milestone;
        }

        AddMilestone(poc, "Trade unions briefed", "Briefing to both councils' trade unions", "Head of Early Years and Childcare, Stockport", new DateOnly(2022, 3, 31), new DateOnly(2022, 3, 24));
        AddMilestone(poc, "Report on stakeholder engagement", "Engagement report, with responses to the feedback", "Head of Early Help and Early Years, Tameside", new DateOnly(2022, 5, 31), new DateOnly(2022, 5, 20));
        AddMilestone(poc, "Job descriptions agreed", "Job descriptions for the four shared roles", "HR Business Partner", new DateOnly(2022, 4, 30), new DateOnly(2022, 5, 6));
        var eyGovernance = AddMilestone(poc, "Full proposal through governance: approval for implementation", "Both councils' approval to implement",
            Director, new DateOnly(2022, 6, 30), new DateOnly(2022, 6, 22));
        eyGovernance.RequireApproval(stockport.Id, stockportCabinet, Held(stockportCabinet, new DateOnly(2022, 6, 14)), Members);
        eyGovernance.RequireApproval(tameside.Id, tamesideCabinet, Held(tamesideCabinet, new DateOnly(2022, 6, 22)), Members);
        AddMilestone(poc, "Revised service specifications complete and shared", "Service specifications for both boroughs", "Head of Education Improvement for Early Years", new DateOnly(2022, 6, 30), new DateOnly(2022, 7, 8));

        AddMilestone(outOfHoursOption, "Response standard agreed by both councils", "A single response standard", "Service Manager, Emergency Duty Team", Recent(-10), null, Recent(-24));
        var oohApproval = AddMilestone(outOfHoursOption, "Out of hours proposal through governance: approval for implementation", "Both councils' approval to implement",
            Director, Recent(75), null);
        var stockportMeeting = stockportCabinet.Meetings.Where(m => m.Date > Recent(20) && m.Status == MeetingStatus.Scheduled).OrderBy(m => m.Date).FirstOrDefault()
            ?? Held(stockportCabinet, Recent(30));
        var tamesideMeeting = tamesideCabinet.Meetings.Where(m => m.Date > stockportMeeting.Date.AddDays(35) && m.Status == MeetingStatus.Scheduled).OrderBy(m => m.Date).FirstOrDefault()
            ?? Held(tamesideCabinet, stockportMeeting.Date.AddDays(42));
        oohApproval.RequireApproval(stockport.Id, stockportCabinet, stockportMeeting, Members);
        oohApproval.RequireApproval(tameside.Id, tamesideCabinet, tamesideMeeting, Members);
        await db.SaveChangesAsync(cancellationToken);

        // The proof of concept's appraisal and each council's decisions, moving it through every gate as it happened.
        var finance = new FinanceDemo(db, partnership, stockport, tameside, today);
        var pocCostBenefit = finance.EarlyYearsCostBenefit(poc);
        var pocAgreement = finance.EarlyYearsAgreement(poc);
        db.CostBenefitAnalyses.Add(pocCostBenefit);
        var evidence = () => new OptionEvidence(
            [new BoardAdvice(january2022.Date, eyItem.Advice!)],
            risks.Count(r => r.OptionId == poc.Id),
            [listening.Summarise()],
            db.KeyDecisionTests.Local.Where(t => t.OptionId == poc.Id).Select(t => t.AuthorityId).ToList(),
            db.Decisions.Local.Where(d => d.OptionId == poc.Id).ToList(),
            Names,
            new CostBenefitEvidence(pocCostBenefit.PreparedAt, pocCostBenefit.PreparedBy),
            db.Agreements.Local.Contains(pocAgreement) ? new AgreementEvidence(pocAgreement.Title, pocAgreement.Status) : null);
        poc.RecordEqia(EqiaStatus.NotNeeded, "Screened in January 2022: no adverse effect on people with protected characteristics; services to families are unchanged.");
        poc.RecordConsiderations("Four posts change; no TUPE transfer; postholders remain employed by their council and work across both boroughs under an agreement.",
            "A shared services agreement sets out each council's contribution, performance levels and contingency. A Key Decision in Stockport.",
            "Funded half by each council within existing budgets.");
        poc.Advance(StageGates.Evaluate(poc, evidence()), At(new DateOnly(2022, 2, 3), stockport.Id));
        poc.RecordMonitoring("Termly reports to both councils' lead scrutiny committees; quarterly through each council's PPRR.",
            "Good Level of Development overall and for disadvantaged children; take-up of funded places; settings judged good or better.");
        poc.RecordAgreementNeed(AgreementNeed.Needed);
        db.Agreements.Add(pocAgreement);
        db.KeyDecisionTests.Add(KeyDecisionTest.Record(poc, stockport.Id, true, "Affects communities in every ward of the borough.", At(new DateOnly(2022, 5, 16), stockport.Id, "Chris Allen")));
        db.KeyDecisionTests.Add(KeyDecisionTest.Record(poc, tameside.Id, false, "Within existing budgets and below the Key Decision threshold.", At(new DateOnly(2022, 5, 18), tameside.Id, "Jamie Clarke")));
        db.Decisions.Add(Decision.Record(poc, stockport.Id, stockportCabinet, new DateOnly(2022, 6, 14), "KD(2022)14", true, DecisionOutcome.Approved, null,
            "Cabinet approved the shared early years leadership roles as a proof of concept, to be reviewed after one year.", At(new DateOnly(2022, 6, 15), stockport.Id, "Chris Allen")));
        db.Decisions.Add(Decision.Record(poc, tameside.Id, tamesideCabinet, new DateOnly(2022, 6, 22), "EC/22/061", false, DecisionOutcome.ApprovedWithConditions,
            "A report to the Children's Services Scrutiny Panel after six months.", null, At(new DateOnly(2022, 6, 23), tameside.Id, "Jamie Clarke")));
        poc.Advance(StageGates.Evaluate(poc, evidence()), At(new DateOnly(2022, 6, 30), tameside.Id));
        poc.RecordDelivery("Early years leadership delivery forum (monthly)", "Head of Education Improvement for Early Years", new DateOnly(2022, 12, 6), scrutiny.Name);
        finance.SignEarlyYearsAgreement(pocAgreement);
        poc.Advance(StageGates.Evaluate(poc, evidence()), At(new DateOnly(2022, 9, 1), stockport.Id));

        // The Out of Hours option at due diligence: formulation met this autumn, engagement open.
        var oohCostBenefit = finance.OutOfHoursCostBenefit(outOfHoursOption);
        db.CostBenefitAnalyses.Add(oohCostBenefit);
        outOfHoursOption.RecordEqia(EqiaStatus.FullAssessmentNeeded, "Screening found effects on staff working patterns; a full assessment is under way.");
        outOfHoursOption.RecordConsiderations("Staff in both councils' emergency duty teams affected; TUPE may apply if one council employs the team.",
            "A shared services agreement with delegation of the function; a Key Decision in both councils.", null);
        outOfHoursOption.Advance(StageGates.Evaluate(outOfHoursOption, new OptionEvidence([new BoardAdvice(september.Date, oohItem.Advice!)],
            risks.Count(r => r.OptionId == outOfHoursOption.Id), [], [], [], Names, new CostBenefitEvidence(oohCostBenefit.PreparedAt, oohCostBenefit.PreparedBy))),
            At(Recent(-60), tameside.Id));
        outOfHoursOption.RecordAgreementNeed(AgreementNeed.Needed);
        db.KeyDecisionTests.Add(KeyDecisionTest.Record(outOfHoursOption, stockport.Id, true, "Savings over the threshold and a service to every ward.", At(Recent(-14), stockport.Id, "Chris Allen")));

        // The hub: presented, with a draft cost-benefit still to come.
        hub.RecordEqia(EqiaStatus.NotScreened, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A date this many days from today.</summary>
    private DateOnly Recent(int days) => today.AddDays(days);
}
