using System.Collections.Generic;

namespace SwrKit;

/// <summary>
/// A request body that holds credentials (properties typed <see cref="Base64Credential"/>). The generated models
/// implement it when the spec gives a property <c>x-swrkit-csharp-type: Base64Credential</c>; an error answer to a
/// request with such a body has those values masked.
/// </summary>
internal interface ISecretCarrier
{
    /// <summary>Adds the plain text of every credential the body holds.</summary>
    void CollectSecrets(ICollection<string> secrets);
}
