using System;

namespace Microsoft.Xrm.Sdk.Client;

/// <summary>Marks an early-bound class with its table's logical name (used by Entity.ToEntity&lt;T&gt;).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
public sealed class EntityLogicalNameAttribute : Attribute
{
    public EntityLogicalNameAttribute(string logicalName)
    {
        LogicalName = logicalName;
    }

    public string LogicalName { get; }
}
