using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Data;

/// <summary>
/// An environment variable definition is identified by its schema name: "Unique entity name", not valid for update
/// (learn.microsoft.com, EnvironmentVariableDefinition table reference). A second definition of a shipped variable is
/// refused, so the product never reads one of two definitions at random (issue #20, item 10).
/// </summary>
public class EnvironmentVariableDefinitionTests
{
    private const string Shipped = "llc_CustomerTermMonths";

    [Fact]
    public void A_second_definition_with_a_shipped_schema_name_is_refused_and_nothing_is_written()
    {
        var org = LocalOrganization.Create(new LocalOrganizationOptions { StepFilter = _ => false });
        var before = org.All("environmentvariabledefinition").Count;

        var error = Assert.Throws<DataverseFault>(() => org.GetService().Create(new Entity("environmentvariabledefinition")
        {
            ["schemaname"] = Shipped, ["displayname"] = "Customer term (copy)", ["defaultvalue"] = "99",
            ["type"] = new OptionSetValue(100000001),
        }));

        Assert.Equal(Faults.DuplicateRecordEntityKey, error.ErrorCode);
        Assert.Contains("schemaname", error.Message);
        Assert.Equal(before, org.All("environmentvariabledefinition").Count);
    }

    [Fact]
    public void The_schema_name_of_a_definition_cannot_be_changed_by_an_update()
    {
        var org = LocalOrganization.Create(new LocalOrganizationOptions { StepFilter = _ => false });
        var service = org.GetService();
        var id = service.Create(new Entity("environmentvariabledefinition")
        {
            ["schemaname"] = "llc_Other", ["displayname"] = "Other", ["type"] = new OptionSetValue(100000000),
        });

        service.Update(new Entity("environmentvariabledefinition", id) { ["schemaname"] = Shipped, ["displayname"] = "Renamed" });

        var saved = service.Retrieve("environmentvariabledefinition", id, new ColumnSet("schemaname", "displayname"));
        Assert.Equal("llc_Other", saved.GetAttributeValue<string>("schemaname"));
        Assert.Equal("Renamed", saved.GetAttributeValue<string>("displayname"));
    }
}
