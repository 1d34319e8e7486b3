namespace Microsoft.Xrm.Sdk;

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
