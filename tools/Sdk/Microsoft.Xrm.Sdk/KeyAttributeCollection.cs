using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public sealed class KeyAttributeCollection : DataCollection<string, object>
{
    public KeyAttributeCollection()
    {
    }

    public KeyAttributeCollection(IDictionary<string, object> dictionary) : base(dictionary)
    {
    }
}
