namespace Bandit.Gateway;

// Access control and limits. Never log a key, a token, a hash of either or a connection string.
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "The gateway is OPEN ({Reason}): anyone who reaches its port may write events, register posts "
            + "and open the dashboard. Set Bandit:Auth:Mode to Required outside a developer's machine")]
    public static partial void GatewayOpen(ILogger logger, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information,
        Message = "Gateway authentication required: JWT {JwtEnabled}, {ApiKeys} API keys")]
    public static partial void AuthRequired(ILogger logger, bool jwtEnabled, int apiKeys);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information,
        Message = "Refused {Path} from {RemoteAddress}: not authenticated ({Failure})")]
    public static partial void CallUnauthenticated(ILogger logger, string path, string remoteAddress, string failure);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information,
        Message = "Refused {Path} to {Caller} from {RemoteAddress}: permission missing")]
    public static partial void CallForbidden(ILogger logger, string path, string caller, string remoteAddress);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Debug,
        Message = "Rate limit: refused {Method} to client {Client}")]
    public static partial void ClientRateLimited(ILogger logger, string method, string client);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning,
        Message = "New-post admission limit reached: refused unknown post {PostId} ({Refused} refused so far)")]
    public static partial void NewPostRefused(ILogger logger, string postId, long refused);
}
