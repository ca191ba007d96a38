namespace Concord.Web.Infrastructure.Security;

/// <summary>
/// Security headers on every response, static files included. The Content-Security-Policy allows
/// no inline script or style: every script Concord runs is a file it serves itself.
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(string? extraFormAction) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; " +
        $"form-action 'self'{(string.IsNullOrEmpty(extraFormAction) ? string.Empty : " " + extraFormAction)}";

    public static IApplicationBuilder UseConcordSecurityHeaders(this IApplicationBuilder app, string? oidcOrigin)
    {
        var csp = ContentSecurityPolicy(oidcOrigin);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                var type = context.Response.ContentType ?? string.Empty;
                if (type.StartsWith("text/html", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal))
                {
                    // Pages and API answers hold councils' records: never kept in a shared cache.
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next();
        });
    }
}
