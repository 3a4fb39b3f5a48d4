using System.Net;

namespace SwrKit.Tests.Errors;

/// <summary>
/// The one reader of whole response bodies: it keeps at most the limit, tells "exactly the limit" from "more", sizes
/// its buffer by the bytes that arrive (a declared length only ever shrinks the first buffer), keeps a truncated error
/// body when asked to, and always disposes the stream.
/// </summary>
public sealed class CappedBodyReaderTests
{
    private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 7 + 3)).ToArray();

    private static Task<CappedBody> Read(HttpContent content, int limit, bool tolerateTruncation = false, CancellationToken token = default) =>
        CappedBodyReader.ReadAsync(content, limit, tolerateTruncation, token);

    private static void AssertBody(byte[] expected, CappedBody body, bool exceeded)
    {
        Assert.Equal(exceeded, body.Exceeded);
        Assert.Equal(expected.Length, body.Length);
        Assert.Equal(expected, body.Buffer.Take(body.Length).ToArray());
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 10)]
    [InlineData(9, 10)]
    [InlineData(10, 10)]
    [InlineData(0, 0)]
    [InlineData(4096, 4096)]
    [InlineData(5000, 100_000)]
    [InlineData(70_000, 100_000)]
    public async Task A_body_up_to_the_limit_is_read_whole(int size, int limit)
    {
        var bytes = Bytes(size);
        AssertBody(bytes, await Read(new ByteArrayContent(bytes), limit), exceeded: false);
        AssertBody(bytes, await Read(new StreamContent(new TrickleStream(bytes, 3)), limit), exceeded: false);
    }

    [Theory]
    [InlineData(11, 10)]
    [InlineData(1, 0)]
    [InlineData(4097, 4096)]
    [InlineData(100_000, 5000)]
    public async Task A_longer_body_keeps_the_first_limit_bytes_and_says_so(int size, int limit)
    {
        var bytes = Bytes(size);
        var body = await Read(new ByteArrayContent(bytes), limit);
        AssertBody(bytes.Take(limit).ToArray(), body, exceeded: true);
        Assert.Equal(limit + 1, body.Buffer.Length);
    }

    [Fact]
    public async Task A_longer_body_is_read_only_one_byte_past_the_limit()
    {
        var stream = new TrickleStream(Bytes(1000), 1000);
        await Read(new StreamContent(stream), 10);
        Assert.Equal(11, stream.Position);
    }

    [Theory]
    [InlineData(10, 11)]
    [InlineData(100, 101)]
    [InlineData(5000, 4096)]
    [InlineData(100_000, 4096)]
    public async Task Without_a_declared_length_the_first_buffer_is_the_start_size_or_the_limit_plus_one(int limit, int firstBuffer)
    {
        var body = await Read(new StreamContent(new TrickleStream([], 1)), limit);
        Assert.Equal(firstBuffer, body.Buffer.Length);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 6)]
    [InlineData(4094, 4095)]
    [InlineData(4095, 4096)]
    [InlineData(4096, 4096)]
    [InlineData(1_000_000, 4096)]
    public async Task A_declared_length_shrinks_the_first_buffer_only(long declared, int firstBuffer)
    {
        var content = new StreamContent(new TrickleStream([], 1));
        content.Headers.ContentLength = declared;
        var body = await Read(content, 100_000);
        Assert.Equal(firstBuffer, body.Buffer.Length);
    }

    [Fact]
    public async Task A_declared_length_above_the_limit_does_not_grow_the_buffer()
    {
        var content = new StreamContent(new TrickleStream(Bytes(3), 1));
        content.Headers.ContentLength = 50;
        var body = await Read(content, 20);
        Assert.Equal(21, body.Buffer.Length);
        AssertBody(Bytes(3), body, exceeded: false);
    }

    [Theory]
    [InlineData(2, 10)]
    [InlineData(0, 4000)]
    [InlineData(10, 9000)]
    public async Task A_declared_length_below_the_real_body_costs_growth_not_bytes(long declared, int size)
    {
        var bytes = Bytes(size);
        var content = new StreamContent(new TrickleStream(bytes, 7));
        content.Headers.ContentLength = declared;
        var body = await Read(content, 100_000);
        AssertBody(bytes, body, exceeded: false);
    }

    [Fact]
    public async Task The_buffer_doubles_and_stops_at_the_limit_plus_one()
    {
        var bytes = Bytes(9000);
        var body = await Read(new StreamContent(new TrickleStream(bytes, 4096)), 9000);
        AssertBody(bytes, body, exceeded: false);
        Assert.Equal(9001, body.Buffer.Length);

        body = await Read(new StreamContent(new TrickleStream(Bytes(8192), 4096)), 100_000);
        Assert.Equal(16384, body.Buffer.Length);
    }

    [Theory]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(HttpRequestException))]
    public async Task A_body_cut_short_is_kept_when_truncation_is_tolerated(Type failure)
    {
        var stream = new TrickleStream(Bytes(5), 2, (Exception)Activator.CreateInstance(failure, "connection reset")!);
        var body = await Read(new StreamContent(stream), 100, tolerateTruncation: true);
        AssertBody(Bytes(5), body, exceeded: false);
        Assert.True(stream.Disposed);
    }

    [Theory]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(HttpRequestException))]
    public async Task A_body_cut_short_throws_when_truncation_is_not_tolerated(Type failure)
    {
        var stream = new TrickleStream(Bytes(5), 2, (Exception)Activator.CreateInstance(failure, "connection reset")!);
        await Assert.ThrowsAsync(failure, () => Read(new StreamContent(stream), 100));
        Assert.True(stream.Disposed);
    }

    [Fact]
    public async Task Another_failure_is_not_taken_for_truncation()
    {
        var stream = new TrickleStream(Bytes(5), 2, new InvalidOperationException("bug"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Read(new StreamContent(stream), 100, tolerateTruncation: true));
        Assert.True(stream.Disposed);
    }

    [Fact]
    public async Task A_failure_after_cancellation_is_not_taken_for_truncation()
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new TrickleStream(Bytes(5), 2, new IOException("aborted"), cancellation);
        await Assert.ThrowsAsync<IOException>(() => Read(new StreamContent(stream), 100, tolerateTruncation: true, cancellation.Token));
        Assert.True(stream.Disposed);
    }

    [Fact]
    public async Task The_token_reaches_every_read()
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new TrickleStream(Bytes(50), 5);
        await Read(new StreamContent(stream), 100, token: cancellation.Token);
        Assert.NotEmpty(stream.Tokens);
        Assert.All(stream.Tokens, token => Assert.Equal(cancellation.Token, token));
    }

    [Fact]
    public async Task The_stream_is_disposed_after_a_whole_read()
    {
        var stream = new TrickleStream(Bytes(50), 5);
        await Read(new StreamContent(stream), 100);
        Assert.True(stream.Disposed);
    }

    [Fact]
    public async Task A_real_response_of_a_lying_server_is_read_to_its_end_when_tolerated()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StreamContent(new TrickleStream(Bytes(3), 3, new IOException("eof"))) };
        response.Content.Headers.ContentLength = 1000;
        var body = await Read(response.Content, 64 * 1024, tolerateTruncation: true);
        AssertBody(Bytes(3), body, exceeded: false);
        Assert.Equal(1001, body.Buffer.Length);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task No_continuation_returns_to_the_callers_synchronization_context(bool asyncStream, bool asyncReads)
    {
        var context = new CountingContext();
        var previous = SynchronizationContext.Current;
        Task<CappedBody> read;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            read = Read(new DelayedContent(Bytes(20), asyncStream, asyncReads), 100);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        AssertBody(Bytes(20), await read, exceeded: false);
        Assert.Equal(0, context.Posts);
    }

    /// <summary>Counts the continuations posted to it and runs them on the thread pool.</summary>
    private sealed class CountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => _posts;

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    /// <summary>Content whose stream arrives later (or at once), and whose reads complete later (or at once).</summary>
    private sealed class DelayedContent(byte[] bytes, bool asyncStream, bool asyncReads) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override async Task<Stream> CreateContentReadStreamAsync()
        {
            if (asyncStream)
            {
                await Task.Delay(5).ConfigureAwait(false);
            }

            return asyncReads ? new DelayedReadStream(bytes) : new MemoryStream(bytes);
        }

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();
    }

    private sealed class DelayedReadStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            return Read(buffer.Span);
        }
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, then fails with <c>failure</c> (after cancelling) or ends.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk, Exception? failure = null, CancellationTokenSource? cancelFirst = null) : ReadOnlyTestStream
    {
        public bool Disposed { get; private set; }

        public List<CancellationToken> Tokens { get; } = [];

        public override int Read(Span<byte> buffer)
        {
            ObjectDisposedException.ThrowIf(Disposed, this);
            var count = (int)Math.Min(Math.Min(chunk, buffer.Length), bytes.Length - BytesRead);
            if (count == 0 && failure is not null)
            {
                cancelFirst?.Cancel();
                throw failure;
            }

            bytes.AsSpan((int)BytesRead, count).CopyTo(buffer);
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Tokens.Add(cancellationToken);
            return base.ReadAsync(buffer, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
