using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Bandit.Gateway.Authorization;

/// <summary>
/// Answers a refused gRPC call with a gRPC status and a message that says what is missing:
/// <c>Unauthenticated</c> without valid credentials, <c>PermissionDenied</c> naming the permission otherwise.
/// Other requests (the dashboard) get the usual 401 and 403.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler(ILogger<GrpcAuthorizationResultHandler> logger)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);

        // The middleware keeps only successful results; the handlers cache theirs, so this costs nothing.
        var failure = authorizeResult.Challenged ? (await context.AuthenticateAsync()).Failure : null;
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            Log(context, authorizeResult, failure);
        }

        var grpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;
        if (!grpc || !(authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var (code, message) = authorizeResult.Challenged
            ? (StatusCode.Unauthenticated, ChallengeMessage(failure))
            : (StatusCode.PermissionDenied, ForbiddenMessage(authorizeResult));
        // A trailers-only gRPC response: HTTP 200 whose headers carry the status.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    private static string ChallengeMessage(Exception? failure) =>
        failure is null
            ? $"credentials required: send an API key in the {AuthOptions.ApiKeyHeader} header or "
                + "'authorization: Bearer <JWT>'"
            : "the credentials were not accepted (unknown API key, or a JWT that is expired, not yet valid, "
                + "for another issuer or audience, or wrongly signed)";

    private static string ForbiddenMessage(PolicyAuthorizationResult result)
    {
        var missing = result.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>()
            .Select(r => r.Permission).FirstOrDefault();
        return missing is null
            ? "the caller may not make this call"
            : $"this call needs the permission '{missing}', which the caller's credentials do not grant";
    }

    private void Log(HttpContext context, PolicyAuthorizationResult result, Exception? failure)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (result.Challenged)
        {
            // The failure's type only: exception messages of token validation can quote the token.
            GatewayLog.CallUnauthenticated(
                logger,
                context.Request.Path,
                remote,
                failure is null ? "no credentials" : failure.GetType().Name);
        }
        else
        {
            GatewayLog.CallForbidden(logger, context.Request.Path, context.User.Identity?.Name ?? "?", remote);
        }
    }
}
