using System.Xml.Linq;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>Solution/src is exactly what `pac solution unpack` writes for the zip the build packs from it, with values
/// that match the built assemblies; a source that drifts from either is found.</summary>
public class RoundTripTests
{
    private static readonly IReadOnlyList<InspectedAssembly> Built =
    [
        AssemblyInspector.Inspect(RepositoryPaths.Net462Assembly("Plugins", "LeadLifecycle.Plugins")),
        AssemblyInspector.Inspect(RepositoryPaths.Net462Assembly("Workflows", "LeadLifecycle.Workflows")),
    ];

    /// <summary>A copy of Solution/src to spoil.</summary>
    private static string SourceCopy()
    {
        var copy = Path.Combine(SamplePackage.NewTempDirectory(), "src");
        SamplePackage.Copy(RepositoryPaths.SolutionSource, copy);
        return copy;
    }

    private static string StepFile(string src) => Directory.GetFiles(Path.Combine(src, "SdkMessageProcessingSteps")).Order(StringComparer.Ordinal).First();

    [Fact]
    public void Packing_the_source_and_unpacking_the_unmanaged_zip_gives_the_same_tree()
    {
        var differences = SolutionRoundTrip.Differences(RepositoryPaths.SolutionSource, Built);

        Assert.True(differences.Count == 0, string.Join("\n", differences.Select(d => $"{d.Path}: {d.What}")));
    }

