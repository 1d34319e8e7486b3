using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>The zips `dotnet build` produced (Solution/bin/&lt;Configuration&gt;), opened and held against CONTRACT.md.</summary>
public class BuiltPackageTests
{
    public static TheoryData<string> Zips => BuiltPackages.Kinds;

    private static IReadOnlyDictionary<string, SolutionDefinition> Packages => BuiltPackages.Read;

    private static string ZipPath(string kind) => BuiltPackages.ZipPath(kind);

    [Theory, MemberData(nameof(Zips))]
    public void Manifest_carries_the_solution_and_publisher_of_the_contract(string kind)
    {
        var s = Packages[kind];
        Assert.Equal(("LeadLifecycle", "Lead Lifecycle", "1.0.0.0"), (s.UniqueName, s.DisplayName, s.Version));
        Assert.Equal(new PublisherDefinition("leadlifecycle", "Lead Lifecycle", "llc", 75410), s.Publisher);
        Assert.Equal(kind == "managed", s.IsManaged);
    }

    [Theory, MemberData(nameof(Zips))]
    public void Every_contract_column_is_there_with_its_type_and_length(string kind)
    {
        foreach (var (table, column, type, maxLength) in ContractColumns.All)
        {
            var actual = Packages[kind].Table(table)?.Column(column);
            Assert.True(actual is not null, $"{table}.{column} is missing");
            Assert.True(actual!.Type == type, $"{table}.{column} is {actual.Type}, the contract says {type}");
            if (maxLength is not null) Assert.True(actual.MaxLength == maxLength, $"{table}.{column} max length {actual.MaxLength}, expected {maxLength}");
        }
    }

    [Theory, MemberData(nameof(Zips))]
    public void Every_contract_choice_has_exactly_its_values_and_labels(string kind)
    {
        foreach (var (table, column, options) in ContractColumns.Choices)
            Assert.Equal(options, Packages[kind].Table(table)!.Column(column)!.Options!.Select(o => (o.Value, o.Label)));
    }

    [Theory, MemberData(nameof(Zips))]
    public void Relationship_type_adds_the_four_stages_on_contact_and_keeps_account_standard_values(string kind)
    {
        (int, string)[] stages = [(754100000, "Suspect"), (754100001, "Prospect"), (754100002, "Potential Customer"), (754100003, "Customer")];
        var contact = Packages[kind].Table("contact")!.Column("customertypecode")!.Options!.Select(o => (o.Value, o.Label)).ToList();
        var account = Packages[kind].Table("account")!.Column("customertypecode")!.Options!.Select(o => (o.Value, o.Label)).ToList();
        Assert.Equal(stages, contact.Where(o => o.Value >= 754100000));
        Assert.Equal(stages, account.Where(o => o.Value >= 754100000));
        // Microsoft's values stay (Account CustomerTypeCode, learn.microsoft.com account entity reference).
        Assert.Equal([(1, "Competitor"), (2, "Consultant"), (3, "Customer"), (4, "Investor"), (5, "Partner"), (6, "Influencer"),
            (7, "Press"), (8, "Prospect"), (9, "Reseller"), (10, "Supplier"), (11, "Vendor"), (12, "Other")], account.Where(o => o.Value < 100));
    }

    [Theory, MemberData(nameof(Zips))]
    public void Lead_gets_marketing_qualified_under_open_next_to_the_standard_status_reasons(string kind)
    {
        Assert.Equal(
            [(0, 1, "New"), (0, 2, "Contacted"), (0, 754100000, "Marketing Qualified"), (1, 3, "Qualified"),
             (2, 4, "Lost"), (2, 5, "Cannot Contact"), (2, 6, "No Longer Interested"), (2, 7, "Canceled")],
            Packages[kind].Table("lead")!.StatusReasons.Select(s => (s.State, s.Status, s.Label)));
    }

    [Theory, MemberData(nameof(Zips))]
    public void Marketing_form_id_is_an_alternate_key(string kind)
    {
        var key = Assert.Single(Packages[kind].Table("llc_marketingform")!.AlternateKeys);
        Assert.Equal(["llc_formid"], key.Columns);
    }

