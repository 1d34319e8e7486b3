using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Data;

/// <summary>Bad values fail the way the platform fails, naming the column, and nothing is written.</summary>
public class ValidationTests
{
    private readonly LocalOrganization _org = new TestSolution().Table(TestSolution.MarketingForm()).Organization();

    private DataverseFault CreateFails(Entity entity)
    {
        var error = Assert.Throws<DataverseFault>(() => _org.GetService().Create(entity));
        Assert.Empty(_org.All(entity.LogicalName));
        return error;
    }

    [Fact]
    public void Unknown_column()
    {
        var error = CreateFails(new Entity("lead") { ["subject"] = "Hi", ["llc_nosuch"] = "x" });
        Assert.Equal("'lead' entity doesn't contain attribute with Name = 'llc_nosuch' and NameMapping = 'Logical'.", error.Message);
    }

    [Fact]
    public void Logical_names_are_case_sensitive()
    {
        // Dataverse refuses schema-name casing ("msnfp_DesignationId"): only the lower-case logical name is an attribute.
        var error = CreateFails(new Entity("lead") { ["Subject"] = "Hi" });
        Assert.Contains("'Subject'", error.Message);
    }

    [Fact]
    public void Unknown_table()
    {
        var error = Assert.Throws<DataverseFault>(() => _org.GetService().Create(new Entity("llc_nosuchtable")));
        Assert.Equal("The entity with a name = 'llc_nosuchtable' with namemapping = 'Logical' was not found in the MetadataCache.", error.Message);
    }

    [Fact]
    public void Wrong_value_type()
    {
        var error = CreateFails(new Entity("lead") { ["numberofemployees"] = "twelve" });
        Assert.Contains("'numberofemployees'", error.Message);
        Assert.Contains("System.String", error.Message);
    }

    [Fact]
    public void Choice_value_outside_the_option_set()
    {
        var error = CreateFails(new Entity("lead") { ["leadqualitycode"] = new OptionSetValue(9) });
        Assert.Equal("A validation error occurred. The value 9 of 'leadqualitycode' on record of type 'lead' is outside the valid range. Accepted Values: 1,2,3", error.Message);
    }

    [Fact]
    public void Text_longer_than_the_column_allows()
    {
        var error = CreateFails(new Entity("llc_marketingform") { ["llc_name"] = new string('x', 101) });
        Assert.Equal("A validation error occurred. The length of the 'llc_name' attribute of the 'llc_marketingform' entity exceeded the maximum allowed length of '100'.", error.Message);
    }

    [Fact]
    public void Lookup_to_a_missing_record()
    {
        var missing = Guid.NewGuid();
        var error = CreateFails(new Entity("lead") { ["parentcontactid"] = new EntityReference("contact", missing) });
        Assert.Equal($"contact With Id = {missing} Does Not Exist", error.Message);
    }

    [Fact]
    public void Lookup_to_a_table_the_column_does_not_target()
    {
        var account = _org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });
        var error = CreateFails(new Entity("lead") { ["parentcontactid"] = new EntityReference("account", account) });
        Assert.Contains("'parentcontactid'", error.Message);
    }

    [Fact]
    public void Status_must_belong_to_the_state()
    {
        var service = _org.GetService();
        var lead = service.Create(new Entity("lead") { ["subject"] = "Hi" });

        // Lost (4) is a status of Disqualified (2), not of Qualified (1).
        var error = Assert.Throws<DataverseFault>(() => service.Update(new Entity("lead", lead) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(4) }));
        Assert.Equal($"4 is not a valid status code for state code LeadState.Qualified on lead with Id {lead}.", error.Message);
        Assert.Equal(new OptionSetValue(0), _org.Get("lead", lead)["statecode"]);

        service.Update(new Entity("lead", lead) { ["statecode"] = new OptionSetValue(2) });
        // "When you update StateCode without specifying a StatusCode, the default status value will be set by the system."
        // (learn.microsoft.com: Behavior of specialized update operations)
        Assert.Equal(new OptionSetValue(4), _org.Get("lead", lead)["statuscode"]);
    }

    [Fact]
    public void Solution_status_reasons_are_valid_under_their_state()
    {
        var org = LocalOrganization.Create();
        var service = org.GetService();
        var lead = service.Create(new Entity("lead") { ["subject"] = "Hi", ["statuscode"] = new OptionSetValue(754100000) });
        Assert.Equal(new OptionSetValue(754100000), org.Get("lead", lead)["statuscode"]);
    }
}
