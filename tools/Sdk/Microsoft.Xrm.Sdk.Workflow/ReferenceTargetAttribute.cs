using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>The table an EntityReference parameter points to.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReferenceTargetAttribute : Attribute
{
    public ReferenceTargetAttribute(string entityName)
    {
        EntityName = entityName;
    }

    public string EntityName { get; }
}
