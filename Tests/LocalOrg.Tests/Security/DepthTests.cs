using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static LeadLifecycle.LocalOrg.Tests.Security.SecurityArrange;

namespace LeadLifecycle.LocalOrg.Tests.Security;

/// <summary>
/// Depths on a user-owned table, as learn.microsoft.com power-platform/admin "How access to a record is determined" and
/// "Security roles and privileges" describe them: User (Basic) reaches the records the user owns; Business Unit (Local)
/// also those of the user's business unit; Parent: Child Business Units (Deep) also those of the units below it;
/// Organization (Global) every record. The caller works in Sales; Sales has a child unit East; Service is Sales' sibling.
/// </summary>
public class DepthTests
{
    public enum Owner { Caller, SameUnit, ChildUnit, ParentUnit, SiblingUnit }

    private sealed class Arranged
    {
        public required LocalOrganization Org { get; init; }
        public required Guid Caller { get; init; }
        public required Dictionary<Owner, Guid> Owners { get; init; }

        public Guid Lead(Owner owner) => Org.GetService().Create(new Entity("lead")
        {
            ["subject"] = owner.ToString(), ["ownerid"] = new EntityReference("systemuser", Owners[owner]),
        });
    }

    private static Arranged Arrange(string level)
    {
        var org = new TestSolution().Role("Leads at " + level, Grant("Lead", level, AllRights)).Organization();
        var sales = org.CreateBusinessUnit("Sales");
        var east = org.CreateBusinessUnit("East", sales);
        var service = org.CreateBusinessUnit("Service");
        var caller = org.CreateUser("Casey Caller", sales, "Leads at " + level);
        return new Arranged
        {
            Org = org,
            Caller = caller,
            Owners = new Dictionary<Owner, Guid>
            {
                [Owner.Caller] = caller,
                [Owner.SameUnit] = org.CreateUser("Sam Colleague", sales),
                [Owner.ChildUnit] = org.CreateUser("Erin East", east),
                [Owner.ParentUnit] = org.CreateUser("Root Rep"),
                [Owner.SiblingUnit] = org.CreateUser("Sid Service", service),
            },
        };
    }

