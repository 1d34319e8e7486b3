using LeadLifecycle.LocalOrg.Security;
using LeadLifecycle.LocalOrg.Storage;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg;

public sealed partial class LocalOrganization
{
    /// <summary>What every organization has before anyone works in it: the root business unit, its default team, the
    /// default user (System Administrator) and SYSTEM; the solution's processes (workflow rows) with their stages (processstage rows) and its
    /// environment variable definitions with their default values.</summary>
    private void Seed()
    {
        RootBusinessUnitId = Guid.NewGuid();
        DefaultUserId = Guid.NewGuid();
        DefaultTeamId = Guid.NewGuid();
        SystemUserId = Guid.NewGuid();
        var transaction = new Transaction(Store);
        var businessUnit = new EntityReference("businessunit", RootBusinessUnitId);
        // The one organization row, which organization-owned rows refer to (organizationid).
        Writer.Create(transaction, new Entity("organization", OrganizationId) { ["name"] = "LocalOrganization" }, DefaultUserId);
        Writer.Create(transaction, new Entity("businessunit", RootBusinessUnitId) { ["name"] = "LocalOrganization" }, DefaultUserId);
        Writer.Create(transaction, new Entity("systemuser", DefaultUserId)
        {
            ["firstname"] = "Local", ["lastname"] = "Administrator", ["businessunitid"] = businessUnit,
        }, DefaultUserId);
        // Dataverse's own SYSTEM user: what plug-ins' CreateOrganizationService(null) and the platform run as.
        Writer.Create(transaction, new Entity("systemuser", SystemUserId)
        {
            ["lastname"] = "SYSTEM", ["businessunitid"] = businessUnit,
        }, SystemUserId);
        Security.Assign(DefaultUserId, StandardRoles.SystemAdministrator);
        Writer.Create(transaction, new Entity("team", DefaultTeamId)
        {
            ["name"] = "LocalOrganization", ["businessunitid"] = businessUnit, ["isdefault"] = true, ["teamtype"] = new OptionSetValue(0),
            ["administratorid"] = new EntityReference("systemuser", DefaultUserId),
        }, DefaultUserId);

        foreach (var process in Solution.Workflows)
        {
            var row = new Entity("workflow", process.Id)
            {
                ["name"] = process.Name,
                ["uniquename"] = process.UniqueName,
                ["category"] = new OptionSetValue(process.Category),
                ["mode"] = new OptionSetValue(process.Mode),
                ["scope"] = new OptionSetValue(process.Scope is >= 1 and <= 4 ? process.Scope : 4),
                ["type"] = new OptionSetValue(1),
                ["primaryentity"] = process.PrimaryEntity,
                ["ondemand"] = process.OnDemand,
                ["triggeroncreate"] = process.TriggerOnCreate,
                ["triggerondelete"] = process.TriggerOnDelete,
                ["triggeronupdateattributelist"] = process.TriggerOnUpdateAttributes.Count == 0 ? null : string.Join(",", process.TriggerOnUpdateAttributes),
                ["xaml"] = string.IsNullOrEmpty(process.Xaml) ? null : process.Xaml,
                ["processorder"] = process.ProcessOrder,
                ["statecode"] = new OptionSetValue(process.StateCode == 0 ? 0 : 1),
                ["statuscode"] = new OptionSetValue(process.StateCode == 0 ? 1 : 2),
            };
            Writer.Create(transaction, row, DefaultUserId);
            foreach (var stage in process.Stages)
            {
                Writer.Create(transaction, new Entity("processstage", stage.Id)
                {
                    ["stagename"] = stage.Name,
                    ["primaryentitytypecode"] = stage.PrimaryEntity,
                    ["processid"] = new EntityReference("workflow", process.Id),
                    ["stagecategory"] = stage.StageCategory is >= 0 and <= 7 ? new OptionSetValue(stage.StageCategory) : null,
                }, DefaultUserId);
            }
        }

        foreach (var variable in Solution.EnvironmentVariables)
        {
            Writer.Create(transaction, new Entity("environmentvariabledefinition")
            {
                ["schemaname"] = variable.SchemaName,
                ["displayname"] = variable.DisplayName,
                ["type"] = new OptionSetValue(variable.Type),
                ["defaultvalue"] = variable.DefaultValue,
                ["description"] = variable.Description,
            }, DefaultUserId);
        }
        transaction.Commit();
    }

    /// <summary>Sets an environment variable's current value (an environmentvariablevalue row), as an admin does after import.</summary>
    public void SetEnvironmentVariable(string schemaName, string value)
    {
        var definition = Store.Table("environmentvariabledefinition").Rows.Values
            .FirstOrDefault(r => string.Equals(r.GetAttributeValue<string>("schemaname"), schemaName, StringComparison.OrdinalIgnoreCase))
            ?? throw Faults.Invalid($"The environment variable '{schemaName}' is not defined.");
        var existing = Store.Table("environmentvariablevalue").Rows.Values
            .FirstOrDefault(r => r.GetAttributeValue<EntityReference>("environmentvariabledefinitionid")?.Id == definition.Id);
        var service = GetService();
        if (existing is null)
            service.Create(new Entity("environmentvariablevalue")
            {
                ["schemaname"] = schemaName, ["value"] = value,
                ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", definition.Id),
            });
        else
            service.Update(new Entity("environmentvariablevalue", existing.Id) { ["value"] = value });
    }
}
