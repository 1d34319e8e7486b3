using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "EntityImageCollection", Namespace = ContractNamespaces.Xrm2011)]
public class EntityImageCollection : DataCollection<string, Entity>
{
    public EntityImageCollection()
    {
    }

    protected internal EntityImageCollection(IDictionary<string, Entity> dictionary) : base(dictionary)
    {
    }
}
