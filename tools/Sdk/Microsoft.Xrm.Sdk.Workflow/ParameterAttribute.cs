using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>Base of Input/Output (names-only in the official listing): the parameter's display name.</summary>
public abstract class ParameterAttribute : Attribute
{
    protected ParameterAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
