using Bandit.Grains;
using Bandit.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Bandit.Tests.Hosting;

/// <summary>Test silos share one process; one stopping must not take the others' metric series with it.</summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class InProcessHostMetricsTests(GatewaySiloFixture fixture)
{
    [Fact]
    public async Task InProcessHosts_OneStops_TheOtherKeepsItsMetricSeries()
    {
        // Arrange: the instruments exist (grains create them on first use).
        fixture.Silo.Services.GetRequiredService<BanditMetrics>();
        using var http = new HttpClient { BaseAddress = fixture.Silo.WebAddress };
        var before = await http.GetStringAsync("/metrics");
        Assert.Contains("bandit_records_dead_lettered_total", before, StringComparison.Ordinal);

        // Act: a second silo in the same process starts and stops.
        var second = await TestSilo.StartAsync(new TestSiloSettings(
            fixture.Broker.BootstrapServers,
            fixture.Broker.CreateTopic(2),
            2,
            fixture.RedisConnectionString,
            "second-host-" + Guid.NewGuid().ToString("N")[..6]));
        second.Services.GetRequiredService<BanditMetrics>();
        await second.DisposeAsync();
        // The exporter caches a scrape for a moment and drops a finished stream one collection after it ended:
        // the series must stay through several fresh scrapes.
        var scrapes = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400));
            scrapes.Add(await http.GetStringAsync("/metrics"));
        }

        // Assert
        Assert.All(
            scrapes,
            text => Assert.Contains("bandit_records_dead_lettered_total", text, StringComparison.Ordinal));
    }
}
