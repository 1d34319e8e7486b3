using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[DataContract(Name = "BooleanManagedProperty", Namespace = ContractNamespaces.Xrm2011)]
public sealed class BooleanManagedProperty : ManagedProperty<bool>
{
    public BooleanManagedProperty()
    {
    }

    public BooleanManagedProperty(bool value)
    {
        Value = value;
        CanBeChanged = true;
    }
}
