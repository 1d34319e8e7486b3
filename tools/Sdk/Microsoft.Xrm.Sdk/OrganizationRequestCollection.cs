using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
{
    public OrganizationRequestCollection()
    {
    }
}