    [Fact]
    public void The_round_trip_covers_every_file_of_the_source()
    {
        var zip = SolutionPacker.Pack(RepositoryPaths.SolutionSource, Built.Select(a => a.Path), SamplePackage.NewTempDirectory(), managed: false);
        var unpacked = SolutionUnpacker.Unpack(zip, PackageMapping.Read(RepositoryPaths.MappingFile).Maps);
        var source = Directory.GetFiles(RepositoryPaths.SolutionSource, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.SolutionSource, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

        Assert.Equal(source, unpacked.Keys.Order(StringComparer.Ordinal));
        // The mapped assemblies are in the zip but not in the source.
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        Assert.Equal(2, archive.Entries.Count(e => e.FullName.StartsWith("PluginAssemblies/") && e.FullName.EndsWith(".dll")));
        Assert.DoesNotContain(unpacked.Keys, p => p.EndsWith(".dll"));
    }

    [Fact]
    public void The_source_holds_what_the_built_assemblies_give()
    {
        var stale = SolutionSync.Plan(RepositoryPaths.SolutionSource, Built);

        Assert.True(stale.Count == 0, string.Join("\n", stale.Select(c => $"{c.Path}: {c.Difference}")));
    }

    [Fact]
    public void A_stale_assembly_version_is_found_by_sync_the_packer_and_the_source_check()
    {
        var src = SourceCopy();
        var data = Directory.GetFiles(Path.Combine(src, "PluginAssemblies"), "LeadLifecycle.Plugins.dll.data.xml", SearchOption.AllDirectories).Single();
        File.WriteAllText(data, File.ReadAllText(data).Replace("Version=1.0.0.0", "Version=0.9.0.0"));

        var stale = SolutionSync.Plan(src, Built);
        var packing = Assert.Throws<SolutionFormatException>(() => SolutionPacker.Pack(src, Built.Select(a => a.Path), SamplePackage.NewTempDirectory(), managed: false));
        var defects = SolutionChecker.CheckSource(src, Built);

        Assert.Equal(Path.GetRelativePath(src, data).Replace('\\', '/'), Assert.Single(stale).Path);
        Assert.Contains("Version=0.9.0.0", stale[0].Difference);
        Assert.Contains("the source is stale against the built assemblies", packing.Message);
        Assert.Contains(defects, d => d.Rule == "source-stale" && d.Component == stale[0].Path);
    }

    [Fact]
    public void A_stale_plugin_type_id_of_a_step_is_found_and_sync_repairs_it()
    {
        var src = SourceCopy();
        var step = StepFile(src);
        var doc = XDocument.Load(step);
        var rightId = doc.Root!.Element("PluginTypeId")!.Value;
        doc.Root.Element("PluginTypeId")!.Value = "11111111-2222-4333-8444-555555555555";
        doc.Save(step);

        Assert.Contains("PluginTypeId", Assert.Single(SolutionSync.Plan(src, Built)).Difference);
        SolutionSync.Apply(src, Built);
        Assert.Empty(SolutionSync.Plan(src, Built));
        Assert.Equal(rightId, XDocument.Load(step).Root!.Element("PluginTypeId")!.Value);
    }

    [Fact]
    public void A_new_step_written_with_a_bare_type_name_is_completed_by_sync()
    {
        var src = SourceCopy();
        var step = StepFile(src);
        var doc = XDocument.Load(step);
        var aqn = doc.Root!.Element("PluginTypeName")!.Value;
        doc.Root.Element("PluginTypeName")!.Value = aqn.Split(',')[0];
        doc.Root.Element("PluginTypeId")!.Remove();
        doc.Save(step);

        SolutionSync.Apply(src, Built);

        Assert.Equal(aqn, XDocument.Load(step).Root!.Element("PluginTypeName")!.Value);
        Assert.Empty(SolutionRoundTrip.Differences(src, Built));
    }

    [Fact]
    public void A_file_that_unpacking_would_not_write_is_found()
    {
        var src = SourceCopy();
        var step = StepFile(src);
        File.Move(step, Path.Combine(Path.GetDirectoryName(step)!, "{00000000-0000-4000-8000-000000000001}.xml"));
        var relationships = Path.Combine(src, "Other", "Relationships", "lead.xml");
        var doc = XDocument.Load(relationships);
        doc.Root!.AddFirst(new XComment("a note"));
        doc.Save(relationships);

        var differences = SolutionRoundTrip.Differences(src, Built);

        Assert.Contains(differences, d => d.Path == "SdkMessageProcessingSteps/{00000000-0000-4000-8000-000000000001}.xml" && d.What.Contains("does not write it"));
        Assert.Contains(differences, d => d.Path == Path.GetRelativePath(src, step).Replace('\\', '/') && d.What.Contains("not in the source"));
        Assert.Contains(differences, d => d.Path == "Other/Relationships/lead.xml" && d.What.Contains("comment 'a note'"));
        Assert.Contains(SolutionChecker.CheckSource(src, Built), d => d.Rule == "source-layout" && d.Component == "Other/Relationships/lead.xml");
    }

    [Fact]
    public void A_step_with_its_elements_out_of_the_schema_order_is_reported()
    {
        var src = SourceCopy();
        var step = StepFile(src);
        var doc = XDocument.Load(step);
        var rank = doc.Root!.Element("Rank")!;
        rank.Remove();
        doc.Root.Element("PluginTypeName")!.AddBeforeSelf(rank);
        doc.Save(step);

        // Unpacking keeps the order it finds, as SolutionPackager does: the schema's order is the checker's to hold.
        var defect = Assert.Single(SolutionChecker.CheckSource(src, Built));

        Assert.Equal("step-element-order", defect.Rule);
        Assert.Contains("<PluginTypeName> comes after <Rank>", defect.Message);
    }

    [Fact]
    public void The_mapping_file_maps_the_release_builds_of_both_assemblies()
    {
        var mapping = PackageMapping.Read(RepositoryPaths.MappingFile);

        Assert.Equal(Path.Combine(RepositoryPaths.Root, "Plugins", "bin", "Release", "net462", "LeadLifecycle.Plugins.dll"),
            mapping.Resolve("PluginAssemblies/LeadLifecyclePlugins-0D00C2E4-AABB-5E0D-AEAE-70B488980AEC/LeadLifecycle.Plugins.dll"));
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "Workflows", "bin", "Release", "net462", "LeadLifecycle.Workflows.dll"),
            mapping.Resolve("PluginAssemblies/LeadLifecycleWorkflows-B054F215-7165-5DF9-9C46-D9C09639C919/LeadLifecycle.Workflows.dll"));
        Assert.Null(mapping.Resolve("Workflows/LeadLifecycleProcess-439BE526-AD8B-5F77-8B94-455D0573BECE.xaml"));
    }

    [Fact]
    public void Components_later_work_adds_round_trip_too()
    {
        // A scheduled cloud flow with its Dataverse connection reference, business process flow formulas, a new
        // privilege in a role: the kinds other issues add to Solution/src.
        var src = SourceCopy();
        var flows = Path.Combine(RepositoryPaths.Root, "Tests", "LocalOrg.Tests", "Flows", "SampleSolution", "Workflows");
        foreach (var file in Directory.GetFiles(flows)) File.Copy(file, Path.Combine(src, "Workflows", Path.GetFileName(file)));
        var customizations = Path.Combine(src, "Other", "Customizations.xml");
        var doc = XDocument.Load(customizations);
        doc.Root!.Element("Languages")!.AddBeforeSelf(new XElement("connectionreferences",
            new XElement("connectionreference", new XAttribute("connectionreferencelogicalname", "llc_SampleDataverse"),
                new XElement("connectionreferencedisplayname", "Sample - Dataverse"),
                new XElement("connectorid", "/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps"),
                new XElement("iscustomizable", 1), new XElement("statecode", 0), new XElement("statuscode", 1))));
        doc.Save(customizations);
        Directory.CreateDirectory(Path.Combine(src, "Formulas"));
        File.WriteAllText(Path.Combine(src, "Formulas", "llc_sample.xaml"), "<Activity x:Class=\"Sample\" xmlns:x=\"http://schemas.microsoft.com/winfx/2006/xaml\" />");
        var role = Directory.GetFiles(Path.Combine(src, "Roles")).First();
        var roleDoc = XDocument.Load(role);
        roleDoc.Root!.Element("RolePrivileges")!.Add(new XElement("RolePrivilege", new XAttribute("name", "prvReadllc_sample"), new XAttribute("level", "Global")));
        roleDoc.Save(role);

        Assert.Empty(SolutionRoundTrip.Differences(src, Built));
        var zip = SolutionPacker.Pack(src, Built.Select(a => a.Path), SamplePackage.NewTempDirectory(), managed: false);
        var packed = SolutionReader.ReadPackage(zip);
        Assert.Equal("Daily task stamp", Assert.Single(packed.CloudFlows).Name);
        Assert.Equal("llc_SampleDataverse", Assert.Single(packed.ConnectionReferences).LogicalName);
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        Assert.NotNull(archive.GetEntry("Formulas/llc_sample.xaml"));
    }
}
