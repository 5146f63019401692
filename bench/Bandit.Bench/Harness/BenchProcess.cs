using System.Diagnostics;
using System.Globalization;

namespace Bandit.Bench.Harness;

/// <summary>
/// A process the bench started, its output going to a log file. It is stopped by its own PID: SIGTERM first,
/// SIGKILL when it does not exit in time.
/// </summary>
internal sealed class BenchProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private BenchProcess(Process process, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string LogPath { get; }

    /// <summary>Lines of standard output seen so far, for processes that announce themselves.</summary>
    public List<string> Lines { get; } = [];

    public static BenchProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string logPath,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        var started = new BenchProcess(process, log, logPath);
        process.OutputDataReceived += (_, e) => started.Capture(e.Data, keep: true);
        process.ErrorDataReceived += (_, e) => started.Capture(e.Data, keep: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ChildRegistry.Add(process.Id, Path.GetFileNameWithoutExtension(logPath));
        started.Capture($"# started pid {process.Id}: {fileName} {string.Join(' ', start.ArgumentList)}", false);
        return started;
    }

    /// <summary>Resident set size in bytes from /proc; NaN once the process is gone.</summary>
    public double ResidentBytes() => ProcessMemory.ResidentBytes(Pid);

    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        ChildRegistry.Remove(Pid);
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void Capture(string? line, bool keep)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (keep)
            {
                Lines.Add(line);
            }

            if (_log.BaseStream is not null)
            {
                _log.WriteLine(line);
            }
        }
    }
}
