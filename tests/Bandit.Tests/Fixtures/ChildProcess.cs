using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// A server process a test started, with stdout and stderr captured in a <see cref="ProcessLog"/>. Tests
/// kill what they start in Dispose; a test host that exits before that still takes its children with it.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);
    private static readonly ConcurrentDictionary<ChildProcess, byte> Running = new();

    private readonly Process _process;
    private readonly ProcessLog _log;

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var child in Running.Keys)
        {
            child.Dispose();
        }
    };

    private ChildProcess(Process process, ProcessLog log)
    {
        _process = process;
        _log = log;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once <see cref="KillAsync"/> or <see cref="TerminateAsync"/> saw it.</summary>
    public int? ExitCode { get; private set; }

    public static ChildProcess Start(ProcessStartInfo start, ProcessLog log)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(log);

        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Capture(log, e.Data);
        process.ErrorDataReceived += (_, e) => Capture(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var child = new ChildProcess(process, log);
        Running[child] = 0;
        log.Note($"started pid {process.Id}: {start.FileName} {string.Join(' ', start.ArgumentList)}");
        return child;
    }

    /// <summary>SIGKILL to the process and everything it started: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _log.Note($"kill -9 pid {_process.Id}");
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(ExitTimeout);
        ExitCode = _process.ExitCode;
        Forget();
    }

    /// <summary>
    /// SIGTERM, as an orchestrator sends before it stops a container, then waits for the exit.
    /// Returns false when the process still runs at the deadline (it is left running for the caller).
    /// </summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        _log.Note($"kill -TERM pid {_process.Id}");
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException(
                $"kill -TERM {_process.Id} failed with errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            return false;
        }

        ExitCode = _process.ExitCode;
        _log.Note($"pid {_process.Id} exited with code {ExitCode}");
        Forget();
        return true;
    }

    /// <summary>Kills the process if it still runs; never throws, as it runs during cleanup.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(ExitTimeout);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or AggregateException or Win32Exception)
        {
            // Exited between the check and the kill, or already disposed: nothing left to stop.
        }

        Forget();
    }

    private void Forget()
    {
        if (Running.TryRemove(this, out _))
        {
            _process.Dispose();
        }
    }

    // Process.Kill only sends SIGKILL; a graceful stop needs SIGTERM, as Linux numbers it.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static void Capture(ProcessLog log, string? line)
    {
        if (line is not null)
        {
            log.Add(line);
        }
    }
}
