using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A message's results. Typed responses are views over <see cref="Results"/>.</summary>
[DataContract(Name = "OrganizationResponse", Namespace = ContractNamespaces.Xrm2011)]
[KnownType(typeof(OrganizationResponse))]
[KnownType(typeof(Messages.AssociateResponse))]
[KnownType(typeof(Messages.DisassociateResponse))]
[KnownType(typeof(Messages.ExecuteMultipleResponse))]
[KnownType(typeof(Messages.RetrieveMultipleResponse))]
[KnownType(typeof(Messages.CreateResponse))]
[KnownType(typeof(Messages.DeleteResponse))]
[KnownType(typeof(Messages.RetrieveResponse))]
[KnownType(typeof(Messages.UpdateResponse))]
[KnownType(typeof(Messages.UpsertResponse))]
public class OrganizationResponse : IExtensibleDataObject
{
    private ParameterCollection _results = new ParameterCollection();

    [DataMember]
    public string ResponseName { get; set; }

    [DataMember]
    public ParameterCollection Results
    {
        get => _results;
        set => _results = value;
    }

    public object this[string parameterName]
    {
        get => Results[parameterName];
        set => Results[parameterName] = value;
    }

    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>The result's value, or default(T) when absent (how the official typed responses read).</summary>
    internal T Get<T>(string resultName)
    {
        return Results.TryGetValue(resultName, out object value) && value != null ? (T)value : default;
    }
}
