using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>Marks a workflow activity property as an output parameter with the given display name.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : ParameterAttribute
{
    public OutputAttribute(string name) : base(name)
    {
    }
}
