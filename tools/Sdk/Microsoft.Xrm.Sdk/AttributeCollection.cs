using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[KnownType("GetKnownParameterTypes")]
[CollectionDataContract(Name = "AttributeCollection", Namespace = ContractNamespaces.Xrm2011)]
public sealed class AttributeCollection : DataCollection<string, object>
{
    public AttributeCollection()
    {
    }

    protected internal AttributeCollection(IDictionary<string, object> dictionary) : base(dictionary)
    {
    }

    private static IEnumerable<Type> GetKnownParameterTypes() => KnownTypesProvider.RetrieveKnownValueTypes();
}
