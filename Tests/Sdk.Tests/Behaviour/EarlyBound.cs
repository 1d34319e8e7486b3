using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>Minimal early-bound classes, shaped like the ones pac modelbuilder / CrmSvcUtil generate.</summary>
[EntityLogicalName("account")]
public sealed class Account : Entity
{
    public Account() : base("account")
    {
    }

    public string? Name
    {
        get => GetAttributeValue<string>("name");
        set => SetAttributeValue("name", value);
    }
}

/// <summary>An Entity subclass without EntityLogicalNameAttribute: ToEntity&lt;T&gt; cannot target it.</summary>
public sealed class UnmarkedEntity : Entity
{
}
