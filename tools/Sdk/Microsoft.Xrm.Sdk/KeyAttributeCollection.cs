using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public sealed class KeyAttributeCollection : DataCollection<string, object>
{
    public KeyAttributeCollection()
    {
    }

    protected internal KeyAttributeCollection(IDictionary<string, object> dictionary) : base(dictionary)
    {
    }
}
