using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Pipeline;

/// <summary>Nested operations share the caller's transaction: a failed nested write dooms it, and nothing of it is saved.</summary>
public class NestedTransactionTests
{
    [Fact]
    public void A_plugin_that_ignores_a_failed_nested_write_cannot_continue_and_the_operation_rolls_back()
    {
        var org = new TestSolution().Step<SwallowNestedFailurePlugin>("Create", "contact", stage: 40).Organization();

        var error = Assert.Throws<DataverseFault>(() => org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" }));

        // The platform's message for this pattern (error 0x80040251 in Dataverse).
        Assert.StartsWith("There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls", error.Message);
        Assert.Empty(org.All("contact"));
        Assert.Empty(org.All("task"));
    }

    [Fact]
    public void Writes_by_nested_operations_are_visible_inside_the_transaction_and_committed_with_it()
    {
        var org = new TestSolution().Step<ImageReportPlugin>("Create", "contact", stage: 40).Organization();
        org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" });
        Assert.Single(org.All("task"));
    }
}
