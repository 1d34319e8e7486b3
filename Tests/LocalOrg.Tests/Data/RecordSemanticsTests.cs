using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Data;

/// <summary>What the platform does to every row: system columns, copies, column sets, missing rows, full names.</summary>
public class RecordSemanticsTests
{
    private readonly LocalOrganization _org = new TestSolution().Organization();

    [Fact]
    public void Retrieve_of_a_missing_row_fails_with_the_platform_message()
    {
        var id = Guid.NewGuid();
        var error = Assert.Throws<DataverseFault>(() => _org.GetService().Retrieve("lead", id, new ColumnSet("subject")));
        Assert.Equal($"lead With Id = {id} Does Not Exist", error.Message);
        Assert.Equal(unchecked((int)0x80040217), error.ErrorCode);
    }

    /// <summary>Committed rows share equal lookup and choice values (Storage/ValuePool.cs), which is safe only because no
    /// caller ever holds a stored value: what a plug-in or test writes and what it reads back are its own objects.</summary>
    [Fact]
    public void Rows_share_equal_stored_values_yet_every_caller_gets_and_keeps_its_own()
    {
        var service = _org.GetService();
        var owner = new EntityReference("systemuser", _org.DefaultUserId);
        var written = new Entity("lead") { ["subject"] = "One", ["ownerid"] = owner, ["leadqualitycode"] = new OptionSetValue(1) };
        var first = service.Create(written);
        var second = service.Create(new Entity("lead") { ["subject"] = "Two", ["leadqualitycode"] = new OptionSetValue(1) });

        var table = _org.Store.Table("lead");
        Assert.Same(table.Get(first)!["ownerid"], table.Get(second)!["ownerid"]);
        Assert.Same(table.Get(first)!["leadqualitycode"], table.Get(second)!["leadqualitycode"]);
        Assert.NotSame(owner, table.Get(first)!["ownerid"]);                // not the object the caller wrote

        owner.Name = "changed by the caller after the write";
        ((OptionSetValue)written["leadqualitycode"]).Value = 3;
        var read = service.Retrieve("lead", first, new ColumnSet("ownerid", "leadqualitycode"));
        read.GetAttributeValue<EntityReference>("ownerid").Name = "changed by a reader";
        read.GetAttributeValue<OptionSetValue>("leadqualitycode").Value = 2;

        var again = service.Retrieve("lead", second, new ColumnSet("ownerid", "leadqualitycode"));
        Assert.Null(again.GetAttributeValue<EntityReference>("ownerid").Name);
        Assert.Equal(1, again.GetAttributeValue<OptionSetValue>("leadqualitycode").Value);
        Assert.Equal(1, service.Retrieve("lead", first, new ColumnSet("leadqualitycode")).GetAttributeValue<OptionSetValue>("leadqualitycode").Value);
    }

    [Fact]
    public void Create_maintains_created_modified_owner_business_unit_state_status_and_version()
    {
        var user = _org.CreateUser("Sales Person", "Salesperson");
        var id = _org.GetService(user).Create(new Entity("lead") { ["subject"] = "Interested" });

        var lead = _org.Get("lead", id);
        Assert.Equal(Dates.Start, lead["createdon"]);
        Assert.Equal(Dates.Start, lead["modifiedon"]);
        Assert.Equal(new EntityReference("systemuser", user), lead["createdby"]);
        Assert.Equal(new EntityReference("systemuser", user), lead["modifiedby"]);
        Assert.Equal(new EntityReference("systemuser", user), lead["ownerid"]);
        Assert.Equal(new EntityReference("businessunit", _org.RootBusinessUnitId), lead["owningbusinessunit"]);
        Assert.Equal(new OptionSetValue(0), lead["statecode"]);
        Assert.Equal(new OptionSetValue(1), lead["statuscode"]); // lead's default status for Open is New (1)
        Assert.True(lead.GetAttributeValue<long>("versionnumber") > 0);
    }

    [Fact]
    public void Update_moves_modified_on_and_by_and_the_row_version_but_not_created_on()
    {
        var service = _org.GetService();
        var id = service.Create(new Entity("lead") { ["subject"] = "Interested" });
        var before = _org.Get("lead", id);
        var other = _org.CreateUser("Other User", "Salesperson");

        _org.AdvanceTime(TimeSpan.FromHours(2));
        _org.GetService(other).Update(new Entity("lead", id) { ["subject"] = "Very interested", ["createdon"] = DateTime.UtcNow });

        var after = _org.Get("lead", id);
        Assert.Equal(Dates.Start, after["createdon"]);
        Assert.Equal(Dates.Start.AddHours(2), after["modifiedon"]);
        Assert.Equal(new EntityReference("systemuser", other), after["modifiedby"]);
        Assert.True(after.GetAttributeValue<long>("versionnumber") > before.GetAttributeValue<long>("versionnumber"));
    }

