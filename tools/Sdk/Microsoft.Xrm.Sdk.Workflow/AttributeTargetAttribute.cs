using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>The choice column whose options an OptionSetValue parameter offers.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AttributeTargetAttribute : Attribute
{
    public AttributeTargetAttribute(string entityName, string attributeName)
    {
        EntityName = entityName;
        AttributeName = attributeName;
    }

    public string EntityName { get; }

    public string AttributeName { get; }
}
