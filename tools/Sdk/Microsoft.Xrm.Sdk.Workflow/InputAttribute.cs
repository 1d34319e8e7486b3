using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>Marks a workflow activity property as an input parameter with the given display name.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : ParameterAttribute
{
    public InputAttribute(string name) : base(name)
    {
    }
}
