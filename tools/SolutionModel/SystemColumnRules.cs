namespace LeadLifecycle.SolutionModel;

/// <summary>
/// Every custom table carries the system columns and system relationships its ownership type gives it, as an export of it
/// does (<see cref="SystemColumns"/>): created/modified on and by (and their delegates), import sequence number,
/// overridden created on, the time zone columns, plus owner, owning user/team/business unit (user-owned) or
/// organization (organization-owned), each with IsCustomField 0; and the relationships lk_&lt;table&gt;_createdby,
/// lk_&lt;table&gt;_modifiedby and business_unit_/owner_/team_/user_&lt;table&gt; or organization_&lt;table&gt;.
/// A package without them is not what Dataverse exports, and the local organization (which reads the tables from the
/// package) would not know the platform's columns. The messages name every missing piece and the file it belongs in,
/// so a new table is made to conform by copying from an existing one of the same ownership.
/// Business process flow tables are checked too: Dataverse generates them organization-owned with the same system columns
/// and relationships (microsoft/coe-starter-kit Entities/admin_desktopflowapprovalbpf/Entity.xml, Other/Relationships).
/// </summary>
internal static class SystemColumnRules
{
    public static void Check(CheckContext c)
    {
        var relationships = c.Solution.Relationships.ToDictionary(r => r.SchemaName, StringComparer.OrdinalIgnoreCase);
        foreach (var table in c.Solution.Tables.Where(t => t.IsCustom))
        {
            if (table.OwnershipType is not ("UserOwned" or "OrganizationOwned")) continue;
            var component = $"table {table.LogicalName}";
            var ownership = table.OwnershipType == "UserOwned" ? "user-owned" : "organization-owned";
            var article = table.OwnershipType == "UserOwned" ? "a" : "an";
            var expected = SystemColumns.For(table.OwnershipType);

            var missing = expected.Where(s => table.Column(s.LogicalName) is null).ToList();
            if (missing.Count > 0)
                c.Error("system-columns", component,
                    $"{article} {ownership} table lacks the system column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"{m.SchemaName} ({Describe(m.Type)})"))}: " +
                    $"add {(missing.Count > 1 ? "them" : "it")} to Entities/{table.LogicalName}/Entity.xml as an export writes them (IsCustomField 0; copy them from {article} {ownership} llc_ table)");

            foreach (var system in expected)
            {
                if (table.Column(system.LogicalName) is not { } column) continue;
                if (column.Type != system.Type)
                    c.Error("system-columns", $"{component} column {system.LogicalName}", $"is {Describe(column.Type)}; Dataverse's {system.SchemaName} is {Describe(system.Type)}");
                if (column.IsCustom)
                    c.Error("system-columns", $"{component} column {system.LogicalName}", "is a system column: IsCustomField must be 0");
                if (column.ValidForCreate != system.ValidForCreate || column.ValidForUpdate != system.ValidForUpdate)
                    c.Error("system-columns", $"{component} column {system.LogicalName}",
                        $"ValidForCreateApi {Bit(column.ValidForCreate)} / ValidForUpdateApi {Bit(column.ValidForUpdate)}; the platform's are {Bit(system.ValidForCreate)} / {Bit(system.ValidForUpdate)}");
            }
            var other = (table.OwnershipType == "UserOwned" ? SystemColumns.OrganizationOwned : SystemColumns.UserOwned)
                .Where(s => table.Column(s.LogicalName) is { IsCustom: false }).Select(s => s.SchemaName).ToList();
            if (other.Count > 0)
                c.Error("system-columns", component, $"{article} {ownership} table cannot have {string.Join(", ", other)}: those belong to the other ownership type");

            var missingRelationships = SystemColumns.RelationshipsFor(table.LogicalName, table.OwnershipType).Where(r =>
                !relationships.TryGetValue(r.Name, out var found)
                || !string.Equals(found.ReferencingEntity, table.LogicalName, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(found.ReferencedEntity, r.Referenced, StringComparison.OrdinalIgnoreCase)
                || found.ReferencingAttribute != r.ReferencingAttribute).ToList();
            if (missingRelationships.Count > 0)
                c.Error("system-relationships", component,
                    $"{article} {ownership} table lacks the system relationship{(missingRelationships.Count > 1 ? "s" : "")} " +
                    string.Join(", ", missingRelationships.Select(r => $"{r.Name} ({r.Referenced} 1:N {table.LogicalName}.{r.ReferencingAttribute}, in Other/Relationships/{r.Referenced}.xml)")) +
                    ": add each to its file and its name to Other/Relationships.xml");
        }
    }

    private static string Describe(ColumnType type) => type switch
    {
        ColumnType.Lookup => "lookup", ColumnType.Owner => "owner", ColumnType.DateTime => "datetime", ColumnType.Integer => "int",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static int Bit(bool value) => value ? 1 : 0;
}
