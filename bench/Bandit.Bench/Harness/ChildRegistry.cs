using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bandit.Bench.Harness;

/// <summary>
/// The PIDs of every process the bench started and has not stopped yet, so that an interrupted run (SIGINT,
/// SIGTERM) still stops them, each by its own PID.
/// </summary>
internal static class ChildRegistry
{
    private static readonly ConcurrentDictionary<int, string> Running = new();

    public static void Add(int pid, string what) => Running[pid] = what;

    public static void Remove(int pid) => Running.TryRemove(pid, out _);

    public static void KillAll()
    {
        foreach (var (pid, what) in Running)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                Console.Error.WriteLine($"bandit-bench: stopping {what} (pid {pid})");
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }

            Running.TryRemove(pid, out _);
        }
    }
}
