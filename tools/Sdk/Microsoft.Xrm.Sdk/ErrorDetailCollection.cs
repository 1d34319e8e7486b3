using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public sealed class ErrorDetailCollection : DataCollection<string, object>
{
    public ErrorDetailCollection()
    {
    }
}