    [Theory, MemberData(nameof(Zips))]
    public void Lookups_point_at_the_contract_tables(string kind)
    {
        var s = Packages[kind];
        Assert.Equal(["llc_matchingstrategy"], s.Table("llc_marketingform")!.Column("llc_contactstrategyid")!.Targets);
        Assert.Equal(["contact"], s.Table("llc_interaction")!.Column("llc_contactid")!.Targets);
        Assert.Equal("required", s.Table("llc_interaction")!.Column("llc_contactid")!.RequiredLevel);
        Assert.Equal(["lead"], s.Table("llc_leadscore")!.Column("llc_leadid")!.Targets);
        Assert.Equal(["llc_scoringmodel"], s.Table("llc_qualificationcondition")!.Column("llc_modelid")!.Targets);
        Assert.Equal(["llc_qualificationcriteria"], s.Table("llc_qualificationcondition")!.Column("llc_criteriaid")!.Targets);
        Assert.Equal(["lead"], s.Table("llc_leadlifecycleprocess")!.Column("bpf_leadid")!.Targets);
    }

    [Theory, MemberData(nameof(Zips))]
    public void Customer_term_environment_variable_is_a_number_defaulting_to_12(string kind)
    {
        var variable = Assert.Single(Packages[kind].EnvironmentVariables);
        Assert.Equal(("llc_CustomerTermMonths", 100000001, "12"), (variable.SchemaName, variable.Type, variable.DefaultValue));
    }

    [Theory, MemberData(nameof(Zips))]
    public void Business_process_flow_has_its_five_stages_in_order_with_fixed_ids(string kind)
    {
        var process = Packages[kind].Workflows.Single(w => w.UniqueName == "llc_leadlifecycleprocess");
        Assert.Equal((4, "lead"), (process.Category, process.PrimaryEntity));
        Assert.Equal(
            [("Inquiry", "a7c56a4b-b47e-543c-83cb-22b01ac9687a"), ("Automated Marketing Qualification", "552726ae-7a42-5da3-b4a6-2211eaf1b23c"),
             ("Teleprospecting Acceptance", "b8698450-1d6d-5b39-a31f-5a8140cee7db"), ("Teleprospecting Qualification", "a84e344e-df5c-5572-8943-83fa705536cf"),
             ("Sales Acceptance", "e1cff186-4b66-52ee-83d7-63082fd92f8f")],
            process.Stages.Select(s => (s.Name, s.Id.ToString())));
        var table = Packages[kind].Table("llc_leadlifecycleprocess")!;
        Assert.Equal(("businessprocessflowinstanceid", "OrganizationOwned"), (table.PrimaryIdAttribute, table.OwnershipType));
    }

    [Theory, MemberData(nameof(Zips))]
    public void Views_filter_on_the_relationship_type_and_lead_qualification(string kind)
    {
        var s = Packages[kind];
        string Fetch(string table, string view) => s.Table(table)!.Views.Single(v => v.Name == view).FetchXml;
        Assert.Contains("<value>754100002</value><value>754100003</value>", Fetch("contact", "Sales Contacts"));
        Assert.Contains("<value>754100002</value><value>754100003</value>", Fetch("account", "Sales Accounts"));
        Assert.Contains("<value>754100000</value><value>754100001</value>", Fetch("contact", "Marketing Contacts"));
        Assert.Contains("attribute=\"statuscode\" operator=\"eq\" value=\"754100000\"", Fetch("lead", "Marketing Qualified Leads"));
        Assert.Contains("attribute=\"llc_salesready\" operator=\"eq\" value=\"1\"", Fetch("lead", "Sales Ready Leads"));
    }

    [Theory, MemberData(nameof(Zips))]
    public void Main_forms_show_the_new_columns(string kind)
    {
        var s = Packages[kind];
        foreach (var (table, column) in ContractColumns.All.Where(c => c.Table is "lead" or "contact" or "account").Select(c => (c.Table, c.Column)))
            Assert.True(s.Table(table)!.Forms.Any(f => f.Type == "main" && f.FormXml.Contains($"datafieldname=\"{column}\"")), $"{table}.{column} on no main form");
    }

    [Theory, MemberData(nameof(Zips))]
    public void Roles_for_marketing_users_and_configuration_administrators(string kind)
    {
        var roles = Packages[kind].Roles.ToDictionary(r => r.Name);
        var marketing = roles["Lead Lifecycle Marketing User"].Privileges;
        var admin = roles["Lead Lifecycle Configuration Administrator"].Privileges;
        Assert.Contains(new RolePrivilegeDefinition("prvCreatellc_interaction", "Global"), marketing);
        Assert.DoesNotContain(marketing, p => p.Name == "prvWritellc_scoringmodel");
        Assert.Contains(new RolePrivilegeDefinition("prvWritellc_scoringmodel", "Global"), admin);
        Assert.Contains(new RolePrivilegeDefinition("prvDeletellc_retentionrule", "Global"), admin);
    }

