using Orleans.Configuration;
using StackExchange.Redis;

namespace Bandit.Gateway;

/// <summary>Connects a stand-alone gateway to the silos.</summary>
public static class ClusterClientHostingExtensions
{
    /// <summary>
    /// Joins the cluster through Redis membership when <c>Bandit:Redis:ConnectionString</c> is set,
    /// otherwise through a silo gateway on localhost.
    /// </summary>
    public static WebApplicationBuilder UseBanditClusterClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var redis = builder.Configuration["Bandit:Redis:ConnectionString"];
        var clusterId = builder.Configuration["Bandit:Cluster:ClusterId"] ?? "bandit";
        var serviceId = builder.Configuration["Bandit:Cluster:ServiceId"] ?? "bandit";
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            if (string.IsNullOrEmpty(redis))
            {
                client.UseLocalhostClustering();
            }
            else
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
            }
        });
        return builder;
    }
}
