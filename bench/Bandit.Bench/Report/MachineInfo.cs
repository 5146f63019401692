using System.Globalization;
using System.Runtime.InteropServices;

namespace Bandit.Bench.Report;

/// <summary>What the figures were measured on.</summary>
internal static class MachineInfo
{
    public static IEnumerable<string> Describe()
    {
        yield return $"cpu:     {CpuModel()}, {Environment.ProcessorCount} logical cores";
        yield return $"memory:  {MemoryGiB():0.0} GiB";
        yield return $"os:      {OsName()} ({RuntimeInformation.OSArchitecture}, "
            + $"kernel {Environment.OSVersion.Version})";
        yield return $".NET:    {RuntimeInformation.FrameworkDescription}";
        yield return $"redis:   {RedisVersion()}";
    }

    private static string CpuModel() => ReadField("/proc/cpuinfo", "model name") ?? "unknown";

    private static double MemoryGiB()
    {
        var total = ReadField("/proc/meminfo", "MemTotal")?.Split(' ')[0];
        return total is null ? double.NaN : double.Parse(total, CultureInfo.InvariantCulture) / 1024 / 1024;
    }

    private static string OsName()
    {
        var pretty = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release")
                .FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            : null;
        return pretty?["PRETTY_NAME=".Length..].Trim('"') ?? RuntimeInformation.OSDescription;
    }

    private static string RedisVersion()
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
                "redis-server", "--version") { RedirectStandardOutput = true });
            var text = process!.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }

    private static string? ReadField(string path, string name)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
