using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>Reads the solution into one <see cref="SolutionDefinition"/>, from the source folder or a packed zip.</summary>
public static class SolutionReader
{
    /// <summary>Reads Solution/src (the `pac solution unpack` layout). Steps and custom APIs may name their plug-in type
    /// by assembly qualified name and id (as synced from the built assemblies, <see cref="SolutionSync"/>) or, before the
    /// first sync, by full type name alone: both read into the same definitions.</summary>
    public static SolutionDefinition ReadSourceFolder(string srcDir)
    {
        var source = SourceFolder.Load(srcDir);
        return Read(source.Manifest, source.Customizations, source.Files);
    }

    /// <summary>Reads a packed solution zip (solution.xml, customizations.xml and the files beside them).</summary>
    public static SolutionDefinition ReadPackage(string zipPath)
    {
        if (!File.Exists(zipPath)) throw new SolutionFormatException($"solution zip not found: {zipPath}");
        IPackageFiles files = new ZipPackageFiles(zipPath);
        foreach (var required in new[] { "solution.xml", "customizations.xml" })
            if (!files.Exists(required)) throw new SolutionFormatException($"{zipPath}: no {required} at the zip's root");
        return Read(Xml.Parse(files.ReadText("solution.xml"), "solution.xml"), Xml.Parse(files.ReadText("customizations.xml"), "customizations.xml"), files);
    }

    /// <summary>A packed custom API names its plug-in type by plugintypeid: give the model the type name.</summary>
    private static CustomApiDefinition ResolvePluginType(CustomApiDefinition api, IReadOnlyList<PluginAssemblyDefinition> assemblies) =>
        Xml.ParseGuid(api.PluginTypeName) is { } id && assemblies.SelectMany(a => a.Types).FirstOrDefault(t => t.Id == id) is { } type
            ? api with { PluginTypeName = type.TypeName }
            : api;

    internal static SolutionDefinition Read(XDocument manifestDoc, XDocument customizationsDoc, IPackageFiles files)
    {
        var manifest = manifestDoc.Root?.Element("SolutionManifest")
            ?? throw new SolutionFormatException("solution.xml has no ImportExportXml/SolutionManifest element");
        var customizations = customizationsDoc.Root ?? throw new SolutionFormatException("customizations.xml is empty");
        var publisherXml = manifest.Element("Publisher") ?? throw new SolutionFormatException("solution.xml has no Publisher");

        var publisher = new PublisherDefinition(
            publisherXml.Text("UniqueName") ?? "",
            publisherXml.Element("LocalizedNames").Label() ?? "",
            publisherXml.Text("CustomizationPrefix") ?? "",
            publisherXml.Int("CustomizationOptionValuePrefix") ?? 0);

        var globalOptionSets = CustomizationsParser.GlobalOptionSets(customizations);
        var relationships = CustomizationsParser.Relationships(customizations);
        var assemblies = RegistrationParser.Assemblies(customizations);

        return new SolutionDefinition(
            manifest.Text("UniqueName") ?? "",
            manifest.Element("LocalizedNames").Label() ?? "",
            manifest.Text("Version") ?? "",
            publisher,
            CustomizationsParser.Tables(customizations, globalOptionSets, relationships),
            globalOptionSets,
            relationships,
            assemblies,
            RegistrationParser.Steps(customizations),
            FolderComponentParser.CustomApis(files).Select(api => ResolvePluginType(api, assemblies)).ToList(),
            FolderComponentParser.EnvironmentVariables(files),
            ProcessParser.Workflows(customizations, files),
            CustomizationsParser.Roles(customizations))
        {
            RootComponents = manifest.Element("RootComponents")?.Elements("RootComponent").Select(r => new RootComponentDefinition(
                int.TryParse(r.Attr("type"), out var t) ? t : 0, r.Attr("schemaName"), Xml.ParseGuid(r.Attr("id")),
                int.TryParse(r.Attr("behavior"), out var b) ? b : 0)).ToList() ?? [],
            IsManaged = manifest.Text("Managed") == "1",
            MissingDependencies = AppParser.MissingDependencies(manifest),
            AppModules = AppParser.AppModules(customizations),
            SiteMaps = AppParser.SiteMaps(customizations),
            Dashboards = AppParser.Dashboards(customizations),
            CloudFlows = CloudFlowParser.Flows(customizations, files),
            ConnectionReferences = CloudFlowParser.ConnectionReferences(customizations),
        };
    }
}
