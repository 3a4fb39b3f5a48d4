using System;
using System.Globalization;

namespace SwrKit;

/// <summary>
/// An opt-in circuit breaker per client (one for each service): when at least <see cref="FailureRatio"/> of the
/// attempts within <see cref="SamplingDuration"/> fail transiently (and there were at least <see cref="MinimumThroughput"/>),
/// calls fail at once with <c>Polly.CircuitBreaker.BrokenCircuitException</c> for <see cref="BreakDuration"/>; then one
/// trial call decides whether the circuit closes again. Every attempt counts, retries included. Off by default.
/// </summary>
public sealed class SwrKitCircuitBreakerOptions
{
    /// <summary>Turns the circuit breaker on (<c>SwrKit:CircuitBreaker:Enabled</c>). Default <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The share of failed attempts that opens the circuit, more than 0 and at most 1. Default 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts within <see cref="SamplingDuration"/> before the circuit may open, at least 2. Default 10.</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window the failure ratio is measured over, 0.5 seconds to 24 hours. Default 30 seconds.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit rejects calls, 0.5 seconds to 24 hours. Default 15 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The settings.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{{ Enabled = {0}, FailureRatio = {1}, MinimumThroughput = {2}, SamplingDuration = {3}, BreakDuration = {4} }}",
            Enabled, FailureRatio, MinimumThroughput, SamplingDuration, BreakDuration);
}
