using System.Xml.Linq;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>The checker finds what an import would trip on: each test breaks one thing in a copy of a valid package.</summary>
public class CheckerTests
{
    private static XElement Step(XDocument customizations) =>
        customizations.Descendants("SdkMessageProcessingStep").Single(s => s.Attribute("SdkMessageProcessingStepId")!.Value.Contains(SamplePackage.SampleStepId));

    private static XElement Roots(XDocument manifest) => manifest.Root!.Element("SolutionManifest")!.Element("RootComponents")!;

    private static IReadOnlyList<SolutionDefect> Errors(string zip) => SolutionChecker.Check(zip).Where(d => d.Severity == DefectSeverity.Error).ToList();

    private static SolutionDefect SingleError(string zip, string rule)
    {
        var errors = Errors(zip);
        Assert.True(errors.Count == 1 && errors[0].Rule == rule, $"expected one {rule} error, got: {string.Join("; ", errors)}");
        return errors[0];
    }

    [Fact]
    public void The_valid_sample_package_has_no_defect()
    {
        Assert.Empty(SolutionChecker.Check(SamplePackage.Path));
    }

    [Fact]
    public void A_zip_without_customizations_xml_is_reported()
    {
        var defect = SingleError(SamplePackage.CopyWithout("customizations.xml"), "package-files");
        Assert.Equal("customizations.xml", defect.Component);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_reported_not_thrown()
    {
        var path = Path.Combine(SamplePackage.NewTempDirectory(), "not-a.zip");
        File.WriteAllText(path, "hello");
        SingleError(path, "package-readable");
    }

    [Fact]
    public void An_incomplete_manifest_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("solution.xml", m => m.Root!.Element("SolutionManifest")!.Element("Publisher")!.Element("UniqueName")!.Remove());
        Assert.Equal("the Publisher has no UniqueName", SingleError(zip, "manifest").Message);
    }

