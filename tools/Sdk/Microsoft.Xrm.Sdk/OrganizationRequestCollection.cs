using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "OrganizationRequestCollection", Namespace = ContractNamespaces.Xrm2012)]
[KnownType(typeof(EntityImageCollection))]
public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
{
    public OrganizationRequestCollection()
    {
    }
}
