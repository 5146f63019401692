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

    /// <summary>Address other silos reach this one at; loopback by default.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
