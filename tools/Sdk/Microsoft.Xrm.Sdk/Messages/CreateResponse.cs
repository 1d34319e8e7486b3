using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the Create message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class CreateResponse : OrganizationResponse
{
    public CreateResponse()
    {
    }

    public Guid id => Get<Guid>("id");
}
