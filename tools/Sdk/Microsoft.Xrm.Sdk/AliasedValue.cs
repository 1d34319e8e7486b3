using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A value of a linked entity's column (or an aggregate) in a query result; read Value for the actual value.</summary>
public sealed class AliasedValue : IExtensibleDataObject
{
    public AliasedValue()
    {
    }

    public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
    {
        EntityLogicalName = entityLogicalName;
        AttributeLogicalName = attributeLogicalName;
        Value = value;
    }

    public string AttributeLogicalName { get; private set; }

    public string EntityLogicalName { get; private set; }

    public object Value { get; private set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
