using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A message: its name and its parameters. Typed requests are views over <see cref="Parameters"/>.</summary>
[DataContract(Name = "OrganizationRequest", Namespace = ContractNamespaces.Xrm2011)]
[KnownType(typeof(OrganizationRequest))]
[KnownType(typeof(Messages.AssociateRequest))]
[KnownType(typeof(Messages.DisassociateRequest))]
[KnownType(typeof(Messages.ExecuteMultipleRequest))]
[KnownType(typeof(Messages.RetrieveMultipleRequest))]
[KnownType(typeof(Messages.CreateRequest))]
[KnownType(typeof(Messages.DeleteRequest))]
[KnownType(typeof(Messages.RetrieveRequest))]
[KnownType(typeof(Messages.UpdateRequest))]
[KnownType(typeof(Messages.UpsertRequest))]
public class OrganizationRequest : IExtensibleDataObject
{
    private ParameterCollection _parameters = new ParameterCollection();

    public OrganizationRequest()
    {
    }

    public OrganizationRequest(string requestName)
    {
        RequestName = requestName;
    }

    [DataMember]
    public string RequestName { get; set; }

    [DataMember]
    public Guid? RequestId { get; set; }

    [DataMember]
    public ParameterCollection Parameters
    {
        get => _parameters;
        set => _parameters = value;
    }

    public object this[string parameterName]
    {
        get => Parameters[parameterName];
        set => Parameters[parameterName] = value;
    }

    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>The parameter's value, or default(T) when absent (how the official typed requests read).</summary>
    internal T Get<T>(string parameterName)
    {
        return Parameters.TryGetValue(parameterName, out object value) && value != null ? (T)value : default;
    }
}
