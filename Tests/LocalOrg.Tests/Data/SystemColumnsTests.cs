using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Data;

/// <summary>
/// The shipped custom tables carry the platform's system columns as an export does (Entities/llc_*/Entity.xml), and the
/// local organization reads them from there: the platform sets them, and a value sent for a column that is not valid for
/// create (or, on update, for update) is ignored, as CreateRequest.Target / UpdateRequest.Target say (Microsoft Learn).
/// </summary>
public class SystemColumnsTests
{
    private static readonly LocalOrganizationOptions MetadataOnly = new() { StepFilter = _ => false };

    [Theory]
    [InlineData("llc_interaction", "UserOwned")]
    [InlineData("llc_leadscore", "UserOwned")]
    [InlineData("llc_scoringmodel", "OrganizationOwned")]
    [InlineData("llc_matchinglock", "OrganizationOwned")]
    public void A_shipped_custom_table_has_the_system_columns_of_its_ownership_read_from_the_package(string table, string ownership)
    {
        var org = LocalOrganization.Create(MetadataOnly);
        var shipped = org.Solution.Table(table)!;
        var metadata = org.Metadata.Get(table);

        Assert.Equal(ownership, metadata.OwnershipType);
        foreach (var system in SystemColumns.For(ownership))
        {
            // Shipped in the package with IsCustomField 0, and the organization's column is that definition.
            var definition = shipped.Column(system.LogicalName);
            Assert.True(definition is { IsCustom: false }, $"{table}.{system.LogicalName} is not shipped as a system column");
            var column = metadata.Column(system.LogicalName)!;
            Assert.Equal(system.Type, column.Type);
            Assert.Equal(system.ValidForCreate, column.ValidForCreate);
            Assert.Equal(system.ValidForUpdate, column.ValidForUpdate);
            Assert.Equal(system.Targets.Order(), (column.Targets ?? []).Order());
        }
        var other = ownership == "UserOwned" ? SystemColumns.OrganizationOwned : SystemColumns.UserOwned;
        Assert.All(other, c => Assert.Null(metadata.Column(c.LogicalName)));
    }

    [Fact]
    public void The_platform_sets_the_system_columns_of_a_user_owned_row_and_ignores_what_the_caller_sends_for_them()
    {
        var org = LocalOrganization.Create(MetadataOnly);
        var service = org.GetService();
        var contact = service.Create(new Entity("contact") { ["lastname"] = "Rivera" });
        var stranger = new EntityReference("systemuser", Guid.NewGuid());

        var id = service.Create(new Entity("llc_interaction")
        {
            ["llc_name"] = "Opened the newsletter",
            ["llc_contactid"] = new EntityReference("contact", contact),
            ["llc_type"] = new OptionSetValue(754100000),
            ["llc_occurredon"] = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc),
            // Not valid for create: ignored.
            ["createdon"] = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            ["createdby"] = stranger,
            ["owninguser"] = stranger,
            ["owningbusinessunit"] = new EntityReference("businessunit", Guid.NewGuid()),
            // Valid for create: kept.
            ["importsequencenumber"] = 7,
            ["utcconversiontimezonecode"] = 85,
        });

        var row = service.Retrieve("llc_interaction", id, new ColumnSet("createdon", "createdby", "modifiedby", "ownerid", "owninguser",
            "owningbusinessunit", "owningteam", "importsequencenumber", "utcconversiontimezonecode", "versionnumber"));
        Assert.Equal(org.DefaultUserId, row.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.Equal(org.DefaultUserId, row.GetAttributeValue<EntityReference>("modifiedby").Id);
        Assert.NotEqual(2001, row.GetAttributeValue<DateTime>("createdon").Year);
        Assert.Equal(org.DefaultUserId, row.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(org.DefaultUserId, row.GetAttributeValue<EntityReference>("owninguser").Id);
        Assert.Equal(org.RootBusinessUnitId, row.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
        Assert.False(row.Contains("owningteam"));
        Assert.Equal(7, row.GetAttributeValue<int>("importsequencenumber"));
        Assert.Equal(85, row.GetAttributeValue<int>("utcconversiontimezonecode"));
        Assert.True(row.GetAttributeValue<long>("versionnumber") > 0);
    }

    [Fact]
    public void Overridden_created_on_sets_created_on_at_create_and_is_ignored_on_update()
    {
        var org = LocalOrganization.Create(MetadataOnly);
        var service = org.GetService();
        var migrated = new DateTime(2019, 5, 4, 0, 0, 0, DateTimeKind.Utc);
        var id = service.Create(new Entity("llc_scoringmodel") { ["llc_name"] = "Migrated", ["overriddencreatedon"] = migrated, ["importsequencenumber"] = 3 });

        service.Update(new Entity("llc_scoringmodel", id)
        {
            ["llc_name"] = "Migrated (renamed)",
            ["overriddencreatedon"] = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            ["importsequencenumber"] = 4,
            ["modifiedon"] = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        });

        var row = service.Retrieve("llc_scoringmodel", id, new ColumnSet("llc_name", "createdon", "overriddencreatedon", "importsequencenumber", "modifiedon"));
        Assert.Equal("Migrated (renamed)", row.GetAttributeValue<string>("llc_name"));
        Assert.Equal(migrated, row.GetAttributeValue<DateTime>("createdon"));
        Assert.Equal(migrated, row.GetAttributeValue<DateTime>("overriddencreatedon"));
        Assert.Equal(3, row.GetAttributeValue<int>("importsequencenumber"));
        Assert.NotEqual(2001, row.GetAttributeValue<DateTime>("modifiedon").Year);
    }

    [Fact]
    public void An_organization_owned_row_refers_to_the_organization_and_has_no_owner()
    {
        var org = LocalOrganization.Create(MetadataOnly);
        var service = org.GetService();
        var id = service.Create(new Entity("llc_retentionrule")
        {
            ["llc_name"] = "Former customers",
            ["organizationid"] = new EntityReference("organization", Guid.NewGuid()), // not valid for create: ignored
        });

        var row = service.Retrieve("llc_retentionrule", id, new ColumnSet("organizationid", "createdby"));
        Assert.Equal(org.OrganizationId, row.GetAttributeValue<EntityReference>("organizationid").Id);
        Assert.Equal("LocalOrganization", service.Retrieve("organization", org.OrganizationId, new ColumnSet("name")).GetAttributeValue<string>("name"));
        Assert.Equal(org.DefaultUserId, row.GetAttributeValue<EntityReference>("createdby").Id);
        var owner = Assert.Throws<DataverseFault>(() =>
            service.Retrieve("llc_retentionrule", id, new ColumnSet("ownerid")));
        Assert.Contains("ownerid", owner.Message);
    }
}
