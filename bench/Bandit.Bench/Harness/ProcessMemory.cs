using System.Globalization;

namespace Bandit.Bench.Harness;

/// <summary>Memory of a process as Linux reports it.</summary>
internal static class ProcessMemory
{
    /// <summary>VmRSS from /proc/PID/status in bytes; NaN when the process is gone.</summary>
    public static double ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status")
                .FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kilobytes is null ? double.NaN : double.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
