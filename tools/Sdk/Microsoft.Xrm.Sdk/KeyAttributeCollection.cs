using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "KeyAttributeCollection", Namespace = ContractNamespaces.Xrm71)]
public sealed class KeyAttributeCollection : DataCollection<string, object>
{
    public KeyAttributeCollection()
    {
    }

    protected internal KeyAttributeCollection(IDictionary<string, object> dictionary) : base(dictionary)
    {
    }
}
