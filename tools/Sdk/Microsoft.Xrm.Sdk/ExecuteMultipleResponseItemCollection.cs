using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
{
    public ExecuteMultipleResponseItemCollection()
    {
    }
}
