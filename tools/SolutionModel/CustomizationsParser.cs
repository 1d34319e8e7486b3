using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>Tables, columns, choices, relationships and roles from customizations.xml.</summary>
internal static class CustomizationsParser
{
    /// <summary>Standard tables the solution extends without shipping their primary columns.</summary>
    private static readonly Dictionary<string, (string Id, string Name)> StandardPrimaryColumns = new()
    {
        ["lead"] = ("leadid", "fullname"),
        ["contact"] = ("contactid", "fullname"),
        ["account"] = ("accountid", "name"),
        ["opportunity"] = ("opportunityid", "name"),
    };

    /// <summary>Object type codes of the system tables our lookups may point at through LookupTypes.</summary>
    private static readonly Dictionary<int, string> SystemTableByTypeCode = new()
    {
        [1] = "account", [2] = "contact", [3] = "opportunity", [4] = "lead", [8] = "systemuser", [9] = "team", [10] = "businessunit",
        [1019] = "organization", [4703] = "workflow", [4724] = "processstage",
    };

    /// <summary>The pseudo table exports name as the "one" side of owner_&lt;table&gt; (src/Other/Relationships/Owner.xml):
    /// ownerid refers to a user or a team.</summary>
    private static readonly string[] OwnerTargets = ["systemuser", "team"];

