using System.Threading.Tasks;

namespace SwrKit;

/// <summary>Makes deletes idempotent: "already gone" counts as done.</summary>
public static class NotFoundExtensions
{
    /// <summary>
    /// Awaits a delete and returns <see langword="false"/> instead of throwing when the resource was not found
    /// (<see cref="SwrServiceException.IsNotFound"/>); other errors still throw.
    /// </summary>
    /// <param name="operation">The delete, e.g. <c>client.DeleteRetentionAsync("my-org", "group$app", 42)</c>.</param>
    /// <returns><see langword="true"/> when this call deleted it, <see langword="false"/> when it did not exist.</returns>
    /// <example><code>bool deleted = await client.DeleteRetentionAsync("my-org", "group$app", 42).IgnoreNotFoundAsync();</code></example>
    public static async Task<bool> IgnoreNotFoundAsync(this Task operation)
    {
        try
        {
            await operation.ConfigureAwait(false);
            return true;
        }
        catch (SwrServiceException ex) when (ex.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>Awaits a delete that returns a value; <see langword="default"/> when the resource was not found.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="operation">The delete.</param>
    /// <returns>The result, or <see langword="default"/> when not found.</returns>
    public static async Task<T?> IgnoreNotFoundAsync<T>(this Task<T> operation)
    {
        try
        {
            return await operation.ConfigureAwait(false);
        }
        catch (SwrServiceException ex) when (ex.IsNotFound)
        {
            return default;
        }
    }
}
