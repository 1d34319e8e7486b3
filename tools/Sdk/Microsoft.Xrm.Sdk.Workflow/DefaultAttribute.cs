using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>The default value of an input parameter, as text (and, for references, the table).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultAttribute : Attribute
{
    public DefaultAttribute(string value)
    {
        Value = value;
    }

    public DefaultAttribute(string value, string entityName) : this(value)
    {
        EntityName = entityName;
    }

    public string Value { get; }

    public string EntityName { get; }
}