    private static readonly Dictionary<string, ColumnType> ColumnTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["primarykey"] = ColumnType.PrimaryKey, ["nvarchar"] = ColumnType.String, ["ntext"] = ColumnType.Memo,
        ["int"] = ColumnType.Integer, ["bigint"] = ColumnType.BigInt, ["decimal"] = ColumnType.Decimal,
        ["float"] = ColumnType.Double, ["money"] = ColumnType.Money, ["bit"] = ColumnType.Boolean,
        ["datetime"] = ColumnType.DateTime, ["lookup"] = ColumnType.Lookup, ["customer"] = ColumnType.Customer,
        ["owner"] = ColumnType.Owner, ["picklist"] = ColumnType.Picklist, ["multiselectpicklist"] = ColumnType.MultiSelectPicklist,
        ["state"] = ColumnType.State, ["status"] = ColumnType.Status, ["uniqueidentifier"] = ColumnType.Uniqueidentifier,
    };

    public static IReadOnlyList<OptionSetDefinition> GlobalOptionSets(XElement customizations)
    {
        var multiSelectNames = customizations.Descendants("attribute")
            .Where(a => a.Text("Type") == "multiselectpicklist").Select(a => a.Text("OptionSetName")).ToHashSet();
        return customizations.Element("optionsets")?.Elements("optionset").Select(o => new OptionSetDefinition(
            o.Attr("Name") ?? throw new SolutionFormatException($"optionset without Name ({o.Where()})"),
            o.Element("displaynames").Label() ?? o.Attr("localizedName") ?? "",
            multiSelectNames.Contains(o.Attr("Name")),
            Options(o))).ToList() ?? [];
    }

    public static IReadOnlyList<RelationshipDefinition> Relationships(XElement customizations) =>
        customizations.Element("EntityRelationships")?.Elements("EntityRelationship")
            .Where(r => r.Text("EntityRelationshipType") == "OneToMany")
            .Select(r => new RelationshipDefinition(
                r.Attr("Name") ?? "",
                // Exports write schema names here (ProcessStage, Workflow, SystemUser; CreatedBy, ActiveStageId: microsoft/coe-starter-kit
                // Other/Relationships/ProcessStage.xml, SystemUser.xml): the logical name is the schema name in lower case.
                (r.Text("ReferencedEntityName") ?? "").ToLowerInvariant(),
                (r.Text("ReferencingEntityName") ?? "").ToLowerInvariant(),
                (r.Text("ReferencingAttributeName") ?? "").ToLowerInvariant(),
                r.Text("CascadeDelete") ?? "RemoveLink")).ToList() ?? [];

    public static IReadOnlyList<RoleDefinition> Roles(XElement customizations) =>
        customizations.Element("Roles")?.Elements("Role").Select(r => new RoleDefinition(
            Xml.ParseGuid(r.Attr("id")) ?? Guid.Empty,
            r.Attr("name") ?? "",
            r.Element("RolePrivileges")?.Elements("RolePrivilege")
                .Select(p => new RolePrivilegeDefinition(p.Attr("name") ?? "", p.Attr("level") ?? "")).ToList() ?? [])).ToList() ?? [];

    public static IReadOnlyList<TableDefinition> Tables(XElement customizations, IReadOnlyList<OptionSetDefinition> globals, IReadOnlyList<RelationshipDefinition> relationships) =>
        customizations.Element("Entities")?.Elements("Entity").Select(e => Table(e, globals, relationships)).ToList() ?? [];

    private static TableDefinition Table(XElement entityXml, IReadOnlyList<OptionSetDefinition> globals, IReadOnlyList<RelationshipDefinition> relationships)
    {
        var name = entityXml.Element("Name")?.Value ?? throw new SolutionFormatException($"Entity without Name ({entityXml.Where()})");
        var info = entityXml.Element("EntityInfo")?.Element("entity");
        var attributes = info?.Element("attributes")?.Elements("attribute").ToList() ?? [];
        var columns = attributes.Select(a => Column(name, a, globals, relationships)).ToList();
        var ownership = info.Text("OwnershipTypeMask");
        var isCustom = ownership is not null; // a table the solution creates declares its ownership
        StandardPrimaryColumns.TryGetValue(name, out var standard);

        return new TableDefinition(
            name,
            info?.Element("LocalizedNames").Label() ?? entityXml.Element("Name")!.Attr("LocalizedName") ?? name,
            columns.FirstOrDefault(c => c.Type == ColumnType.PrimaryKey)?.LogicalName ?? standard.Id,
            attributes.FirstOrDefault(a => (a.Text("DisplayMask") ?? "").Contains("PrimaryName"))?.Text("LogicalName") ?? standard.Name,
            isCustom,
            ownership switch { "UserOwned" => "UserOwned", "OrgOwned" => "OrganizationOwned", null => StandardPrimaryColumns.ContainsKey(name) ? "UserOwned" : "None", _ => "None" },
            columns,
            info?.Element("EntityKeys")?.Elements("EntityKey").Select(k => new AlternateKeyDefinition(
                k.Text("LogicalName") ?? k.Text("Name") ?? "",
                k.Element("displaynames").Label() ?? k.Text("Name") ?? "",
                k.Element("EntityKeyAttributes")?.Elements("AttributeName").Select(x => x.Value).ToList() ?? [])).ToList() ?? [],
            attributes.Where(a => a.Text("Type") == "status")
                .SelectMany(a => a.Element("optionset")?.Element("statuses")?.Elements("status") ?? [])
                .Select(s => new StateStatusDefinition(int.Parse(s.Attr("state") ?? "0"), int.Parse(s.Attr("value")!), s.Element("labels").Label() ?? "")).ToList(),
            entityXml.Element("SavedQueries")?.Descendants("savedquery").Select(View).ToList() ?? [],
            entityXml.Element("FormXml")?.Elements("forms").SelectMany(f => f.Elements("systemform").Select(s => Form(s, f.Attr("type") ?? "main"))).ToList() ?? [])
        {
            Charts = AppParser.Charts(entityXml, name),
            IsBusinessProcessFlow = info.Flag("IsBPFEntity"),
        };
    }

    private static ColumnDefinition Column(string table, XElement a, IReadOnlyList<OptionSetDefinition> globals, IReadOnlyList<RelationshipDefinition> relationships)
    {
        var logicalName = a.Text("LogicalName") ?? a.Attr("PhysicalName")?.ToLowerInvariant() ?? throw new SolutionFormatException($"attribute without LogicalName ({a.Where()})");
        var typeText = a.Text("Type") ?? "";
        if (!ColumnTypes.TryGetValue(typeText, out var type))
            throw new SolutionFormatException($"{table}.{logicalName}: column type '{typeText}' is not one we model");
        var optionSetName = a.Text("OptionSetName");
        var local = a.Element("optionset");
        var options = local is not null ? Options(local)
            : optionSetName is not null ? globals.FirstOrDefault(g => g.Name == optionSetName)?.Options : null;

        return new ColumnDefinition(
            logicalName,
            a.Element("displaynames").Label() ?? logicalName,
            type,
            a.Flag("IsCustomField"),
            a.Text("RequiredLevel") ?? "none",
            a.Int("MaxLength"),
            a.Long("MinValue"),
            a.Long("MaxValue"),
            type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner ? LookupTargets(table, logicalName, a, relationships) : null,
            local is null ? optionSetName : null,
            options,
            type == ColumnType.DateTime ? a.Int("Behavior") switch { 2 => "DateOnly", 3 => "TimeZoneIndependent", _ => "UserLocal" } : null,
            a.Text("Format"))
        {
            ValidForCreate = a.Text("ValidForCreateApi") != "0",
            ValidForUpdate = a.Text("ValidForUpdateApi") != "0",
        };
    }

    private static IReadOnlyList<string> LookupTargets(string table, string column, XElement a, IReadOnlyList<RelationshipDefinition> relationships)
    {
        var targets = relationships.Where(r => r.ReferencingEntity == table && r.ReferencingAttribute == column)
            .SelectMany(r => r.ReferencedEntity == "owner" ? OwnerTargets : [r.ReferencedEntity]).Distinct().ToList();
        foreach (var code in a.Element("LookupTypes")?.Elements("LookupType").Select(t => int.TryParse(t.Value, out var c) ? c : 0) ?? [])
            if (SystemTableByTypeCode.TryGetValue(code, out var target) && !targets.Contains(target)) targets.Add(target);
        // createdonbehalfby / modifiedonbehalfby: exported with <LookupTypes /> and no relationship; the platform defines them.
        if (targets.Count == 0 && a.Text("IsCustomField") == "0" && SystemColumns.Find(column) is { } system) targets.AddRange(system.Targets);
        return targets;
    }

    private static IReadOnlyList<OptionDefinition> Options(XElement optionSet)
    {
        if (optionSet.Element("states") is { } states)
            return states.Elements("state").Select(s => new OptionDefinition(int.Parse(s.Attr("value")!), s.Element("labels").Label() ?? "", null, int.Parse(s.Attr("defaultstatus") ?? "0"))).ToList();
        if (optionSet.Element("statuses") is { } statuses)
            return statuses.Elements("status").Select(s => new OptionDefinition(int.Parse(s.Attr("value")!), s.Element("labels").Label() ?? "", int.Parse(s.Attr("state") ?? "0"))).ToList();
        return optionSet.Element("options")?.Elements("option")
            .Select(o => new OptionDefinition(int.Parse(o.Attr("value")!), o.Element("labels").Label() ?? "")).ToList() ?? [];
    }

    private static ViewDefinition View(XElement q) => new(
        q.Guid("savedqueryid") ?? Guid.Empty,
        q.Element("LocalizedNames").Label() ?? "",
        q.Element("fetchxml")?.Elements().FirstOrDefault()?.ToString(SaveOptions.DisableFormatting) ?? "",
        q.Element("layoutxml")?.Elements().FirstOrDefault()?.ToString(SaveOptions.DisableFormatting) ?? "",
        q.Flag("isdefault"));

    private static FormDefinition Form(XElement s, string type) => new(
        s.Guid("formid") ?? Guid.Empty,
        s.Element("LocalizedNames").Label() ?? "",
        type,
        s.Element("form")?.ToString(SaveOptions.DisableFormatting) ?? "")
    {
        Controls = s.Element("form") is { } form ? AppParser.Controls(form) : [],
        DisplayCondition = s.Element("form") is { } f ? AppParser.DisplayCondition(f) : null,
    };
}
