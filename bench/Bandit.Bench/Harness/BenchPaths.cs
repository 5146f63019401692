namespace Bandit.Bench.Harness;

/// <summary>Where the built programs the bench starts are: each project's own bin folder, one configuration.</summary>
internal sealed record BenchPaths(string RepositoryRoot, string Configuration)
{
    private const string Tfm = "net10.0";

    public string Dotnet { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
        ? host
        : "dotnet";

    public string SiloDirectory => Path.Combine(RepositoryRoot, "src", "Silo", "bin", Configuration, Tfm);

    public string SiloDll => Path.Combine(SiloDirectory, "Bandit.Silo.dll");

    public string DevBrokerDll =>
        Path.Combine(RepositoryRoot, "tools", "DevBroker", "bin", Configuration, Tfm, "bandit-devbroker.dll");

    public string BenchDll =>
        Path.Combine(RepositoryRoot, "bench", "Bandit.Bench", "bin", Configuration, Tfm, "bandit-bench.dll");

    /// <summary>The repository holding this build: the first folder upwards with Bandit.sln.</summary>
    public static BenchPaths Locate(string configuration)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bandit.sln")))
            {
                return new BenchPaths(dir.FullName, configuration);
            }
        }

        throw new DirectoryNotFoundException($"no Bandit.sln above {AppContext.BaseDirectory}");
    }

    public void Check()
    {
        foreach (var file in new[] { SiloDll, DevBrokerDll, BenchDll })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"{file} is missing: build with -c {Configuration} first", file);
            }
        }
    }
}
