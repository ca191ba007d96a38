using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Governance;
using Concord.Core.Partnerships;
using Concord.Data;
using Concord.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure.Demo;

/// <summary>
/// Demo data for Development only: the Stockport and Tameside partnership, each council's
/// committees and meeting calendar, and synthetic demo accounts that all share one password.
/// Never runs outside Development (see Program). Idempotent: safe on every start.
/// </summary>
public static class DemoData
{
    public const string Password = "concord-demo-password";
    public const string PartnershipName = "Stockport and Tameside shared services";

    /// <summary>Synthetic people: (email, display name, roles by authority name).</summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        .. Council("stockport", "Stockport", ["Cllr Pat Holden", "Jordan Reeves", "Priya Shah", "Chris Allen", "Morgan Lee"]),
        .. Council("tameside", "Tameside", ["Cllr Sam Ashworth", "Taylor Brooks", "Ravi Patel", "Jamie Clarke", "Alex Dunn"]),
        new("director@partnership.demo", "Dr Robin Hart", "Joint Director of Education (Stockport and Tameside)",
            [("Stockport", Role.ProgrammeLead), ("Tameside", Role.ProgrammeLead)]),
    ];

    private static IEnumerable<DemoAccount> Council(string slug, string authority, string[] names)
    {
        (string Prefix, Role Role, string Job)[] roles =
        [
            ("viewer", Role.Viewer, "Scrutiny councillor"),
            ("officer", Role.Officer, "Education officer"),
            ("finance", Role.Finance, "Finance business partner"),
            ("programme", Role.ProgrammeLead, "Shared services programme lead"),
            ("admin", Role.Administrator, "Concord administrator"),
        ];
        return roles.Select((r, i) => new DemoAccount($"{r.Prefix}@{slug}.demo", names[i], $"{r.Job}, {authority}", [(authority, r.Role)]));
    }

    /// <remarks>
    /// Accounts are written through the system's own database context (hashed and normalised
    /// exactly as ASP.NET Core Identity does), so that the audit trail names Concord as their creator.
    /// </remarks>
    public static async Task SeedAsync(ConcordDatabase database, IPasswordHasher<ConcordUser> hasher, ILookupNormalizer normalizer, TimeProvider clock, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var db = database.OpenAsSystem();
        var authorities = await db.Authorities.ToDictionaryAsync(a => a.Name, cancellationToken);
        var stockport = authorities["Stockport"];
        var tameside = authorities["Tameside"];

        if (!await db.Partnerships.AnyAsync(p => p.Name == PartnershipName, cancellationToken))
        {
            db.Partnerships.Add(Partnership.Create(PartnershipName, new DateOnly(2021, 9, 1), [stockport.Id, tameside.Id], actingAuthorityId: null));
            var today = Formats.UkDate(clock.GetUtcNow());
            foreach (var body in Bodies(stockport.Id, StockportBodies, today).Concat(Bodies(tameside.Id, TamesideBodies, today)))
            {
                db.GovernanceBodies.Add(body);
            }

            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Demo data: added the {Partnership} partnership and both councils' committee calendars", PartnershipName);
        }

        var partnership = await db.Partnerships.SingleAsync(p => p.Name == PartnershipName, cancellationToken);
        if (!await db.Programmes.AnyAsync(p => p.PartnershipId == partnership.Id, cancellationToken))
        {
            await new ProgrammeDemo(db, partnership, stockport, tameside, Formats.UkDate(clock.GetUtcNow())).SeedAsync(cancellationToken);
            logger.LogInformation("Demo data: added the shared services programme");
        }

        if (!await db.SharedPosts.AnyAsync(p => p.PartnershipId == partnership.Id, cancellationToken))
        {
            await new FinanceDemo(db, partnership, stockport, tameside, Formats.UkDate(clock.GetUtcNow())).SeedAsync(cancellationToken);
            logger.LogInformation("Demo data: added shared posts, agreements and the high needs budgets");
        }

        if (!await db.OutcomeThemes.AnyAsync(t => t.PartnershipId == partnership.Id, cancellationToken))
        {
            await new OutcomesDemo(db, partnership, stockport, tameside).SeedAsync(cancellationToken);
            logger.LogInformation("Demo data: added the outcomes framework");
        }

        // Run after the public data import (see ConcordPipeline), so that the registers are built from GIAS.
        var sufficiency = new SufficiencyDemo(db, stockport, tameside, clock);
        if (await sufficiency.SeedAssumptionsAsync(cancellationToken) > 0)
        {
            logger.LogInformation("Demo data: added the councils' default sufficiency assumptions");
        }

        if (await sufficiency.SeedRegistersAsync(cancellationToken) is var provisions and > 0)
        {
            logger.LogInformation("Demo data: added {Provisions} provisions to the councils' SEND provision registers", provisions);
        }

        using (var evidence = new Evidence.EvidenceCache(database))
        {
            if (await sufficiency.SeedChildrenAsync(evidence.GetAsync, cancellationToken) is var children and > 0)
            {
                logger.LogInformation("Demo data: generated {Children} synthetic children with EHC plans, calibrated to the councils' real totals", children);
            }
        }

        if (await sufficiency.SeedScenarioAsync(partnership, cancellationToken))
        {
            logger.LogInformation("Demo data: added a sufficiency scenario");
        }

        foreach (var account in Accounts)
        {
            var normalizedEmail = normalizer.NormalizeEmail(account.Email);
            var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);
            if (user is null)
            {
                user = new ConcordUser
                {
                    UserName = account.Email,
                    NormalizedUserName = normalizer.NormalizeName(account.Email),
                    Email = account.Email,
                    NormalizedEmail = normalizedEmail,
                    EmailConfirmed = true,
                    LockoutEnabled = true,
                    DisplayName = account.Name,
                    CreatedAt = clock.GetUtcNow(),
                };
                user.PasswordHash = hasher.HashPassword(user, Password);
                db.Users.Add(user);
            }

            foreach (var (authorityName, role) in account.Roles)
            {
                var authorityId = authorities[authorityName].Id;
                if (!await db.AuthorityGrants.AnyAsync(g => g.UserId == user.Id && g.AuthorityId == authorityId && g.Role == role, cancellationToken))
                {
                    db.AuthorityGrants.Add(new AuthorityGrant
                    {
                        UserId = user.Id,
                        AuthorityId = authorityId,
                        Role = role,
                        GrantedAt = clock.GetUtcNow(),
                        GrantedBy = "Demo data",
                    });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly (string Name, BodyKind Kind, string? Remit, int EveryDays)[] StockportBodies =
    [
        ("Corporate Leadership Team", BodyKind.CorporateLeadershipTeam, "Senior officers; clears reports before they go to members", 14),
        ("Cabinet", BodyKind.Cabinet, "Executive decisions, including Key Decisions", 28),
        ("Cabinet Member for Children, Family Services and Education", BodyKind.CabinetMember, "Portfolio decisions for children and education", 28),
        ("Children and Families Scrutiny Committee", BodyKind.ScrutinyCommittee, "Lead scrutiny committee for children's and education services", 42),
        ("Corporate Resource Management and Governance Scrutiny Committee", BodyKind.ScrutinyCommittee, "Scrutiny of finance and governance risk", 42),
        ("Schools Forum", BodyKind.SchoolsForum, "Dedicated Schools Grant, including block transfers", 56),
        ("Stockport Family Partnership Board", BodyKind.Other, "Partners in the integrated children's service", 56),
    ];

    private static readonly (string Name, BodyKind Kind, string? Remit, int EveryDays)[] TamesideBodies =
    [
        ("Single Leadership Team", BodyKind.CorporateLeadershipTeam, "Senior officers; clears reports before they go to members", 14),
        ("Executive Cabinet", BodyKind.Cabinet, "Executive decisions, including Key Decisions", 28),
        ("Executive Member for Education and Achievement", BodyKind.CabinetMember, "Portfolio decisions for education", 28),
        ("Children's Services Scrutiny Panel", BodyKind.ScrutinyCommittee, "Scrutiny of children's and education services", 42),
        ("Schools Forum", BodyKind.SchoolsForum, "Dedicated Schools Grant, including block transfers", 56),
    ];

    /// <summary>
    /// Each body meets on a regular cycle through the current municipal year (from May), on
    /// weekdays; meetings already past are recorded as held.
    /// </summary>
    private static IEnumerable<GovernanceBody> Bodies(Guid authorityId, (string Name, BodyKind Kind, string? Remit, int EveryDays)[] specs, DateOnly today)
    {
        var yearStart = new DateOnly(today.Month >= 5 ? today.Year : today.Year - 1, 5, 1);
        var yearEnd = yearStart.AddYears(1).AddDays(-1);
        var offset = 0;
        foreach (var (name, kind, remit, every) in specs)
        {
            var body = GovernanceBody.Create(authorityId, name, kind, remit);
            for (var date = yearStart.AddDays(7 + offset); date <= yearEnd; date = date.AddDays(every))
            {
                var meetingDate = date.DayOfWeek switch
                {
                    DayOfWeek.Saturday => date.AddDays(2),
                    DayOfWeek.Sunday => date.AddDays(1),
                    _ => date,
                };
                var meeting = body.ScheduleMeeting(meetingDate, null);
                if (meetingDate < today)
                {
                    meeting.Change(meetingDate, MeetingStatus.Held, null);
                }
            }

            offset += 3;
            yield return body;
        }
    }
}

public sealed record DemoAccount(string Email, string Name, string JobTitle, IReadOnlyList<(string Authority, Role Role)> Roles);
