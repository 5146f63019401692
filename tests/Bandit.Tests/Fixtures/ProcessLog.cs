using Xunit.Abstractions;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// What a child process wrote, one line at a time with the wall time it arrived, kept across restarts of the
/// same server so that a failing test can print what happened around the fault.
/// </summary>
internal sealed class ProcessLog(string name)
{
    // Enough for a fault test's worth of warnings; a runaway process must not exhaust the test host.
    private const int MaxLines = 20_000;

    private readonly Lock _gate = new();
    private readonly Queue<string> _lines = new();
    private long _dropped;

    public string Name => name;

    public void Add(string line)
    {
        var stamped = $"{DateTime.UtcNow:HH:mm:ss.fff} {line}";
        lock (_gate)
        {
            if (_lines.Count == MaxLines)
            {
                _lines.Dequeue();
                _dropped++;
            }

            _lines.Enqueue(stamped);
        }
    }

    /// <summary>A marker from the test itself (start, kill, stop), so the output tells one story.</summary>
    public void Note(string text) => Add("--- " + text);

    public int Count(string text)
    {
        lock (_gate)
        {
            return _lines.Count(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    public void WriteTo(ITestOutputHelper output, int lastLines = 300)
    {
        ArgumentNullException.ThrowIfNull(output);

        string[] lines;
        long skipped;
        lock (_gate)
        {
            lines = [.. _lines.Skip(Math.Max(0, _lines.Count - lastLines))];
            skipped = _dropped + _lines.Count - lines.Length;
        }

        output.WriteLine($"===== {name}: last {lines.Length} lines ({skipped} earlier not shown) =====");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
    }
}