    [Fact]
    public void A_root_component_missing_from_the_package_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
            c.Root!.Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value == "llc_matchinglock").Remove());
        var defect = SingleError(zip, "root-component");
        Assert.Equal("root component type 1 llc_matchinglock", defect.Component);
    }

    [Fact]
    public void A_component_that_is_not_a_root_component_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("solution.xml", m =>
            Roots(m).Elements().Single(r => (string?)r.Attribute("id") == $"{{{SamplePackage.SampleStepId}}}").Remove());
        Assert.Contains("not a root component", SingleError(zip, "root-component").Message);
    }

    [Fact]
    public void A_step_whose_plugin_type_is_not_in_the_packaged_assembly_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
            Step(c).Element("PluginTypeName")!.Value = Step(c).Element("PluginTypeName")!.Value.Replace("SamplePlugin,", "Gone,"));
        Assert.Contains("'LeadLifecycle.Solution.Fixtures.Gone' is not in any packaged assembly", SingleError(zip, "step-plugin-type").Message);
    }

    [Fact]
    public void A_registered_plugin_type_missing_from_the_dll_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
        {
            var type = c.Descendants("PluginType").First(t => (string?)t.Attribute("Name") == "LeadLifecycle.Solution.Fixtures.SampleActivity");
            type.SetAttributeValue("Name", "LeadLifecycle.Solution.Fixtures.Renamed");
            type.SetAttributeValue("AssemblyQualifiedName", ((string)type.Attribute("AssemblyQualifiedName")!).Replace("SampleActivity", "Renamed"));
        });
        Assert.Equal("plug-in type LeadLifecycle.Solution.Fixtures.Renamed", SingleError(zip, "plugin-type").Component);
    }

    [Fact]
    public void An_invalid_stage_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c => Step(c).Element("Stage")!.Value = "30");
        Assert.Contains("stage 30", SingleError(zip, "step-stage").Message);
    }

    [Fact]
    public void An_asynchronous_step_before_the_operation_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
        {
            Step(c).Element("Mode")!.Value = "1";
            Step(c).Element("Stage")!.Value = "20";
            Step(c).Element("SdkMessageProcessingStepImages")!.Remove();
        });
        SingleError(zip, "step-mode");
    }

    [Fact]
    public void A_message_that_is_neither_known_nor_a_custom_api_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
        {
            Step(c).Element("SdkMessageId")!.Remove();
            Step(c).SetAttributeValue("Name", "LeadLifecycle.Solution.Fixtures.SamplePlugin: Explode of lead");
        });
        Assert.Contains("'Explode'", SingleError(zip, "step-message").Message);
    }

    [Fact]
    public void A_step_without_message_id_is_reported_with_the_published_id()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
        {
            Step(c).Element("SdkMessageId")!.Remove();
            Step(c).Element("FilteringAttributes")!.Remove();
            Step(c).Element("SdkMessageProcessingStepImages")!.Remove();
            Step(c).SetAttributeValue("Name", "LeadLifecycle.Solution.Fixtures.SamplePlugin: QualifyLead of lead");
        });
        Assert.Contains("no SdkMessageId", SingleError(zip, "step-message").Message);
        Assert.Contains("644c3365-b36c-431e-b76b-5c3e48adee55", SingleError(zip, "step-message").Message);
    }

    [Fact]
    public void A_message_id_that_is_not_the_message_of_the_step_name_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c => Step(c).Element("SdkMessageId")!.Value = "27bebb1b-ea3e-db11-86a7-000a3a5473e8"); // Win
        Assert.Contains("is not the id of Update", SingleError(zip, "step-message").Message);
    }

    [Fact]
    public void A_duplicate_registration_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
        {
            var copy = new XElement(Step(c));
            copy.SetAttributeValue("SdkMessageProcessingStepId", "{0e6d1c55-0000-4000-8000-000000000001}");
            c.Root!.Element("SdkMessageProcessingSteps")!.Add(copy);
        });
        // The copy is also not a root component; the duplicate is what matters here.
        Assert.Contains(Errors(zip), d => d.Rule == "step-duplicate" && d.Message.Contains("would run twice"));
    }

    [Fact]
    public void An_update_step_without_filtering_attributes_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c => Step(c).Element("FilteringAttributes")!.Remove());
        SingleError(zip, "step-filtering-attributes");
    }

    [Fact]
    public void An_image_without_an_attribute_list_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c => Step(c).Descendants("Attributes").Single().Remove());
        Assert.Equal($"step 'LeadLifecycle.Solution.Fixtures.SamplePlugin: Update of lead' image 'PreImage'", SingleError(zip, "step-image-attributes").Component);
    }

    [Fact]
    public void A_pre_image_on_create_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
        {
            Step(c).Element("SdkMessageId")!.Value = "{9ebdbb1b-ea3e-db11-86a7-000a3a5473e8}"; // Create
            Step(c).SetAttributeValue("Name", "LeadLifecycle.Solution.Fixtures.SamplePlugin: Create of lead");
            Step(c).Element("FilteringAttributes")!.Remove();
        });
        SingleError(zip, "step-image-type");
    }

    [Fact]
    public void An_option_value_outside_the_publisher_prefix_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
        {
            var statuses = c.Descendants("attribute").Single(a => a.Element("LogicalName")?.Value == "statuscode"
                && a.Ancestors("Entity").Single().Element("Name")!.Value == "lead").Descendants("statuses").Single();
            statuses.Add(new XElement("status", new XAttribute("value", 100000001), new XAttribute("state", 0),
                new XElement("labels", new XElement("label", new XAttribute("description", "Foreign"), new XAttribute("languagecode", 1033)))));
        });
        var defect = SingleError(zip, "option-value-prefix");
        Assert.Equal("lead.statuscode", defect.Component);
        Assert.Contains("754100000–754109999", defect.Message);
    }

    [Fact]
    public void A_number_environment_variable_with_a_text_default_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("environmentvariabledefinitions/llc_CustomerTermMonths/environmentvariabledefinition.xml",
            v => v.Root!.Element("defaultvalue")!.Value = "twelve");
        Assert.Contains("'twelve'", SingleError(zip, "environment-variable").Message);
    }

    [Fact]
    public void A_custom_api_without_the_publisher_prefix_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customapis/llc_SampleApi/customapi.xml", a => a.Root!.SetAttributeValue("uniquename", "SampleApi"));
        Assert.Contains("prefix 'llc_'", SingleError(zip, "custom-api").Message);
    }

    private static System.Xml.Linq.XElement Manifest(XDocument m) => m.Root!.Element("SolutionManifest")!;

    private static XElement Entity(XDocument c, string name) => c.Root!.Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value == name);

    [Fact]
    public void A_view_the_app_lists_but_the_package_lacks_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
            Entity(c, "llc_retentionrule").Descendants("savedquery").Single(q => q.Element("querytype")!.Value == "1").Remove());
        var defect = SingleError(zip, "app-component");
        Assert.Equal("app llc_LeadLifecycle", defect.Component);
        Assert.Contains("component type 26", defect.Message);
    }

    [Fact]
    public void A_site_map_table_the_app_does_not_include_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
            c.Descendants("AppModuleComponent").Single(a => (string?)a.Attribute("schemaName") == "opportunity").Remove());
        Assert.Contains("opens table opportunity, which app llc_LeadLifecycle does not include", SingleError(zip, "app-site-map").Message);
    }

    [Fact]
    public void A_sub_grid_on_a_view_the_package_lacks_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
            Entity(c, "lead").Descendants("control").Single(x => (string?)x.Attribute("id") == "leadscores").Element("parameters")!.Element("ViewId")!.Value = "{0f1e2d3c-0000-4000-8000-000000000009}");
        var defect = SingleError(zip, "form-subgrid");
        Assert.Equal("lead form 'Lead (Lead Lifecycle)' control leadscores", defect.Component);
    }

    [Fact]
    public void A_form_field_the_table_does_not_have_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
            Entity(c, "llc_retentionrule").Descendants("control").First(x => (string?)x.Attribute("datafieldname") == "llc_order").SetAttributeValue("datafieldname", "llc_priority"));
        Assert.Contains("shows column llc_priority, which llc_retentionrule does not have", SingleError(zip, "form-field").Message);
    }

    [Fact]
    public void An_assembly_registered_without_its_strong_name_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
            c.Descendants("PluginAssembly").Single(a => a.Attribute("PluginAssemblyId")!.Value == SamplePackage.FixtureAssemblyId).SetAttributeValue("FullName", "LeadLifecycle.Solution.Fixtures"));
        Assert.Contains(Errors(zip), d => d.Rule == "assembly-strong-name" && d.Component == "assembly LeadLifecycle.Solution.Fixtures");
    }

    [Fact]
    public void A_step_without_its_handler_type_is_a_warning()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c => Step(c).Element("EventHandlerTypeCode")!.Remove());
        Assert.Empty(Errors(zip));
        Assert.Contains(SolutionChecker.Check(zip), d => d is { Rule: "step-handler-type", Severity: DefectSeverity.Warning });
    }

    [Fact]
    public void A_step_whose_plugin_type_id_is_not_its_types_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c => Step(c).Element("PluginTypeId")!.Value = "0f1e2d3c-0000-4000-8000-00000000000a");
        Assert.Contains("is not the id of LeadLifecycle.Solution.Fixtures.SamplePlugin", SingleError(zip, "step-plugin-type-id").Message);
    }

    [Fact]
    public void A_sales_table_the_steps_need_but_the_manifest_does_not_declare_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("solution.xml", m =>
            Manifest(m).Element("MissingDependencies")!.Elements().Where(d => (string?)d.Element("Required")!.Attribute("schemaName") == "opportunity").Remove());
        Assert.Equal("table opportunity", SingleError(zip, "missing-dependency").Component);
    }

    [Fact]
    public void An_assembly_root_component_without_its_full_name_is_a_warning()
    {
        var zip = SamplePackage.BrokenCopy("solution.xml", m =>
            Roots(m).Elements().First(r => (string?)r.Attribute("type") == "91").Attribute("schemaName")!.Remove());
        Assert.Empty(Errors(zip));
        Assert.Contains(SolutionChecker.Check(zip), d => d is { Rule: "root-component", Severity: DefectSeverity.Warning });
    }

    [Fact]
    public void An_app_shared_with_a_role_that_exists_nowhere_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
            c.Descendants("AppModuleRoleMaps").Single().Add(new XElement("Role", new XAttribute("id", "{0f1e2d3c-0000-4000-8000-00000000000b}"))));
        Assert.Contains("{0f1e2d3c-0000-4000-8000-00000000000b}".Trim('{', '}'), SingleError(zip, "app-roles").Message);
    }

    private static IEnumerable<XElement> Columns(XElement entity) => entity.Element("EntityInfo")!.Element("entity")!.Element("attributes")!.Elements("attribute");

    private static void RemoveAttributes(XElement entity, params string[] logicalNames) =>
        Columns(entity).Where(a => logicalNames.Contains(a.Element("LogicalName")!.Value)).Remove();

    [Fact]
    public void A_user_owned_table_without_some_of_its_system_columns_is_reported_naming_them()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c => RemoveAttributes(Entity(c, "llc_interaction"), "createdon", "owninguser"));
        var defect = SingleError(zip, "system-columns");
        Assert.Equal("table llc_interaction", defect.Component);
        Assert.Equal("a user-owned table lacks the system columns CreatedOn (datetime), OwningUser (lookup): add them to " +
                     "Entities/llc_interaction/Entity.xml as an export writes them (IsCustomField 0; copy them from a user-owned llc_ table)", defect.Message);
    }

    [Fact]
    public void A_system_column_marked_custom_or_writable_where_the_platform_writes_it_is_reported()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
        {
            var createdBy = Columns(Entity(c, "llc_scoringmodel")).Single(a => a.Element("LogicalName")!.Value == "createdby");
            createdBy.Element("IsCustomField")!.Value = "1";
            createdBy.Element("ValidForCreateApi")!.Value = "1";
        });
        var errors = Errors(zip);
        Assert.All(errors, e => Assert.Equal(("system-columns", "table llc_scoringmodel column createdby"), (e.Rule, e.Component)));
        Assert.Equal(["ValidForCreateApi 1 / ValidForUpdateApi 0; the platform's are 0 / 0", "is a system column: IsCustomField must be 0"],
            errors.Select(e => e.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_organization_owned_table_without_its_system_relationships_is_reported_naming_them_and_their_files()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
            c.Root!.Element("EntityRelationships")!.Elements("EntityRelationship")
                .Where(r => (string?)r.Attribute("Name") is "lk_llc_matchinglock_createdby" or "organization_llc_matchinglock").Remove());
        var defect = SingleError(zip, "system-relationships");
        Assert.Equal("table llc_matchinglock", defect.Component);
        Assert.Equal("an organization-owned table lacks the system relationships " +
                     "lk_llc_matchinglock_createdby (systemuser 1:N llc_matchinglock.createdby, in Other/Relationships/systemuser.xml), " +
                     "organization_llc_matchinglock (organization 1:N llc_matchinglock.organizationid, in Other/Relationships/organization.xml): " +
                     "add each to its file and its name to Other/Relationships.xml", defect.Message);
    }

    [Fact]
    public void A_new_custom_table_with_only_its_own_columns_is_told_every_system_column_and_relationship_it_needs()
    {
        // What a table added by hand looks like (named llc_newtable: the solution ships an llc_job): its key, name and state, as a maker would write them, nothing of the platform's.
        var src = SamplePackage.SourceCopy();
        var lockXml = File.ReadAllText(Path.Combine(src, "Entities", "llc_matchinglock", "Entity.xml"));
        var job = XDocument.Parse(lockXml.Replace("llc_matchinglock", "llc_newtable").Replace("Matching Lock", "New Table"));
        RemoveAttributes(job.Root!, SystemColumns.For("OrganizationOwned").Select(c => c.LogicalName).ToArray());
        job.Descendants("OwnershipTypeMask").Single().Value = "UserOwned";
        Directory.CreateDirectory(Path.Combine(src, "Entities", "llc_newtable"));
        job.Save(Path.Combine(src, "Entities", "llc_newtable", "Entity.xml"));
        var manifestPath = Path.Combine(src, "Other", "Solution.xml");
        var manifest = XDocument.Load(manifestPath);
        Roots(manifest).Add(new XElement("RootComponent", new XAttribute("type", 1), new XAttribute("schemaName", "llc_newtable"), new XAttribute("behavior", 0)));
        manifest.Save(manifestPath);

        var defects = SolutionChecker.CheckSource(src, SamplePackage.Assemblies.Select(AssemblyInspector.Inspect).ToList());

        Assert.Equal(["system-columns", "system-relationships"], defects.Select(d => d.Rule).Order(StringComparer.Ordinal));
        Assert.All(defects, d => Assert.Equal(("table llc_newtable", DefectSeverity.Error), (d.Component, d.Severity)));
        Assert.Equal("a user-owned table lacks the system columns CreatedBy (lookup), CreatedOn (datetime), CreatedOnBehalfBy (lookup), " +
                     "ImportSequenceNumber (int), ModifiedBy (lookup), ModifiedOn (datetime), ModifiedOnBehalfBy (lookup), OverriddenCreatedOn (datetime), " +
                     "OwnerId (owner), OwningBusinessUnit (lookup), OwningTeam (lookup), OwningUser (lookup), TimeZoneRuleVersionNumber (int), " +
                     "UTCConversionTimeZoneCode (int): add them to Entities/llc_newtable/Entity.xml as an export writes them (IsCustomField 0; copy them from a user-owned llc_ table)",
            defects.Single(d => d.Rule == "system-columns").Message);
        Assert.Equal("a user-owned table lacks the system relationships " +
                     "business_unit_llc_newtable (businessunit 1:N llc_newtable.owningbusinessunit, in Other/Relationships/businessunit.xml), " +
                     "lk_llc_newtable_createdby (systemuser 1:N llc_newtable.createdby, in Other/Relationships/systemuser.xml), " +
                     "lk_llc_newtable_modifiedby (systemuser 1:N llc_newtable.modifiedby, in Other/Relationships/systemuser.xml), " +
                     "owner_llc_newtable (owner 1:N llc_newtable.ownerid, in Other/Relationships/owner.xml), " +
                     "team_llc_newtable (team 1:N llc_newtable.owningteam, in Other/Relationships/team.xml), " +
                     "user_llc_newtable (systemuser 1:N llc_newtable.owninguser, in Other/Relationships/systemuser.xml): " +
                     "add each to its file and its name to Other/Relationships.xml",
            defects.Single(d => d.Rule == "system-relationships").Message);
    }
}
