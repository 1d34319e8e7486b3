using System.Reflection;
using System.Xml.Linq;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>The packer takes names, tokens and plug-in types from the built assemblies and completes what the
/// source leaves to it (assembly qualified type names, plug-in type ids).</summary>
public class PackerTests
{
    private static readonly SolutionDefinition Sample = SolutionReader.ReadPackage(SamplePackage.Path);

    [Fact]
    public void Assembly_full_name_and_public_key_token_come_from_the_dll()
    {
        var expected = AssemblyName.GetAssemblyName(RepositoryPaths.FixtureAssembly);
        var registered = Sample.PluginAssemblies.Single(a => a.Id == Guid.Parse(SamplePackage.FixtureAssemblyId));
        Assert.Equal(expected.FullName, registered.FullName);
        Assert.Contains("PublicKeyToken=" + Convert.ToHexStringLower(expected.GetPublicKeyToken()!), registered.FullName);
        Assert.Equal("Sandbox", registered.IsolationMode);
    }

    [Fact]
    public void Plugin_types_are_the_public_concrete_plugins_and_activities_of_the_dll()
    {
        var types = Sample.PluginAssemblies.Single(a => a.Id == Guid.Parse(SamplePackage.FixtureAssemblyId)).Types;
        Assert.Equal(["LeadLifecycle.Solution.Fixtures.SampleActivity", "LeadLifecycle.Solution.Fixtures.SamplePlugin"], types.Select(t => t.TypeName));
        Assert.True(types[0].IsWorkflowActivity);
        Assert.Equal("LeadLifecycle.Solution.Fixtures (1.0.0.0)", types[0].WorkflowActivityGroupName);
        Assert.False(types[1].IsWorkflowActivity);
    }

    [Fact]
    public void Plugin_type_ids_are_stable_from_one_pack_to_the_next()
    {
        var again = SolutionReader.ReadPackage(SolutionPacker.Pack(SamplePackage.SourceCopy(), SamplePackage.Assemblies, SamplePackage.NewTempDirectory(), managed: true));
        Assert.Equal(
            Sample.PluginAssemblies.SelectMany(a => a.Types).Select(t => (t.TypeName, t.Id)),
            again.PluginAssemblies.SelectMany(a => a.Types).Select(t => (t.TypeName, t.Id)));
        Assert.True(again.IsManaged);
        Assert.False(Sample.IsManaged);
    }

    [Fact]
    public void Steps_get_the_assembly_qualified_type_name_and_the_plugin_type_id()
    {
        var customizations = XDocument.Parse(SampleEntry("customizations.xml"));
        var step = customizations.Descendants("SdkMessageProcessingStep").Single(s => s.Attribute("SdkMessageProcessingStepId")!.Value.Contains(SamplePackage.SampleStepId));
        var pluginType = Sample.PluginAssemblies.SelectMany(a => a.Types).Single(t => t.TypeName == "LeadLifecycle.Solution.Fixtures.SamplePlugin");
        Assert.Equal("LeadLifecycle.Solution.Fixtures.SamplePlugin, " + AssemblyName.GetAssemblyName(RepositoryPaths.FixtureAssembly).FullName, step.Element("PluginTypeName")!.Value);
        Assert.Equal(pluginType.Id, Guid.Parse(step.Element("PluginTypeId")!.Value));
        // The XSD sequence: PluginTypeId right after PluginTypeName.
        Assert.Equal("PluginTypeId", ((XElement)step.Element("PluginTypeName")!.NextNode!).Name.LocalName);
    }

    [Fact]
    public void Steps_read_back_with_message_stage_filtering_attributes_and_images()
    {
        var step = Sample.Steps.Single(s => s.Id == Guid.Parse(SamplePackage.SampleStepId));
        Assert.Equal(("LeadLifecycle.Solution.Fixtures.SamplePlugin", "Update", "lead", 40, 0), (step.PluginTypeName, step.Message, step.PrimaryEntity, step.Stage, step.Mode));
        Assert.Equal(["llc_score", "llc_salesready"], step.FilteringAttributes);
        var image = Assert.Single(step.Images);
        Assert.Equal(("PreImage", 0, "Target"), (image.EntityAlias, image.ImageType, image.MessagePropertyName));
        Assert.Equal(["llc_score", "llc_salesready"], image.Attributes);
    }

    [Fact]
    public void Custom_api_travels_with_its_parameters_and_the_plugin_type_id()
    {
        var api = Sample.CustomApis.Single(a => a.UniqueName == "llc_SampleApi");
        Assert.Equal("LeadLifecycle.Solution.Fixtures.SamplePlugin", api.PluginTypeName);
        Assert.Equal(("Subject", 10, false), (api.RequestParameters.Single().UniqueName, api.RequestParameters.Single().Type, api.RequestParameters.Single().IsOptional));
        Assert.Equal(("Accepted", 0), (api.ResponseProperties.Single().UniqueName, api.ResponseProperties.Single().Type));
        var packed = XDocument.Parse(SampleEntry("customapis/llc_SampleApi/customapi.xml"));
        Assert.True(Guid.TryParse(packed.Root!.Element("plugintypeid")!.Element("plugintypeid")!.Value, out _));
    }

    [Fact]
    public void A_step_on_a_type_no_assembly_contains_stops_the_pack_with_a_clear_message()
    {
        var src = SamplePackage.SourceCopy();
        var stepFile = Path.Combine(src, "SdkMessageProcessingSteps", $"{{{SamplePackage.SampleStepId}}}.xml");
        File.WriteAllText(stepFile, File.ReadAllText(stepFile).Replace("<PluginTypeName>LeadLifecycle.Solution.Fixtures.SamplePlugin,", "<PluginTypeName>LeadLifecycle.Solution.Fixtures.Missing,"));
        var error = Assert.Throws<SolutionFormatException>(() => SolutionPacker.Pack(src, SamplePackage.Assemblies, SamplePackage.NewTempDirectory(), managed: false));
        Assert.Contains("'LeadLifecycle.Solution.Fixtures.Missing' is not a public IPlugin class", error.Message);
    }

    [Fact]
    public void Packing_twice_gives_the_same_bytes()
    {
        var src = SamplePackage.SourceCopy();
        var first = File.ReadAllBytes(SolutionPacker.Pack(src, SamplePackage.Assemblies, SamplePackage.NewTempDirectory(), managed: true));
        var second = File.ReadAllBytes(SolutionPacker.Pack(src, SamplePackage.Assemblies, SamplePackage.NewTempDirectory(), managed: true));
        Assert.Equal(first, second);
    }

    private static string SampleEntry(string entry)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(SamplePackage.Path);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}
