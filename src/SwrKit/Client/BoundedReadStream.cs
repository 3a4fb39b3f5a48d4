using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit;

/// <summary>
/// A response stream that fails with <see cref="SwrServiceException"/> once more than the limit has been read, so the
/// deserializer never holds more than about the limit, whatever the server sends or declares.
/// </summary>
internal sealed class BoundedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpResponseMessage _response;
    private readonly long _limit;
    private readonly string _limitSetting;
    private long _read;

    public BoundedReadStream(Stream inner, HttpResponseMessage response, long limit, string limitSetting)
    {
        _inner = inner;
        _response = response;
        _limit = limit;
        _limitSetting = limitSetting;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

#if NET5_0_OR_GREATER
    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > _limit)
        {
            throw SwrServiceException.FromOversizedBody(_response, _limit, _limitSetting);
        }

        return read;
    }
}
