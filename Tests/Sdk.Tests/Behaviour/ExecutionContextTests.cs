using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>RemoteExecutionContext, the context object a plug-in receives.</summary>
public class ExecutionContextTests
{
    [Fact]
    public void New_context_has_empty_parameter_and_image_collections()
    {
        var context = new RemoteExecutionContext();

        Assert.Equal(0, context.InputParameters.Count);
        Assert.Equal(0, context.OutputParameters.Count);
        Assert.Equal(0, context.SharedVariables.Count);
        Assert.Equal(0, context.PreEntityImages.Count);
        Assert.Equal(0, context.PostEntityImages.Count);
        Assert.Equal(0, context.Depth);
        Assert.Null(context.ParentContext);
        Assert.Null(context.MessageName);
    }

    [Fact]
    public void Parent_context_is_visible_through_the_plugin_interface()
    {
        var parent = new RemoteExecutionContext { MessageName = "QualifyLead", Depth = 1 };
        IPluginExecutionContext child = new RemoteExecutionContext { ParentContext = parent, Depth = 2 };

        Assert.Same(parent, child.ParentContext);
        Assert.Equal("QualifyLead", child.ParentContext.MessageName);
    }

    [Fact]
    public void Shared_variables_pass_values_between_steps_of_one_operation()
    {
        var context = new RemoteExecutionContext();
        context.SharedVariables["leadlifecycle.matched"] = true;

        Assert.True(context.SharedVariables.TryGetValue("leadlifecycle.matched", out bool matched));
        Assert.True(matched);
    }
}
