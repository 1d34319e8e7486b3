using System;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the Create message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class CreateResponse : OrganizationResponse
{
    public CreateResponse()
    {
    }

    public Guid id => Get<Guid>("id");
}
