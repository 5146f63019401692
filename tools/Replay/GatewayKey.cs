using Grpc.Core;
using Grpc.Net.Client;

namespace Bandit.Tools.Replay;

/// <summary>
/// The API key for a gateway that requires one, from the environment variable <c>BANDIT_API_KEY</c> (not an
/// argument: arguments are visible to every user of the machine). It needs the permission rankings:read.
/// </summary>
internal static class GatewayKey
{
    public const string Variable = "BANDIT_API_KEY";

    public static GrpcChannelOptions ChannelOptions(Uri gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);

        var key = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(key))
        {
            return new GrpcChannelOptions();
        }

        var sendKey = CallCredentials.FromInterceptor((_, headers) =>
        {
            headers.Add("x-api-key", key);
            return Task.CompletedTask;
        });
        var transport = gateway.Scheme == Uri.UriSchemeHttps
            ? ChannelCredentials.SecureSsl
            : ChannelCredentials.Insecure;
        return new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(transport, sendKey),
            // Over plain h2c the key travels in the clear; acceptable on 127.0.0.1 or inside a cluster network.
            UnsafeUseInsecureChannelCallCredentials = true,
        };
    }
}
