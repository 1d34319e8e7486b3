using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.LocalOrg.Tests.Data;

/// <summary>
/// Two Upserts by one alternate-key value in concurrent transactions, both finding no row. Dataverse looks the key up
/// without holding it: both go on to create, the alternate key's unique index lets the first insert through and the
/// second create fails with the duplicate-key error (DuplicateRecordEntityKey 0x80060892, "A record that has the attribute
/// values … already exists") once the first commits. That is the default since the product stopped relying on the older
/// behaviour (issue #19); the older behaviour, which claims the key while looking it up so the second waits and updates,
/// stays selectable.
/// </summary>
public class UpsertRaceTests
{
    private static LocalOrganization Organization(UpsertKeyRace race) => new TestSolution()
        .Table(TestSolution.MarketingForm())
        .Step<GatePlugin>("Create", "llc_marketingform", stage: 40)
        .Organization(new LocalOrganizationOptions { StartUtc = Dates.Start, LockTimeout = TimeSpan.FromSeconds(20), UpsertKeyRace = race });

    private static UpsertResponse Upsert(LocalOrganization org, string name) =>
        (UpsertResponse)org.GetService().Execute(new UpsertRequest { Target = new Entity("llc_marketingform", "llc_formid", "spring") { ["llc_name"] = name } });

    /// <summary>Starts the first upsert and holds it inside its create (the key value written, not committed), then
    /// starts the second.</summary>
    private static async Task<(Task<UpsertResponse> First, Task<UpsertResponse> Second)> Race(LocalOrganization org)
    {
        var name = "gate:" + Guid.NewGuid();
        var gate = GatePlugin.For(name);
        var first = Task.Run(() => Upsert(org, name));
        Assert.True(await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10)));
        var second = Task.Run(() => Upsert(org, "Second"));
        // Waits for the key value the first transaction holds. Polled, not a fixed delay: on a loaded machine the second
        // upsert may not reach the key within any fixed time, and would then find the first one's committed row.
        var blocked = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (org.Store.Locks.Waiting == 0 && !second.IsCompleted && DateTime.UtcNow < blocked) await Task.Delay(10);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, org.Store.Locks.Waiting);
        gate.Open.Set();
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        return (first, second);
    }

    [Fact]
    public async Task As_in_Dataverse_the_second_of_two_racing_first_upserts_fails_on_the_duplicate_key()
    {
        var org = Organization(UpsertKeyRace.SecondFailsOnDuplicateKey);

        var (first, second) = await Race(org);

        Assert.True((await first).RecordCreated);
        var error = await Assert.ThrowsAsync<DataverseFault>(() => second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(unchecked((int)0x80060892), error.ErrorCode);
        Assert.StartsWith("A record that has the attribute values llc_formid already exists.", error.Message);
        var row = Assert.Single(org.All("llc_marketingform"));
        Assert.StartsWith("gate:", (string)row["llc_name"]);
    }

    [Fact]
    public async Task The_older_choice_makes_the_second_of_two_racing_first_upserts_wait_and_update_the_first_ones_row()
    {
        var org = Organization(UpsertKeyRace.SecondWaitsAndUpdates);

        var (first, second) = await Race(org);

        Assert.True((await first).RecordCreated);
        Assert.False((await second.WaitAsync(TimeSpan.FromSeconds(10))).RecordCreated);
        Assert.Equal("Second", Assert.Single(org.All("llc_marketingform"))["llc_name"]);
    }

    [Fact]
    public void The_faithful_race_is_the_default() =>
        Assert.Equal(UpsertKeyRace.SecondFailsOnDuplicateKey, new LocalOrganizationOptions().UpsertKeyRace);

    [Fact]
    public void Upserts_one_after_the_other_create_then_update_either_way()
    {
        foreach (var race in new[] { UpsertKeyRace.SecondWaitsAndUpdates, UpsertKeyRace.SecondFailsOnDuplicateKey })
        {
            var org = Organization(race);
            Assert.True(Upsert(org, "Spring").RecordCreated);
            Assert.False(Upsert(org, "Spring 2026").RecordCreated);
            Assert.Equal("Spring 2026", Assert.Single(org.All("llc_marketingform"))["llc_name"]);
        }
    }
}
