using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace SwrKit.Tests.Infrastructure;

/// <summary>The secrets the tests hand to SwrKit. None of them may appear in a log line or an exception text.</summary>
public static class TestSecrets
{
    public const string AccessKey = "TEST-AK-1"; // not a secret: it is in every Authorization header
    public const string SecretKey = "TEST-SECRET-KEY-9f3";
    public const string SecurityToken = "TEST-SECURITY-TOKEN-4d2";
    public const string Token = "TEST-TOKEN-7c1";
    public const string MirrorUsername = "mirror-user-3a9";
    public const string MirrorPassword = "mirror-pass-5e2";

    /// <summary>Every text that must never be seen: the secrets, their Base64 wire forms, and any signature.</summary>
    public static IReadOnlyList<string> Forbidden { get; } =
    [
        SecretKey, SecurityToken, Token, MirrorUsername, MirrorPassword,
        Convert.ToBase64String(Encoding.UTF8.GetBytes(MirrorUsername)),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(MirrorPassword)),
        "Signature=",
    ];
}

/// <summary>
/// A process-wide collector: every log line the capturing logger sees, every exception thrown anywhere in the test
/// process (first chance, from the moment the assembly loads) and every exception text a test hands over.
/// </summary>
public static class SecretScan
{
    private static readonly ConcurrentQueue<string> Texts = new();
    private static int _count;

#pragma warning disable CA2255 // A module initializer in a test assembly: the hook must be there before the first test runs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install()
    {
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            // Assertion failures print expected/actual values on purpose; they fail their own test anyway.
            if (e.Exception is not Xunit.Sdk.XunitException)
            {
                Record("first-chance " + e.Exception.GetType().Name + ": " + e.Exception.Message);
            }
        };
    }

    /// <summary>How many texts were collected so far (proves the scan is not vacuous).</summary>
    public static int Count => Volatile.Read(ref _count);

    public static void Record(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Texts.Enqueue(text);
        Interlocked.Increment(ref _count);
    }

    /// <summary>Records the full text of an exception (type, message, inner exceptions, stack).</summary>
    public static T Record<T>(T exception)
        where T : Exception
    {
        Record(exception.ToString());
        return exception;
    }

    public static IReadOnlyList<string> Hits() =>
        Texts.Where(text => TestSecrets.Forbidden.Any(secret => text.Contains(secret, StringComparison.Ordinal))).ToList();

    public static void AssertClean()
    {
        var hits = Hits();
        Assert.True(hits.Count == 0, "A test secret appeared in a log line or exception text:\n" + string.Join("\n---\n", hits.Take(5).Select(Mask)));
    }

    // The failure message itself must not print the secret again.
    private static string Mask(string text) => TestSecrets.Forbidden.Aggregate(text, (t, secret) => t.Replace(secret, "<SECRET:" + secret.Length + ">", StringComparison.Ordinal));
}
