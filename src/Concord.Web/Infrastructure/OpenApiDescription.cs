using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Concord.Web.Infrastructure;

/// <summary>Describes the API and how to authenticate to it in the OpenAPI document.</summary>
public sealed class OpenApiDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Concord API",
            Version = "v1",
            Description = "The records Concord's pages show, with the same permissions. Authenticate with the browser's sign-in cookie, " +
                "or a personal access token from your account page sent as 'Authorization: Bearer concord_pat_...'. " +
                "Choose the authority you are working for with the X-Concord-Authority header (its id or ONS code).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["PersonalAccessToken"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token created on your account page.",
        };
        return Task.CompletedTask;
    }
}
