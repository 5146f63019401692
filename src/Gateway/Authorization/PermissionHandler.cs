using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Bandit.Gateway.Authorization;

/// <summary>
/// Grants a <see cref="PermissionRequirement"/> to a caller whose <c>scope</c> claim (space-separated, as in
/// OAuth 2) or one of whose <c>permissions</c> claims names it.
/// </summary>
internal sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    /// <summary>The caller's identity: a JWT's subject or an API key's name.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>Space-separated permissions.</summary>
    public const string ScopeClaim = "scope";

    /// <summary>One permission per claim (a JSON array in a JWT).</summary>
    public const string PermissionsClaim = "permissions";

    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context,
        PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);

        if (context.User.Identity is { IsAuthenticated: true } && Holds(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static bool Holds(ClaimsPrincipal user, string permission) =>
        user.FindAll(ScopeClaim).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Contains(permission, StringComparer.Ordinal))
        || user.FindAll(PermissionsClaim).Any(c => string.Equals(c.Value, permission, StringComparison.Ordinal));
}
