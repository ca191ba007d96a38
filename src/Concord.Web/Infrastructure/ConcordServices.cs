using System.Text.Json.Serialization;
using Concord.Core.Access;
using Concord.Data;
using Concord.Data.Identity;
using Concord.Web.Infrastructure.Attention;
using Concord.Web.Infrastructure.Errors;
using Concord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Web.Infrastructure;

/// <summary>Everything Concord registers with the host, in one place.</summary>
public static class ConcordServices
{
    public const string DefaultScheme = "Concord";
    public const string OidcScheme = "oidc";

    private static readonly string[] OidcScopes = ["openid", "profile", "email"];

    public static WebApplicationBuilder AddConcord(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => ConcordDatabase.FromConfiguration(
            configuration["Database:Provider"],
            configuration.GetConnectionString("Concord"),
            Path.Combine(builder.Environment.ContentRootPath, "App_Data"),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHttpContextAccessor();

        // Keys that protect sign-in cookies and form tokens. Several instances, or a container
        // without a persistent home folder, share them through DataProtection:KeysFolder.
        var dataProtection = services.AddDataProtection().SetApplicationName("Concord");
        if (configuration["DataProtection:KeysFolder"] is { Length: > 0 } keysFolder)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        }

        services.AddScoped<IUserContext, CurrentUser>();
        services.AddScoped(sp => sp.GetRequiredService<ConcordDatabase>().Open(sp.GetRequiredService<IUserContext>()));

        AddSignIn(services, configuration);

        services.AddAuthorization(Policies.Configure);
        services.AddSingleton<IAuthorizationHandler, CapabilityHandler>();
        services.AddScoped<IClaimsTransformation, GrantsClaimsTransformation>();

        services.AddRazorPages(options =>
        {
            // Razor Pages validate the antiforgery token of every POST by default.
            // Pages that both add and change a record answer on a second, "new" address.
            options.Conventions.AddPageRoute("/Partnerships/Edit", "partnerships/new");
            options.Conventions.AddPageRoute("/Governance/EditBody", "governance/bodies/new");
            options.Conventions.AddPageRoute("/Governance/EditMeeting", "governance/bodies/{bodyId:guid}/meetings/new");
            options.Conventions.AddPageRoute("/Programme/Edit", "programme/{partnershipId:guid}/setup");
            options.Conventions.AddPageRoute("/Programme/EditPhase", "programme/{partnershipId:guid}/phases/new");
            options.Conventions.AddPageRoute("/Programme/EditWorkstream", "programme/{partnershipId:guid}/workstreams/new");
            options.Conventions.AddPageRoute("/Options/Edit", "programme/{partnershipId:guid}/options/new");
            options.Conventions.AddPageRoute("/Milestones/Edit", "programme/{partnershipId:guid}/milestones/new");
            options.Conventions.AddPageRoute("/Board/EditMember", "programme/{partnershipId:guid}/board/members/new");
            options.Conventions.AddPageRoute("/Board/EditMeeting", "programme/{partnershipId:guid}/board/meetings/new");
            options.Conventions.AddPageRoute("/Engagement/Edit", "programme/{partnershipId:guid}/engagement/new");
            options.Conventions.AddPageRoute("/Risks/Edit", "programme/{partnershipId:guid}/risks/new");
            options.Conventions.AddPageRoute("/HighNeeds/Edit", "high-needs/new");
            options.Conventions.AddPageRoute("/SharedPosts/Edit", "partnerships/{partnershipId:guid}/shared-posts/new");
            options.Conventions.AddPageRoute("/Agreements/Edit", "partnerships/{partnershipId:guid}/agreements/new");
            options.Conventions.AddPageRoute("/Kpis/Edit", "agreements/{agreementId:guid}/kpis/new");
            options.Conventions.AddPageRoute("/Indicators/Edit", "indicators/new");
            options.Conventions.AddPageRoute("/Provisions/Edit", "provisions/new");
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "concord-antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiDescription>());

        services.AddHealthChecks()
            .AddCheck<ProcessHealthCheck>("process")
            .AddCheck<DatabaseHealthCheck>("database");

        services.AddScoped<LayoutContext>();
        services.AddScoped<Programme.ProgrammeReader>();
        services.AddScoped<Finance.HighNeedsReader>();
        services.AddSingleton<Evidence.EvidenceCache>();
        services.AddScoped<Evidence.EvidenceReader>();
        services.AddScoped<Programme.RiskReader>();
        services.AddScoped<Finance.SharedPostReader>();
        services.AddScoped<Finance.AgreementReader>();
        services.AddScoped<Outcomes.OutcomesReader>();
        services.AddScoped<Schools.SchoolRegister>();
        services.AddScoped<Sufficiency.ForecastReader>();
        services.AddScoped<Sufficiency.PlacementReader>();
        services.AddScoped<Sufficiency.ProvisionRegister>();
        services.AddScoped<Sufficiency.GiasCandidates>();
        services.AddScoped<Sufficiency.SufficiencyAssumptions>();
        services.AddScoped<Sufficiency.ChildrenRegister>();
        services.AddScoped<Sufficiency.EhcpGeneration>();

        // What the home page's "Needs attention" asks, each about its own kind of record.
        services.AddSingleton<IAttentionSource, LockedAccounts>();
        services.AddSingleton<IAttentionSource, ExpiringTokens>();
        services.AddSingleton<IAttentionSource, OverdueBoardActions>();
        services.AddSingleton<IAttentionSource, RiskReviewsDue>();
        services.AddSingleton<IAttentionSource, SharedPostReviewsDue>();
        services.AddScoped<IAttentionSource, Programme.ProgrammeAttention>();
        services.AddSingleton<IAttentionSource, KpiAlerts>();

        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath |
                HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return builder;
    }

    private static void AddSignIn(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<ConcordUser>(options =>
            {
                // Length over complexity, as the NCSC advises.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<ConcordDbContext>()
            .AddDefaultTokenProviders();

        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = DefaultScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(DefaultScheme, "Cookie or personal access token", options =>
            {
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? PersonalAccessTokenHandler.SchemeName
                        : IdentityConstants.ApplicationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null);
        authentication.AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie?.Configure(options =>
            {
                options.Cookie.Name = "concord";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/sign-in";
                options.LogoutPath = "/sign-out";
                options.AccessDeniedPath = "/error/403";
                options.Events.OnRedirectToLogin = context => Refuse(context.HttpContext, StatusCodes.Status401Unauthorized, () => context.Response.Redirect(context.RedirectUri));
                options.Events.OnRedirectToAccessDenied = context => Refuse(context.HttpContext, StatusCodes.Status403Forbidden, null);
            });
            cookies.ExternalCookie?.Configure(options => options.Cookie.Name = "concord-external");
        });

        var oidc = configuration.GetSection("Authentication:OpenIdConnect");
        if (OidcSettings.IsConfigured(oidc))
        {
            authentication.AddOpenIdConnect(OidcScheme, oidc["DisplayName"] ?? "your organisation's account", options =>
            {
                options.Authority = oidc["Authority"];
                options.ClientId = oidc["ClientId"];
                options.ClientSecret = oidc["ClientSecret"];
                options.MetadataAddress = oidc["MetadataAddress"];
                options.CallbackPath = oidc["CallbackPath"] ?? "/signin-oidc";
                options.ResponseType = "code";
                options.UsePkce = true;
                options.SaveTokens = false;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = true;
                options.Scope.Clear();
                foreach (var scope in OidcScopes)
                {
                    options.Scope.Add(scope);
                }

                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.RequireHttpsMetadata = !bool.TryParse(oidc["AllowHttpMetadata"], out var allow) || !allow;
            });
        }
    }

    /// <summary>
    /// Pages redirect to sign-in, or answer 403 with the GOV.UK error page; the API answers
    /// 401 or 403 with problem details instead of redirecting.
    /// </summary>
    private static async Task Refuse(HttpContext context, int status, Action? redirectPages)
    {
        if (ConcordErrors.IsApi(context))
        {
            context.Response.StatusCode = status;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = status,
                    Title = status == StatusCodes.Status401Unauthorized ? "Sign in required" : "Forbidden",
                    Detail = status == StatusCodes.Status401Unauthorized
                        ? "Sign in, or send a personal access token as a bearer token."
                        : "Your roles in the authority you are working for do not allow this.",
                },
            });
            return;
        }

        if (redirectPages is not null)
        {
            redirectPages();
            return;
        }

        // Let the status code pages show the GOV.UK "no permission" page at this address.
        context.Response.StatusCode = status;
    }
}

/// <summary>OpenID Connect (for example Microsoft Entra ID) is on when its authority and client id are configured.</summary>
public static class OidcSettings
{
    public static bool IsConfigured(IConfiguration section) =>
        !string.IsNullOrWhiteSpace(section["Authority"]) && !string.IsNullOrWhiteSpace(section["ClientId"]);

    /// <summary>The identity provider's origin, allowed as a form target by the Content-Security-Policy.</summary>
    public static string? Origin(IConfiguration configuration)
    {
        var section = configuration.GetSection("Authentication:OpenIdConnect");
        return IsConfigured(section) && Uri.TryCreate(section["Authority"], UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
    }
}
