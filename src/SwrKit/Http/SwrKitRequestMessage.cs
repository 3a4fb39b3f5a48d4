using System;
using System.Net.Http;

namespace SwrKit.Http;

/// <summary>
/// The request the generated clients send. It keeps SwrKit's per-request values (the operation name, the attempt
/// number, what masks secrets in errors) in a few inline slots, so tagging a call allocates no options dictionary;
/// <see cref="RequestOptionsAccessor"/> reads and writes them, and falls back to <c>Options</c> for any other request
/// or when the slots are full.
/// </summary>
internal sealed class SwrKitRequestMessage : HttpRequestMessage
{
    // Enough for a signed call through AddSwrKit (operation, signing date and credentials, attempt); more go to Options.
    private const int Slots = 4;

    private string? _key0, _key1, _key2, _key3;
    private object? _value0, _value1, _value2, _value3;

    public bool TryGet(string key, out object? value)
    {
        for (var i = 0; i < Slots; i++)
        {
            var slotKey = Key(i);
            if (slotKey is null)
            {
                break;
            }

            if (string.Equals(slotKey, key, StringComparison.Ordinal))
            {
                value = Value(i);
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Stores the value in its slot or a free one; false when all are taken by other keys.</summary>
    public bool TrySet(string key, object? value)
    {
        for (var i = 0; i < Slots; i++)
        {
            var slotKey = Key(i);
            if (slotKey is null || string.Equals(slotKey, key, StringComparison.Ordinal))
            {
                Store(i, key, value);
                return true;
            }
        }

        return false;
    }

    private string? Key(int slot) => slot switch
    {
        0 => _key0,
        1 => _key1,
        2 => _key2,
        _ => _key3,
    };

    private object? Value(int slot) => slot switch
    {
        0 => _value0,
        1 => _value1,
        2 => _value2,
        _ => _value3,
    };

    private void Store(int slot, string key, object? value)
    {
        switch (slot)
        {
            case 0: (_key0, _value0) = (key, value); break;
            case 1: (_key1, _value1) = (key, value); break;
            case 2: (_key2, _value2) = (key, value); break;
            default: (_key3, _value3) = (key, value); break;
        }
    }
}
