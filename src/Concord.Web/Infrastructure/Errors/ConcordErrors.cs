using System.Text.Json;
using Concord.Core;
using Concord.Core.Access;
using Concord.Core.Programme;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concord.Web.Infrastructure.Errors;

/// <summary>
/// How exceptions become answers. The API answers with RFC 7807 problem details; pages re-run as
/// the GOV.UK error page with the same status. Neither ever shows a stack trace.
/// </summary>
public static class ConcordErrors
{
    /// <summary>
    /// Whether the request was for the API. Inside the exception handler the path has already been
    /// rewritten to /error, so the original path is read from the handler's feature.
    /// </summary>
    public static bool IsApi(HttpContext context)
    {
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : context.Request.Path;
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");
    }

    public static int StatusFor(Exception exception) => exception switch
    {
        RuleViolationException => StatusCodes.Status400BadRequest,
        GateNotMetException => StatusCodes.Status422UnprocessableEntity,
        AccessDeniedException => StatusCodes.Status403Forbidden,
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ProblemDetails ProblemFor(Exception exception)
    {
        var status = StatusFor(exception);
        return exception switch
        {
            RuleViolationException rules => new ValidationProblemDetails(
                rules.Violations.GroupBy(v => JsonNamingPolicy.CamelCase.ConvertName(v.Field)).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()))
            {
                Status = status,
                Title = "The request has problems",
                Detail = rules.Message,
            },
            AccessDeniedException denied => new ProblemDetails { Status = status, Title = "Forbidden", Detail = denied.Message },
            GateNotMetException gate => new ProblemDetails
            {
                Status = status,
                Title = $"The option cannot leave {gate.Stage.Display().ToLowerInvariant()} yet",
                Detail = gate.Message,
                Extensions = { ["unmet"] = gate.Missing },
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = status,
                Title = "The record was changed by someone else",
                Detail = "Someone else saved this record after you read it. Read it again and reapply your change with its new version.",
            },
            BadHttpRequestException { InnerException: JsonException json } => new ProblemDetails
            {
                Status = status,
                Title = "The request body is not valid JSON for this request",
                Detail = json.Path is null
                    ? "The JSON could not be read."
                    : $"The value at {json.Path} (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}) could not be read. Check its type and spelling against the OpenAPI document.",
            },
            BadHttpRequestException bad => new ProblemDetails { Status = status, Title = "Bad request", Detail = bad.Message },
            _ => new ProblemDetails
            {
                Status = status,
                Title = "Sorry, there is a problem with the service",
                Detail = "The error has been logged. Try again later.",
            },
        };
    }
}

/// <summary>Answers API requests that threw with problem details; leaves pages to the GOV.UK error page.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ConcordErrors.ProblemFor(exception);
        if (problem.Status >= 500)
        {
            var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, path);
        }

        if (!ConcordErrors.IsApi(httpContext))
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
