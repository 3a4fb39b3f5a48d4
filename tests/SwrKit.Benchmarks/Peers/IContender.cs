namespace SwrKit.Benchmarks.Peers;

/// <summary>
/// One way of calling the five operations (the hand-written floor, SwrKit, Refit, Kiota; plain or through dependency
/// injection). Each call returns the value that proves the loopback server's answer was read.
/// </summary>
public interface IContender : IDisposable
{
    string Name { get; }

    Task DeleteImageSyncRepo();

    Task DeleteRetention();

    Task<string?> StartRemoteMirrorSynchronization();

    Task<string?> DeleteImage();

    Task<int?> RunImageSynchronize();
}

/// <summary>The five operations, in the order every table lists them.</summary>
public static class Operations
{
    public static readonly string[] Names = ["DeleteImageSyncRepo", "DeleteRetention", "StartRemoteMirrorSynchronization", "DeleteImage", "RunImageSynchronize"];

    /// <summary>The call of operation <paramref name="index"/> on <paramref name="contender"/>, as a delegate the harnesses time.</summary>
    public static Func<Task> Call(IContender contender, int index) => index switch
    {
        0 => contender.DeleteImageSyncRepo,
        1 => contender.DeleteRetention,
        2 => contender.StartRemoteMirrorSynchronization,
        3 => contender.DeleteImage,
        4 => contender.RunImageSynchronize,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>Calls every operation once and checks each answer: a contender that does not read the response is not measured.</summary>
    public static async Task VerifyAsync(IContender contender)
    {
        await contender.DeleteImageSyncRepo().ConfigureAwait(false);
        await contender.DeleteRetention().ConfigureAwait(false);
        Expect(contender, await contender.StartRemoteMirrorSynchronization().ConfigureAwait(false) == Client.CallArguments.ExpectedJid, "jid");
        Expect(contender, await contender.DeleteImage().ConfigureAwait(false) == Client.CallArguments.ExpectedImageStatus, "status");
        Expect(contender, await contender.RunImageSynchronize().ConfigureAwait(false) == Client.CallArguments.ExpectedErrorCode, "error_code");
    }

    private static void Expect(IContender contender, bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{contender.Name}: unexpected {what} from the loopback server.");
        }
    }
}
