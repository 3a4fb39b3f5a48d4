namespace SwrKit;

/// <summary>The four Huawei Cloud services SwrKit calls, each with its own endpoint.</summary>
public enum SwrKitService
{
    /// <summary>SoftWare Repository for Container: <c>https://swr-api.{region}.myhuaweicloud.com/</c>.</summary>
    Swr,

    /// <summary>CodeArts Repo: <c>https://codehub-ext.{region}.myhuaweicloud.com/</c>.</summary>
    CodeArtsRepo,

    /// <summary>ModelArts: <c>https://modelarts.{region}.myhuaweicloud.com/</c>.</summary>
    ModelArts,

    /// <summary>Host Security Service: <c>https://hss.{region}.myhuaweicloud.com/</c>.</summary>
    Hss,
}
