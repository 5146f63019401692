using Microsoft.AspNetCore.Authorization;

namespace Bandit.Gateway.Authorization;

/// <summary>The caller must hold <see cref="Permission"/>.</summary>
internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
