namespace Bandit.Silo;

/// <summary>Host-level settings of a silo. Bound from <c>Bandit:Cluster</c>.</summary>
public sealed class BanditSiloSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bandit:Cluster";

    /// <summary>Orleans cluster id; silos and gateways of one cluster share it.</summary>
    public string ClusterId { get; set; } = "bandit";

    /// <summary>Orleans service id: names the stored state, so it must stay the same across deployments.</summary>
    public string ServiceId { get; set; } = "bandit";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (stand-alone gateways) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos reach this one at; loopback by default. Ignored in Kubernetes.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Host the silo in Kubernetes: the pod's IP, name and namespace (<c>POD_IP</c>, <c>POD_NAME</c>,
    /// <c>POD_NAMESPACE</c>) name the silo, and pods that disappear leave the cluster at once. Unset means on
    /// when <c>KUBERNETES_SERVICE_HOST</c>, <c>POD_NAME</c> and <c>POD_NAMESPACE</c> are all set.
    /// </summary>
    public bool? Kubernetes { get; set; }
}
