using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A message: its name and its parameters. Typed requests are views over <see cref="Parameters"/>.</summary>
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

    public string RequestName { get; set; }

    public Guid? RequestId { get; set; }

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
