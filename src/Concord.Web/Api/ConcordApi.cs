using Concord.Core;
using Concord.Web.Infrastructure.Security;

namespace Concord.Web.Api;

/// <summary>
/// The JSON API under /api. It mirrors what the pages show and is guarded by the same policies;
/// reads and writes go through the same scoped database context, so the same council rules hold.
/// </summary>
public static class ConcordApi
{
    public static IEndpointRouteBuilder MapConcordApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/me").WithTags("Account").RequireAuthorization(Policies.SignedIn).MapMeApi();

        var api = app.MapGroup("/api").RequireAuthorization(Policies.Read);
        api.MapGroup("/authorities").WithTags("Authorities").MapAuthoritiesApi();
        api.MapGroup("/partnerships").WithTags("Partnerships").MapPartnershipsApi();
        api.MapGroup("/governance").WithTags("Committees and meetings").MapGovernanceApi();
        api.MapProgrammeApi();
        api.MapMilestonesApi();
        api.MapReportsApi();
        api.MapBoardApi();
        api.MapEngagementApi();
        api.MapRisksApi();
        api.MapHighNeedsApi();
        api.MapFinanceApi();
        api.MapAgreementsApi();
        api.MapCostBenefitApi();
        api.MapEvidenceApi();
        api.MapOutcomesApi();
        api.MapSchoolsApi();
        api.MapSufficiencyForecastApi();
        api.MapPlacementApi();
        api.MapSufficiencyApi();
        api.MapGroup("/audit").WithTags("Audit trail").RequireAuthorization(Policies.Administrator).MapAuditApi();
        return app;
    }

    /// <summary>Refuses a change sent without the version it was based on (optimistic concurrency).</summary>
    public static Guid RequireVersion(Guid? version) =>
        version is { } v && v != Guid.Empty
            ? v
            : throw new RuleViolationException([new RuleViolation("version", "Send the version of the record you read, so that nobody's change is overwritten")]);
}
