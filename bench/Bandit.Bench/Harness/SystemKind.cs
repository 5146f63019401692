namespace Bandit.Bench.Harness;

/// <summary>The systems the bench compares.</summary>
internal enum SystemKind
{
    /// <summary>The real silo from src/Silo, with Redis persistence.</summary>
    Bandit,

    /// <summary>A Lua script per event into a Redis hash and sorted set.</summary>
    Redis,

    /// <summary>One process, a dictionary and an indexed heap: the practical upper bound.</summary>
    InMemory,
}
