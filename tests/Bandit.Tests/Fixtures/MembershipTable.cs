using System.Text.Json;
using Orleans.Runtime;
using StackExchange.Redis;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// Reads the Orleans membership table that Redis clustering keeps (one hash per service and cluster, one JSON
/// entry per silo incarnation), to see what a silo told the cluster about itself.
/// </summary>
internal static class MembershipTable
{
    /// <summary>
    /// The status of the newest incarnation of the silo on <paramref name="siloPort"/>; null when the
    /// table has none.
    /// </summary>
    public static async Task<SiloStatus?> NewestStatusAsync(
        string redisConnectionString,
        string serviceId,
        string clusterId,
        int siloPort)
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        var rows = await connection.GetDatabase().HashGetAllAsync($"{serviceId}/members/{clusterId}");
        var newest = rows
            .Where(row => row.Name.ToString().Contains(':', StringComparison.Ordinal))
            .Select(row => Parse(row.Value.ToString()))
            .Where(entry => entry.Address.Endpoint.Port == siloPort)
            .MaxBy(entry => entry.Address.Generation);
        return newest.Address is null ? null : newest.Status;
    }

    private static (SiloAddress Address, SiloStatus Status) Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var address = SiloAddress.FromParsableString(
            root.GetProperty("SiloAddress").GetProperty("SiloAddress").GetString()!);
        return (address, (SiloStatus)root.GetProperty("Status").GetInt32());
    }
}
