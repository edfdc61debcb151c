using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace RetailRec.Web.Api;

/// <summary>
/// Every exception that escapes an /api endpoint becomes a problem-details JSON answer with a trace id (added by
/// <see cref="IProblemDetailsService"/>) and never a stack trace or an HTML page: a request the server refused while
/// reading it (body too large, malformed) keeps its 4xx status with the app's own message; anything else is a 500
/// whose details stay in the log, found by the trace id.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, UploadLimits limits, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!context.Request.Path.StartsWithSegments("/api")) return false; // pages keep the app's error page
        var (status, title) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, UploadProblems.TooLarge(limits)),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read: " + bad.Message),
            _ => (500, "An unexpected error occurred. Quote the trace id when you report it."),
        };
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = null, // never serialised into the answer
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        });
    }
}
