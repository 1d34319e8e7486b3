using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public sealed class AttributeCollection : DataCollection<string, object>
{
    public AttributeCollection()
    {
    }

    public AttributeCollection(IDictionary<string, object> dictionary) : base(dictionary)
    {
    }
}
