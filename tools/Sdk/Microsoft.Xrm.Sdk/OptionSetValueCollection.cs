using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
{
    public OptionSetValueCollection()
    {
    }

    public OptionSetValueCollection(IList<OptionSetValue> list) : base(list)
    {
    }
}
