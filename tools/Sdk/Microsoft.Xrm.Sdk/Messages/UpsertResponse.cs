using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the Upsert message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class UpsertResponse : OrganizationResponse
{
    public UpsertResponse()
    {
    }

    public bool RecordCreated => Get<bool>("RecordCreated");

    public EntityReference Target => Get<EntityReference>("Target");
}
