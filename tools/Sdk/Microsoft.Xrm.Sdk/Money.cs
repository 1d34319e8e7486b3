using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A currency amount; equal to another Money with the same Value.</summary>
[DataContract(Name = "Money", Namespace = ContractNamespaces.Xrm2011)]
public sealed class Money : IExtensibleDataObject
{
    public Money()
    {
    }

    public Money(decimal value)
    {
        Value = value;
    }

    [DataMember]
    public decimal Value { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public override bool Equals(object obj) => obj is Money other && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();
}
