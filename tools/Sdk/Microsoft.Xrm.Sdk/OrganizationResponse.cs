using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A message's results. Typed responses are views over <see cref="Results"/>.</summary>
public class OrganizationResponse : IExtensibleDataObject
{
    private ParameterCollection _results = new ParameterCollection();

    public string ResponseName { get; set; }

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
