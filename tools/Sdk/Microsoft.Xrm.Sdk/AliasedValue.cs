using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A value of a linked entity's column (or an aggregate) in a query result; read Value for the actual value.</summary>
[KnownType("GetKnownAliasedValueTypes")]
[DataContract(Name = "AliasedValue", Namespace = ContractNamespaces.Xrm2011)]
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

    [DataMember]
    public string AttributeLogicalName { get; private set; }

    [DataMember]
    public string EntityLogicalName { get; private set; }

    [DataMember]
    public object Value { get; private set; }

    /// <summary>Part of the official wire contract (not public there either); carried through a round trip unchanged.</summary>
    [DataMember]
    internal bool NeedFormatting { get; set; }

    /// <summary>Part of the official wire contract (not public there either); carried through a round trip unchanged.</summary>
    [DataMember]
    internal int ReturnType { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    private static IEnumerable<Type> GetKnownAliasedValueTypes() => KnownTypesProvider.RetrieveKnownValueTypes();
}
