using System;

namespace SwrKit;

public partial class RunImageSynchronizeRequest : IRequestValidation
{
    void IRequestValidation.Validate(string paramName)
    {
        // An undefined value would serialize as a number the service does not accept.
        if (ImageType != ImageType.PrivateImage && ImageType != ImageType.SharedImage)
        {
            throw new ArgumentException($"ImageType {(int)ImageType} is not a defined value; use ImageType.PrivateImage or ImageType.SharedImage.", paramName);
        }
    }
}
