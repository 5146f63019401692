using Bandit.Grains;
using Bandit.Grains.Arms;
using Bandit.Grains.Arms.Storage;
using Bandit.Grains.Ranking;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// One in-memory Orleans test cluster for the grain tests, with a non-default prior Beta(2, 3) so that
/// tests can tell configured priors from hard-coded ones.
/// </summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public const double PriorAlpha = 2.0;
    public const double PriorBeta = 3.0;
    public const int ShardCount = 4;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<Configurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.StopAllSilosAsync();

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(BanditStorage.Name);
            siloBuilder.Services.AddSingleton<IArmStore, MemoryArmStore>();
            siloBuilder.Services.AddMetrics();
            siloBuilder.Services.AddSingleton<BanditMetrics>();
            siloBuilder.Services.Configure<ArmOptions>(o =>
            {
                o.PriorAlpha = PriorAlpha;
                o.PriorBeta = PriorBeta;
            });
            siloBuilder.Services.Configure<RankingOptions>(o => o.ShardCount = ShardCount);
        }
    }
}
