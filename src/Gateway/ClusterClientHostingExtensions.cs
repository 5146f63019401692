using Orleans.Configuration;
using StackExchange.Redis;

namespace Bandit.Gateway;

/// <summary>Connects a stand-alone gateway to the silos.</summary>
public static class ClusterClientHostingExtensions
{
    /// <summary>Orleans' default gateway port of a silo.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>
    /// Joins the cluster through Redis membership when <c>Bandit:Redis:ConnectionString</c> is set,
    /// otherwise through the silo gateway at 127.0.0.1:<c>Bandit:Cluster:GatewayPort</c>.
    /// </summary>
    public static WebApplicationBuilder UseBanditClusterClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var redis = builder.Configuration["Bandit:Redis:ConnectionString"];
        var clusterId = builder.Configuration["Bandit:Cluster:ClusterId"] ?? "bandit";
        var serviceId = builder.Configuration["Bandit:Cluster:ServiceId"] ?? "bandit";
        var gatewayPort = builder.Configuration.GetValue("Bandit:Cluster:GatewayPort", DefaultGatewayPort);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            if (string.IsNullOrEmpty(redis))
            {
                client.UseLocalhostClustering(gatewayPort);
            }
            else
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
            }
        });
        return builder;
    }
}
