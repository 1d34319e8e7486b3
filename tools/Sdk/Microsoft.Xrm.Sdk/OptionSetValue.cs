using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A choice value; equal to another OptionSetValue with the same Value.</summary>
[DataContract(Name = "OptionSetValue", Namespace = ContractNamespaces.Xrm2011)]
public sealed class OptionSetValue : IExtensibleDataObject
{
    public OptionSetValue()
    {
    }

    public OptionSetValue(int value)
    {
        Value = value;
    }

    [DataMember]
    public int Value { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public override bool Equals(object obj) => obj is OptionSetValue other && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();
}