    [Fact]
    public void Returned_rows_are_copies_and_arranged_rows_are_copied_in()
    {
        var arranged = new Entity("contact", Guid.NewGuid()) { ["lastname"] = "Rivera", ["parentcustomerid"] = null };
        _org.Initialize(arranged);
        arranged["lastname"] = "Changed after Initialize";

        var retrieved = _org.GetService().Retrieve("contact", arranged.Id, new ColumnSet("lastname", "ownerid"));
        retrieved["lastname"] = "Changed after Retrieve";
        retrieved.GetAttributeValue<EntityReference>("ownerid").Id = Guid.NewGuid();

        var stored = _org.Get("contact", arranged.Id);
        Assert.Equal("Rivera", stored["lastname"]);
        Assert.Equal(_org.DefaultUserId, stored.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [Fact]
    public void Retrieve_returns_only_the_asked_columns_with_values_plus_the_id_and_refuses_unknown_ones()
    {
        var service = _org.GetService();
        var id = service.Create(new Entity("contact") { ["firstname"] = "Ana", ["lastname"] = "Rivera" });

        var row = service.Retrieve("contact", id, new ColumnSet("lastname", "jobtitle"));
        Assert.Equal(new[] { "contactid", "lastname" }, row.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(id, row.Id);
        Assert.False(string.IsNullOrEmpty(row.RowVersion));

        var error = Assert.Throws<DataverseFault>(() => service.Retrieve("contact", id, new ColumnSet("nosuchcolumn")));
        Assert.Equal("'contact' entity doesn't contain attribute with Name = 'nosuchcolumn' and NameMapping = 'Logical'.", error.Message);
    }

    [Fact]
    public void Full_name_is_composed_from_first_and_last_name()
    {
        var service = _org.GetService();
        var id = service.Create(new Entity("contact") { ["firstname"] = "Ana", ["lastname"] = "Rivera" });
        Assert.Equal("Ana Rivera", _org.Get("contact", id)["fullname"]);
        service.Update(new Entity("contact", id) { ["lastname"] = "Lopez" });
        Assert.Equal("Ana Lopez", _org.Get("contact", id)["fullname"]);
    }

    [Fact]
    public void Setting_a_column_to_null_removes_it_from_the_row()
    {
        var service = _org.GetService();
        var id = service.Create(new Entity("contact") { ["lastname"] = "Rivera", ["jobtitle"] = "CTO" });
        service.Update(new Entity("contact", id) { ["jobtitle"] = null });
        Assert.False(_org.Get("contact", id).Contains("jobtitle"));
    }

    [Fact]
    public void Initialize_accepts_records_referring_to_each_other_in_any_order()
    {
        var contact = new Entity("contact", Guid.NewGuid()) { ["lastname"] = "Rivera" };
        var lead = new Entity("lead", Guid.NewGuid()) { ["subject"] = "Hi", ["parentcontactid"] = contact.ToEntityReference() };
        _org.Initialize(lead, contact);
        Assert.Equal(contact.Id, _org.Get("lead", lead.Id).GetAttributeValue<EntityReference>("parentcontactid").Id);
    }

    [Fact]
    public void Deleting_a_parent_removes_the_link_from_standard_lookups()
    {
        var service = _org.GetService();
        var contact = service.Create(new Entity("contact") { ["lastname"] = "Rivera" });
        var lead = service.Create(new Entity("lead") { ["subject"] = "Hi", ["parentcontactid"] = new EntityReference("contact", contact) });

        service.Delete("contact", contact);

        Assert.Null(_org.Find("contact", contact));
        Assert.False(_org.Get("lead", lead).Contains("parentcontactid"));
    }

    [Fact]
    public void Deleting_a_record_deletes_the_activities_regarding_it()
    {
        var service = _org.GetService();
        var lead = service.Create(new Entity("lead") { ["subject"] = "Hi" });
        service.Create(new Entity("task") { ["subject"] = "Call back", ["regardingobjectid"] = new EntityReference("lead", lead) });
        var other = service.Create(new Entity("task") { ["subject"] = "Unrelated" });

        service.Delete("lead", lead);

        Assert.Equal(other, Assert.Single(_org.All("task")).Id);
    }
}
