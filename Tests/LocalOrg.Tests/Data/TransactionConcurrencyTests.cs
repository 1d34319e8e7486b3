using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Data;

/// <summary>
/// Calls from several threads behave like Dataverse transactions: a row written stays locked until its transaction
/// ends (writers wait for writers), readers see committed data, an alternate-key value is claimed by the first
/// writer, and a wait that would never end fails with a lock timeout instead of dead-locking.
/// </summary>
public class TransactionConcurrencyTests
{
    private static LocalOrganization Organization(TimeSpan? lockTimeout = null) => new TestSolution()
        .Table(TestSolution.MarketingForm())
        .Step<GatePlugin>("Update", "account", stage: 40)
        .Step<GatePlugin>("Create", "llc_marketingform", stage: 40)
        .Organization(new LocalOrganizationOptions { StartUtc = Dates.Start, LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(20) });

    [Fact]
    public async Task A_writer_waits_for_the_transaction_holding_the_row_and_readers_see_committed_data()
    {
        var org = Organization();
        var service = org.GetService();
        var id = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var name = "gate:" + Guid.NewGuid();
        var gate = GatePlugin.For(name);

        var first = Task.Run(() => service.Update(new Entity("account", id) { ["name"] = "First", ["description"] = name }));
        Assert.True(await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10)));

        var second = Task.Run(() => org.GetService().Update(new Entity("account", id) { ["name"] = "Second" }));
        await Task.Delay(200);
        Assert.False(second.IsCompleted); // blocked on the row lock
        Assert.Equal("Contoso", service.Retrieve("account", id, new ColumnSet("name"))["name"]); // uncommitted "First" is invisible

        gate.Open.Set();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Second", org.Get("account", id)["name"]);
    }

    [Fact]
    public async Task Two_concurrent_creates_of_the_same_key_value_create_one_row()
    {
        var org = Organization();
        var name = "gate:" + Guid.NewGuid();
        var gate = GatePlugin.For(name);
        var first = Task.Run(() => org.GetService().Create(new Entity("llc_marketingform") { ["llc_name"] = name, ["llc_formid"] = "race" }));
        Assert.True(await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10)));

        var second = Task.Run(() => org.GetService().Create(new Entity("llc_marketingform") { ["llc_name"] = "B", ["llc_formid"] = "RACE" }));
        await Task.Delay(200);
        Assert.False(second.IsCompleted); // waits for the key value the first transaction claimed

        gate.Open.Set();
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<DataverseFault>(() => second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("already exists", error.Message);
        Assert.Single(org.All("llc_marketingform"));
    }

    [Fact]
    public async Task A_wait_longer_than_the_lock_timeout_fails_with_a_clear_error()
    {
        var org = Organization(TimeSpan.FromMilliseconds(300));
        var id = org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });
        var name = "gate:" + Guid.NewGuid();
        var gate = GatePlugin.For(name);
        var first = Task.Run(() => org.GetService().Update(new Entity("account", id) { ["name"] = "First", ["description"] = name }));
        Assert.True(await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10)));

        var error = Assert.Throws<DataverseFault>(() => org.GetService().Update(new Entity("account", id) { ["name"] = "Second" }));
        Assert.Contains($"the account row {id}", error.Message);
        Assert.Contains("locked", error.Message);

        gate.Open.Set();
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("First", org.Get("account", id)["name"]);
    }

    [Fact]
    public void Writers_of_different_rows_do_not_wait_for_each_other()
    {
        var org = Organization(TimeSpan.FromSeconds(5));
        var ids = Enumerable.Range(0, 8).Select(i => org.GetService().Create(new Entity("account") { ["name"] = "A" + i })).ToList();
        Parallel.ForEach(ids, id =>
        {
            for (var i = 0; i < 25; i++) org.GetService().Update(new Entity("account", id) { ["name"] = "N" + i });
        });
        Assert.All(ids, id => Assert.Equal("N24", org.Get("account", id)["name"]));
    }
}
