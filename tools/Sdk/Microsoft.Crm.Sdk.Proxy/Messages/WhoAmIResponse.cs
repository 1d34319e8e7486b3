using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>The results of the WhoAmI message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class WhoAmIResponse : OrganizationResponse
{
    public WhoAmIResponse()
    {
    }

    public Guid UserId => Get<Guid>("UserId");

    public Guid BusinessUnitId => Get<Guid>("BusinessUnitId");

    public Guid OrganizationId => Get<Guid>("OrganizationId");
}