    [Theory, MemberData(nameof(Zips))]
    public void Both_deployable_assemblies_are_registered_under_their_built_names(string kind)
    {
        foreach (var (folder, name) in new[] { ("Plugins", "LeadLifecycle.Plugins"), ("Workflows", "LeadLifecycle.Workflows") })
        {
            var expected = System.Reflection.AssemblyName.GetAssemblyName(RepositoryPaths.Net462Assembly(folder, name)).FullName;
            Assert.Contains(Packages[kind].PluginAssemblies, a => a.FullName == expected && a.IsolationMode == "Sandbox");
        }
    }

    [Theory, MemberData(nameof(Zips))]
    public void Every_step_and_custom_api_of_the_source_is_packed_on_a_packaged_plugin_type(string kind)
    {
        var source = SolutionReader.ReadSourceFolder(RepositoryPaths.SolutionSource);
        var packed = Packages[kind];
        var types = packed.PluginAssemblies.SelectMany(a => a.Types).Select(t => t.TypeName).ToHashSet();
        Assert.Equal(source.Steps.Select(s => (s.Id, s.PluginTypeName, s.Message)).Order(), packed.Steps.Select(s => (s.Id, s.PluginTypeName, s.Message)).Order());
        Assert.All(packed.Steps, s => Assert.Contains(s.PluginTypeName, types));
        Assert.Equal(source.CustomApis.Select(a => (a.UniqueName, a.PluginTypeName)).Order(), packed.CustomApis.Select(a => (a.UniqueName, a.PluginTypeName)).Order());
    }

    [Theory, MemberData(nameof(Zips))]
    public void The_checker_finds_no_defect_in_the_built_zip_not_even_a_warning(string kind)
    {
        Assert.Empty(SolutionChecker.Check(ZipPath(kind)));
    }

    [Theory, MemberData(nameof(Zips))]
    public void Every_step_carries_what_an_exported_step_carries(string kind)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(ZipPath(kind));
        using var stream = zip.GetEntry("customizations.xml")!.Open();
        var steps = System.Xml.Linq.XDocument.Load(stream).Descendants("SdkMessageProcessingStep").ToList();
        var types = Packages[kind].PluginAssemblies.SelectMany(a => a.Types.Select(t => (Aqn: $"{t.TypeName}, {a.FullName}", t.Id))).ToList();
        Assert.NotEmpty(steps);
        foreach (var step in steps)
        {
            var name = step.Attribute("Name")!.Value;
            Assert.True(Guid.TryParse(step.Element("SdkMessageId")?.Value, out _), $"{name}: SdkMessageId");
            Assert.True(step.Element("EventHandlerTypeCode")?.Value == "4602", $"{name}: EventHandlerTypeCode");
            Assert.True(types.Contains((step.Element("PluginTypeName")!.Value, Guid.Parse(step.Element("PluginTypeId")!.Value))), $"{name}: PluginTypeName/PluginTypeId");
        }
    }

    [Theory, MemberData(nameof(Zips))]
    public void Assemblies_are_root_components_named_by_their_full_name(string kind)
    {
        var s = Packages[kind];
        foreach (var assembly in s.PluginAssemblies)
            Assert.Contains(s.RootComponents, r => r.Type == ComponentType.PluginAssembly && r.Id == assembly.Id && r.SchemaName == assembly.FullName);
    }

    [Theory, MemberData(nameof(Zips))]
    public void Custom_apis_name_their_plugin_type_by_its_id(string kind)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(ZipPath(kind));
        var typeIds = Packages[kind].PluginAssemblies.SelectMany(a => a.Types).Select(t => t.Id).ToHashSet();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith("/customapi.xml")))
        {
            using var stream = entry.Open();
            var id = System.Xml.Linq.XDocument.Load(stream).Root!.Element("plugintypeid")!.Element("plugintypeid")!.Value;
            Assert.Contains(Guid.Parse(id), typeIds);
        }
    }

    /// <summary>Microsoft's CustomizationsSolution.xsd, as Dataverse validates customizations.xml on import.</summary>
    [Fact]
    public void Both_zips_pass_the_customizations_schema_check()
    {
        if (SchemaCheck.Run(RepositoryPaths.ManagedZip, RepositoryPaths.UnmanagedZip) is not { } check) return; // .ci/run runs it where the workspace has it
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("valid", check.Output);
    }
}
