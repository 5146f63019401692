using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// Keeps every log entry a host writes, as text: the formatted message, each structured value and the
/// exception with its stack. For asserting what a process says, and what it must never say.
/// </summary>
public sealed class InMemoryLogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            var message = formatter(state, exception);
            entries.Enqueue($"{logLevel} {category}[{eventId.Id}] {message} {{{values}}} {exception}");
        }
    }
}
