using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SwrKit.Tests.Infrastructure;

/// <summary>One captured log line.</summary>
public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, string? Exception, IReadOnlyList<KeyValuePair<string, object?>> State)
{
    public object? this[string name] => State.FirstOrDefault(p => p.Key == name).Value;

    public override string ToString() => $"{Level} {Category}[{EventId.Id}] {Message}{(Exception is null ? "" : " | " + Exception)}";
}

/// <summary>Captures every log line at every level (Trace included) and hands each to <see cref="SecretScan"/>.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => _lines.ToArray();

    public IReadOnlyList<LogLine> SwrKitLines => Lines.Where(l => l.Category.StartsWith("SwrKit", StringComparison.Ordinal)).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            SecretScan.Record("scope: " + state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var properties = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            var line = new LogLine(category, logLevel, eventId, message, exception?.ToString(), properties);
            owner._lines.Enqueue(line);
            SecretScan.Record(line.ToString());
            foreach (var property in properties)
            {
                SecretScan.Record(property.Key + "=" + property.Value);
            }
        }
    }
}
