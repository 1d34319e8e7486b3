using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Pipeline;

/// <summary>
/// Nested operations share the caller's transaction: a failed nested call ends it, and nothing of it is saved. A plug-in
/// cannot catch the failure and go on: "Troubleshoot Dataverse plug-ins", Transaction errors — "ISV code reduced the open
/// transaction count" (-2146893812, 0x8009000C) "should occur immediately and in the context of the plug-in that contains
/// the problem"; "any time an error related to a data operation occurs within a synchronous plug-in the transaction for
/// the entire operation will be ended".
/// </summary>
public class NestedTransactionTests
{
    private const string TransactionCountReduced =
        "ISV code reduced the open transaction count. Custom plug-ins should not catch exceptions from OrganizationService calls and continue processing.";

    [Fact]
    public void A_plugin_that_ignores_a_failed_nested_write_cannot_continue_and_the_operation_rolls_back()
    {
        var org = new TestSolution().Step<SwallowNestedFailurePlugin>("Create", "contact", stage: 40).Organization();

        var error = Assert.Throws<DataverseFault>(() => org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" }));

        Assert.Equal(TransactionCountReduced, error.Message);
        Assert.Equal(unchecked((int)0x8009000C), error.ErrorCode);
        Assert.Empty(org.All("contact"));
        Assert.Empty(org.All("task"));
    }

    [Fact]
    public void A_plugin_that_ignores_a_failed_write_and_returns_fails_as_it_returns()
    {
        var org = new TestSolution().Step<SwallowAndReturnPlugin>("Create", "contact", stage: 40).Organization();

        var error = Assert.Throws<DataverseFault>(() => org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" }));

        Assert.Equal(TransactionCountReduced, error.Message);
        Assert.Empty(org.All("contact"));
    }

    [Fact]
    public void A_failed_read_ends_the_transaction_too_when_reads_are_modelled_faithfully()
    {
        var org = new TestSolution().Step<SwallowFailedReadPlugin>("Create", "contact", stage: 40)
            .Organization(new LocalOrganizationOptions { StartUtc = Dates.Start, FailedReadDoomsTransaction = true });

        var error = Assert.Throws<DataverseFault>(() => org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" }));

        Assert.Equal(TransactionCountReduced, error.Message);
        Assert.Empty(org.All("contact"));
        Assert.Empty(org.All("task"));
    }

    [Fact]
    public void By_default_a_failed_read_ends_the_transaction_as_in_Dataverse()
    {
        // FailedReadDoomsTransaction is true by default since the product stopped catching failed reads (issue #19);
        // setting it false is kept only to reproduce the older, unfaithful behaviour.
        Assert.True(new LocalOrganizationOptions().FailedReadDoomsTransaction);
        var org = new TestSolution().Step<SwallowFailedReadPlugin>("Create", "contact", stage: 40).Organization();

        var error = Assert.Throws<DataverseFault>(() => org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" }));

        Assert.Equal(TransactionCountReduced, error.Message);
        Assert.Empty(org.All("task"));
    }

    [Fact]
    public void A_failed_call_of_an_asynchronous_plugin_ends_only_that_call()
    {
        // Asynchronous plug-ins "never participate in a platform transaction; each request is performed independently"
        // ("Scalable customization design: database transactions").
        var org = new TestSolution().Step<SwallowFailedReadPlugin>("Create", "contact", stage: 40, mode: 1)
            .Organization(new LocalOrganizationOptions { StartUtc = Dates.Start, FailedReadDoomsTransaction = true });

        org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" });

        Assert.Single(org.All("task"));
        Assert.All(org.CompletedAsyncJobs, j => Assert.Equal(LeadLifecycle.LocalOrg.Pipeline.AsyncJobStatus.Succeeded, j.Status));
    }

    [Fact]
    public void Writes_by_nested_operations_are_visible_inside_the_transaction_and_committed_with_it()
    {
        var org = new TestSolution().Step<ImageReportPlugin>("Create", "contact", stage: 40).Organization();
        org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" });
        Assert.Single(org.All("task"));
    }
}
