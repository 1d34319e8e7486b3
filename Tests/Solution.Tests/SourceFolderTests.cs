using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>The unpacked source reads into the model the local organization runs on.</summary>
public class SourceFolderTests
{
    private static readonly SolutionDefinition Source = SolutionReader.ReadSourceFolder(RepositoryPaths.SolutionSource);

    [Fact]
    public void Manifest_names_the_solution_and_publisher_of_the_contract()
    {
        Assert.Equal("LeadLifecycle", Source.UniqueName);
        Assert.Equal("Lead Lifecycle", Source.DisplayName);
        Assert.Equal(new PublisherDefinition("leadlifecycle", "Lead Lifecycle", "llc", 75410), Source.Publisher);
    }

    [Fact]
    public void Every_table_of_the_contract_is_read_with_its_primary_columns()
    {
        string[] custom = ["llc_matchingstrategy", "llc_marketingform", "llc_interaction", "llc_scoringmodel", "llc_scoringrule",
            "llc_leadscore", "llc_qualificationcriteria", "llc_qualificationcondition", "llc_retentionrule", "llc_leadlifecycleprocess"];
        foreach (var name in custom)
        {
            var table = Source.Table(name);
            Assert.True(table is { IsCustom: true }, name);
            Assert.NotNull(table!.PrimaryIdAttribute);
            Assert.NotNull(table.PrimaryNameAttribute);
        }
        foreach (var name in new[] { "lead", "contact", "account" })
            Assert.False(Source.Table(name)!.IsCustom);
    }

    [Fact]
    public void Lookups_know_their_targets_from_the_relationships()
    {
        Assert.Equal(["contact"], Source.Table("llc_interaction")!.Column("llc_contactid")!.Targets);
        Assert.Equal(["lead"], Source.Table("llc_leadlifecycleprocess")!.Column("bpf_leadid")!.Targets);
        Assert.Equal(["processstage"], Source.Table("llc_leadlifecycleprocess")!.Column("activestageid")!.Targets);
    }

    [Fact]
    public void Global_choices_resolve_into_the_columns_that_use_them()
    {
        var roles = Source.Table("contact")!.Column("llc_relationshiproles")!;
        Assert.Equal(ColumnType.MultiSelectPicklist, roles.Type);
        Assert.Equal("llc_relationshiproles", roles.OptionSetName);
        Assert.Equal(10, roles.Options!.Count);
        Assert.True(Source.GlobalOptionSets.Single(o => o.Name == "llc_relationshiproles").IsMultiSelect);
    }

    [Fact]
    public void Business_process_flow_stages_come_in_the_contract_order()
    {
        var process = Source.Workflows.Single(w => w.UniqueName == "llc_leadlifecycleprocess");
        Assert.Equal(4, process.Category);
        Assert.Equal(["Inquiry", "Automated Marketing Qualification", "Teleprospecting Acceptance", "Teleprospecting Qualification", "Sales Acceptance"],
            process.Stages.Select(s => s.Name));
        Assert.All(process.Stages, s => Assert.Equal("lead", s.PrimaryEntity));
    }

    [Fact]
    public void Solution_version_is_the_one_version_of_the_build()
    {
        // Directory.Build.props names the version of the assemblies and of the zips; the manifest must agree.
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        Assert.Equal(props.Descendants("LeadLifecycleVersion").Single().Value, Source.Version);
    }

    [Fact]
    public void The_source_reads_into_the_app_forms_views_charts_and_dashboard_the_local_organization_reads()
    {
        // The local organization reads Solution/src with this same reader (ShippedSolution): the new components parse.
        Assert.Equal("llc_LeadLifecycle", Assert.Single(Source.AppModules).UniqueName);
        Assert.Equal(3, Assert.Single(Source.SiteMaps).Areas.Count);
        Assert.NotEmpty(Assert.Single(Source.Dashboards).Controls);
        Assert.Equal(4, Source.Table("lead")!.Forms.Single(f => f.Type == "main").Header.Count());
        Assert.Single(Source.Table("contact")!.Forms, f => f.Type == "quick");
        Assert.Equal(7, Source.Tables.Sum(t => t.Charts.Count));
        Assert.All(Source.Steps, s => Assert.False(s.PluginTypeName.Contains(','), s.PluginTypeName)); // full type names, as the pipeline resolves them
        Assert.Contains(Source.MissingDependencies, d => d.Required.SchemaName == "opportunity");
    }

    [Fact]
    public void Steps_and_custom_apis_read_the_same_before_and_after_sync()
    {
        // A step or custom API written by hand names its type by full name; after sync, by assembly qualified name and id.
        var handWritten = SolutionReader.ReadSourceFolder(SamplePackage.SourceCopyWithoutSync());
        var synced = SolutionReader.ReadSourceFolder(SamplePackage.SourceCopy());

        Assert.Equal(handWritten.Steps.Select(s => (s.Id, s.PluginTypeName, s.Message)).Order(), synced.Steps.Select(s => (s.Id, s.PluginTypeName, s.Message)).Order());
        Assert.Equal(handWritten.CustomApis.Select(a => (a.UniqueName, a.PluginTypeName)).Order(), synced.CustomApis.Select(a => (a.UniqueName, a.PluginTypeName)).Order());
        Assert.Equal("LeadLifecycle.Solution.Fixtures.SamplePlugin", handWritten.CustomApis.Single(a => a.UniqueName == "llc_SampleApi").PluginTypeName);
    }

    [Fact]
    public void A_missing_manifest_is_a_clear_error()
    {
        var error = Assert.Throws<SolutionFormatException>(() => SolutionReader.ReadSourceFolder(SamplePackage.NewTempDirectory()));
        Assert.Contains("Other/Solution.xml", error.Message);
    }
}
