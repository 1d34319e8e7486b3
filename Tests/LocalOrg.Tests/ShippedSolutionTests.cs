using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests;

/// <summary>LocalOrganization.Create() runs what ships: the solution source copied next to the tests, its configuration data.</summary>
public class ShippedSolutionTests
{
    [Fact]
    public void Create_loads_the_shipped_tables_configuration_rows_and_processes()
    {
        var org = LocalOrganization.Create();

        Assert.NotNull(org.Metadata.Find("llc_matchingstrategy"));
        Assert.NotNull(org.Metadata.Find("lead")?.Column("llc_score"));
        Assert.Contains(org.All("llc_matchingstrategy"), s => s.GetAttributeValue<string>("llc_attributes") == "emailaddress1");
        var process = Assert.Single(org.All("workflow"), w => w.GetAttributeValue<string>("uniquename") == "llc_leadlifecycleprocess");
        Assert.Equal(5, org.All("processstage").Count(s => s.GetAttributeValue<EntityReference>("processid")?.Id == process.Id));
        Assert.Contains(org.All("environmentvariabledefinition"), v => v.GetAttributeValue<string>("schemaname") == "llc_CustomerTermMonths");
    }

    [Fact]
    public void Standard_choices_keep_their_values_and_gain_the_solution_s()
    {
        var org = LocalOrganization.Create();
        var options = org.Metadata.Get("contact").Column("customertypecode")!.Options!.Select(o => o.Value).ToList();
        Assert.Contains(754100000, options);
        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["customertypecode"] = new OptionSetValue(754100003) });
        Assert.Equal(754100003, org.GetService().Retrieve("contact", id, new ColumnSet("customertypecode")).GetAttributeValue<OptionSetValue>("customertypecode").Value);
    }
}