    /// <summary>Which owners' records each level reaches.</summary>
    public static TheoryData<string, Owner, bool> Reach()
    {
        var data = new TheoryData<string, Owner, bool>();
        var reached = new Dictionary<string, Owner[]>
        {
            ["Basic"] = new[] { Owner.Caller },
            ["Local"] = new[] { Owner.Caller, Owner.SameUnit },
            ["Deep"] = new[] { Owner.Caller, Owner.SameUnit, Owner.ChildUnit },
            ["Global"] = Enum.GetValues<Owner>(),
        };
        foreach (var (level, owners) in reached)
        {
            foreach (var owner in Enum.GetValues<Owner>()) data.Add(level, owner, owners.Contains(owner));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Reach))]
    public void Read_reaches_the_records_its_depth_covers(string level, Owner owner, bool allowed)
    {
        var a = Arrange(level);
        var lead = a.Lead(owner);

        var read = () => a.Org.GetService(a.Caller).Retrieve("lead", lead, new ColumnSet("subject"));

        if (allowed) Assert.Equal(owner.ToString(), read()["subject"]);
        else AssertNoAccess(Assert.Throws<DataverseFault>(read), a.Caller, "ReadAccess", lead);
    }

    [Theory]
    [MemberData(nameof(Reach))]
    public void Write_reaches_the_records_its_depth_covers(string level, Owner owner, bool allowed)
    {
        var a = Arrange(level);
        var lead = a.Lead(owner);

        var write = () => a.Org.GetService(a.Caller).Update(new Entity("lead", lead) { ["subject"] = "changed" });

        if (allowed) { write(); Assert.Equal("changed", a.Org.Get("lead", lead)["subject"]); }
        else
        {
            AssertNoAccess(Assert.Throws<DataverseFault>(write), a.Caller, "WriteAccess", lead);
            Assert.Equal(owner.ToString(), a.Org.Get("lead", lead)["subject"]);
        }
    }

    [Theory]
    [MemberData(nameof(Reach))]
    public void Delete_reaches_the_records_its_depth_covers(string level, Owner owner, bool allowed)
    {
        var a = Arrange(level);
        var lead = a.Lead(owner);

        var delete = () => a.Org.GetService(a.Caller).Delete("lead", lead);

        if (allowed) { delete(); Assert.Null(a.Org.Find("lead", lead)); }
        else
        {
            AssertNoAccess(Assert.Throws<DataverseFault>(delete), a.Caller, "DeleteAccess", lead);
            Assert.NotNull(a.Org.Find("lead", lead));
        }
    }

    [Theory]
    [MemberData(nameof(Reach))]
    public void Assign_reaches_the_records_its_depth_covers(string level, Owner owner, bool allowed)
    {
        var a = Arrange(level);
        var lead = a.Lead(owner);

        var assign = () => a.Org.GetService(a.Caller).Execute(new AssignRequest
        {
            Target = new EntityReference("lead", lead), Assignee = new EntityReference("systemuser", a.Caller),
        });

        if (allowed) { assign(); Assert.Equal(a.Caller, a.Org.Get("lead", lead).GetAttributeValue<EntityReference>("ownerid").Id); }
        else
        {
            AssertNoAccess(Assert.Throws<DataverseFault>(assign), a.Caller, "AssignAccess", lead);
            Assert.Equal(a.Owners[owner], a.Org.Get("lead", lead).GetAttributeValue<EntityReference>("ownerid").Id);
        }
    }

    [Fact]
    public void A_record_owned_by_the_default_team_of_the_users_business_unit_is_the_users_own()
    {
        var a = Arrange("Basic");
        var lead = a.Org.GetService().Create(new Entity("lead") { ["subject"] = "team's", ["ownerid"] = new EntityReference("team", a.Org.DefaultTeamId) });
        var rootUser = a.Org.CreateUser("Root Basic", "Leads at Basic");

        Assert.Equal("team's", a.Org.GetService(rootUser).Retrieve("lead", lead, new ColumnSet("subject"))["subject"]);
        Assert.Throws<DataverseFault>(() => a.Org.GetService(a.Caller).Retrieve("lead", lead, new ColumnSet("subject")));
    }

    [Fact]
    public void Creating_a_record_for_another_owner_needs_create_at_the_owners_depth_and_the_assign_privilege()
    {
        var basic = Arrange("Basic");
        var forColleague = new Entity("lead") { ["subject"] = "for Sam", ["ownerid"] = new EntityReference("systemuser", basic.Owners[Owner.SameUnit]) };
        var refused = Assert.Throws<DataverseFault>(() => basic.Org.GetService(basic.Caller).Create(forColleague));
        Assert.Equal(unchecked((int)0x80048306), refused.ErrorCode);
        Assert.Contains("does not have CreateAccess right(s)", refused.Message);
        Assert.Empty(basic.Org.All("lead"));

        var local = Arrange("Local");
        var id = local.Org.GetService(local.Caller).Create(new Entity("lead") { ["subject"] = "for Sam", ["ownerid"] = new EntityReference("systemuser", local.Owners[Owner.SameUnit]) });
        Assert.Equal(local.Owners[Owner.SameUnit], local.Org.Get("lead", id).GetAttributeValue<EntityReference>("ownerid").Id);

        var noAssign = new TestSolution().Role("Create leads", Grant("Lead", "Global", "Create", "Read", "Write")).Organization();
        var user = noAssign.CreateUser("No Assign", "Create leads");
        var other = noAssign.CreateUser("Other", "Create leads");
        var missing = Assert.Throws<DataverseFault>(() => noAssign.GetService(user).Create(new Entity("lead") { ["subject"] = "x", ["ownerid"] = new EntityReference("systemuser", other) }));
        Assert.Contains("is missing prvAssignLead privilege", missing.Message);
        noAssign.GetService(user).Create(new Entity("lead") { ["subject"] = "mine" }); // owned by the caller: no Assign needed
    }

    internal static void AssertNoAccess(DataverseFault fault, Guid caller, string right, Guid record)
    {
        Assert.Equal(unchecked((int)0x80048306), fault.ErrorCode);
        Assert.StartsWith($"Principal with id {caller} does not have {right} right(s) for record with id {record} of entity lead.", fault.Message);
    }
}
