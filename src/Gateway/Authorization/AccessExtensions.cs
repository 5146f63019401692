using System.Text;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Bandit.Gateway.Authorization;

/// <summary>Authentication (JWT bearer, API keys) and per-method permissions of the gateway.</summary>
public static class AccessExtensions
{
    private const string SelectorScheme = "Bandit";

    /// <summary>
    /// Registers <c>Bandit:Auth</c>. With <see cref="AuthMode.Required"/> it adds the JWT and API-key schemes
    /// and one policy per permission; otherwise it only warns, at start, that the gateway is open.
    /// </summary>
    public static IServiceCollection AddBanditAccess(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
        if (auth.Mode != AuthMode.Required)
        {
            services.AddHostedService(sp => new OpenGatewayWarning(
                sp.GetRequiredService<ILogger<OpenGatewayWarning>>(),
                auth.Mode is not null));
            return services;
        }

        services.AddSingleton<ApiKeyStore>();
        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or JWT bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(AuthOptions.ApiKeyHeader)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName,
                _ => { });
        authentication.AddJwtBearer(o =>
        {
            // Claims keep their JWT names (sub, scope), not the long XML-era URIs.
            o.MapInboundClaims = false;
            o.TokenValidationParameters = auth.Jwt.IsConfigured
                ? new TokenValidationParameters
                {
                    ValidIssuer = auth.Jwt.Issuer,
                    ValidAudience = auth.Jwt.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.Jwt.SigningKey)),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = auth.Jwt.ClockSkew,
                    NameClaimType = PermissionHandler.SubjectClaim,
                }
                // No JWT configured: every token fails, as no key can have signed it.
                : new TokenValidationParameters { IssuerSigningKeys = [], ValidateIssuer = true, ValidIssuer = "" };
        });

        services.AddAuthorization(o =>
        {
            foreach (var permission in Permissions.All)
            {
                o.AddPolicy(Permissions.PolicyOf(permission), p => p
                    .RequireAuthenticatedUser()
                    .AddRequirements(new PermissionRequirement(permission)));
            }
        });
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        services.AddHostedService(sp => new AuthRequiredNote(
            sp.GetRequiredService<ILogger<AuthRequiredNote>>(),
            sp.GetRequiredService<IOptions<AuthOptions>>().Value));
        return services;
    }

    /// <summary>
    /// With authentication required, each gRPC method of the service needs its permission
    /// (<see cref="MethodPermissions"/>); a method not listed there needs admin.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder RequireMethodPermissions(
        this GrpcServiceEndpointConventionBuilder builder,
        IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(endpoints);

        if (IsRequired(endpoints))
        {
            builder.Add(endpoint =>
            {
                var method = endpoint.Metadata.OfType<GrpcMethodMetadata>().FirstOrDefault()?.Method.Name;
                endpoint.Metadata.Add(new AuthorizeAttribute(
                    Permissions.PolicyOf(method is null ? Permissions.Admin : MethodPermissions.Of(method))));
            });
        }

        return builder;
    }

    /// <summary>With authentication required, the endpoints need <paramref name="permission"/>.</summary>
    public static TBuilder RequirePermission<TBuilder>(
        this TBuilder builder,
        IEndpointRouteBuilder endpoints,
        string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        return IsRequired(endpoints) ? builder.RequireAuthorization(Permissions.PolicyOf(permission)) : builder;
    }

    /// <summary>With authentication required, the endpoints need an authenticated caller.</summary>
    public static TBuilder RequireCaller<TBuilder>(this TBuilder builder, IEndpointRouteBuilder endpoints)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        return IsRequired(endpoints) ? builder.RequireAuthorization() : builder;
    }

    private static bool IsRequired(IEndpointRouteBuilder endpoints) =>
        endpoints.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.Mode == AuthMode.Required;
}
