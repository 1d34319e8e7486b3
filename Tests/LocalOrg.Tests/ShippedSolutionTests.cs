using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests;

/// <summary>LocalOrganization.Create() runs what ships: the solution source copied next to the tests, its configuration data.</summary>
public class ShippedSolutionTests
{
    // The shipped metadata and data without the plug-in steps (this project does not load the plug-in assemblies).
    private static readonly LocalOrganizationOptions MetadataOnly = new() { StepFilter = _ => false };

    [Fact]
    public void Create_loads_the_shipped_tables_configuration_rows_and_processes()
    {
        var org = LocalOrganization.Create(MetadataOnly);

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
        var org = LocalOrganization.Create(MetadataOnly);
        var options = org.Metadata.Get("contact").Column("customertypecode")!.Options!.Select(o => o.Value).ToList();
        Assert.Contains(754100000, options);
        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["customertypecode"] = new OptionSetValue(754100003) });
        Assert.Equal(754100003, org.GetService().Retrieve("contact", id, new ColumnSet("customertypecode")).GetAttributeValue<OptionSetValue>("customertypecode").Value);
    }

    [Fact]
    public void A_business_process_flow_instance_can_point_at_the_lead_its_process_and_stage()
    {
        var org = LocalOrganization.Create(MetadataOnly);
        var service = org.GetService();
        var lead = service.Create(new Entity("lead") { ["subject"] = "Hi" });
        var process = org.All("workflow").Single(w => w.GetAttributeValue<string>("uniquename") == "llc_leadlifecycleprocess");
        var inquiry = org.All("processstage").Single(s => s.GetAttributeValue<string>("stagename") == "Inquiry");

        var instance = service.Create(new Entity("llc_leadlifecycleprocess")
        {
            ["bpf_leadid"] = new EntityReference("lead", lead),
            ["processid"] = process.ToEntityReference(),
            ["activestageid"] = inquiry.ToEntityReference(),
            ["traversedpath"] = inquiry.Id.ToString(),
        });

        var row = service.Retrieve("llc_leadlifecycleprocess", instance, new ColumnSet("activestageid", "statecode"));
        Assert.Equal(inquiry.Id, row.GetAttributeValue<EntityReference>("activestageid").Id);
        Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
    }
}
