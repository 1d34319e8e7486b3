using System.Xml.Linq;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>
/// The custom tables in Solution/src carry what an export of them carries besides our columns: the platform's system
/// columns (IsCustomField 0, with the exports' create/update validity) and the system relationships, each in the
/// Other/Relationships file of its "one" side (devkeydet/explicitpluginimpersonation and microsoft/coe-starter-kit,
/// see SystemColumns). The business process flow's table included: Dataverse generates it organization-owned.
/// </summary>
public class SystemColumnsSourceTests
{
    private static readonly SolutionDefinition Source = SolutionReader.ReadSourceFolder(RepositoryPaths.SolutionSource);

    public static TheoryData<string> CustomTables =>
        new(Source.Tables.Where(t => t.IsCustom).Select(t => t.LogicalName));

    [Fact]
    public void Both_ownership_types_are_shipped()
    {
        Assert.Contains(Source.Tables, t => t is { IsCustom: true, IsBusinessProcessFlow: false, OwnershipType: "UserOwned" });
        Assert.Contains(Source.Tables, t => t is { IsCustom: true, IsBusinessProcessFlow: false, OwnershipType: "OrganizationOwned" });
    }

    [Theory]
    [MemberData(nameof(CustomTables))]
    public void A_custom_table_ships_the_system_columns_of_its_ownership(string name)
    {
        var table = Source.Table(name)!;
        foreach (var system in SystemColumns.For(table.OwnershipType))
        {
            var column = table.Column(system.LogicalName);
            Assert.True(column is not null, $"{name} lacks {system.SchemaName}");
            Assert.Equal((system.Type, false, system.ValidForCreate, system.ValidForUpdate), (column!.Type, column.IsCustom, column.ValidForCreate, column.ValidForUpdate));
        }
        Assert.False(table.Column(table.PrimaryIdAttribute!)!.IsCustom);
        Assert.Null(table.Column("versionnumber")); // every table has it, no export carries it
    }

    [Theory]
    [MemberData(nameof(CustomTables))]
    public void A_custom_table_s_system_relationships_are_listed_and_filed_under_their_one_side(string name)
    {
        var table = Source.Table(name)!;
        var index = XDocument.Load(Path.Combine(RepositoryPaths.SolutionSource, "Other", "Relationships.xml")).Root!
            .Elements("EntityRelationship").Select(r => (string)r.Attribute("Name")!).ToList();
        foreach (var expected in SystemColumns.RelationshipsFor(name, table.OwnershipType))
        {
            Assert.Contains(expected.Name, index);
            var file = XDocument.Load(Path.Combine(RepositoryPaths.SolutionSource, "Other", "Relationships", expected.Referenced + ".xml"));
            var relationship = file.Root!.Elements("EntityRelationship").Single(r => (string?)r.Attribute("Name") == expected.Name);
            Assert.Equal((name, expected.Referenced, expected.ReferencingAttribute, "NoCascade"),
                ((string?)relationship.Element("ReferencingEntityName"), (string?)relationship.Element("ReferencedEntityName"),
                 relationship.Element("ReferencingAttributeName")!.Value.ToLowerInvariant(), (string?)relationship.Element("CascadeDelete")));
        }
    }

    [Fact]
    public void The_relationship_index_lists_the_system_relationships_sorted_by_name_around_ours()
    {
        // As exports list them (sorted by name); the solution's own llc_ relationships keep their place between them.
        var names = XDocument.Load(Path.Combine(RepositoryPaths.SolutionSource, "Other", "Relationships.xml")).Root!
            .Elements("EntityRelationship").Select(r => (string)r.Attribute("Name")!).Where(n => !n.StartsWith("llc_", StringComparison.Ordinal)).ToList();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
    }
}
