using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// Packs Solution/src (the `pac solution unpack` layout) with the built assemblies into the zip Dataverse imports:
/// solution.xml, customizations.xml, [Content_Types].xml, PluginAssemblies/&lt;folder&gt;/&lt;Name&gt;.dll, Workflows/*.xaml,
/// customapis/…, environmentvariabledefinitions/…. Assembly full names, public key tokens and plug-in types are read
/// from the assemblies; steps and custom APIs name their plug-in type by full type name in the source.
/// </summary>
public static class SolutionPacker
{
    /// <summary>Fixed entry time: the same source packs into the same bytes.</summary>
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"xml\" ContentType=\"application/octet-stream\" /><Default Extension=\"xaml\" ContentType=\"application/octet-stream\" />"
        + "<Default Extension=\"dll\" ContentType=\"application/octet-stream\" /></Types>";

    /// <summary>The zip's file name the way Dataverse names an export: LeadLifecycle_1_0_0_0_managed.zip.</summary>
    public static string PackageFileName(string uniqueName, string version, bool managed) =>
        $"{uniqueName}_{version.Replace('.', '_')}_{(managed ? "managed" : "unmanaged")}.zip";

    /// <returns>The path of the written zip.</returns>
    public static string Pack(string srcDir, IEnumerable<string> assemblyPaths, string outDir, bool managed)
    {
        var source = SourceFolder.Load(srcDir);
        var assemblies = assemblyPaths.Select(AssemblyInspector.Inspect).ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        var root = source.Customizations.Root!;

        var assemblyFiles = CompleteAssemblies(root, assemblies);
        var typeIds = root.Element("SolutionPluginAssemblies")!.Descendants("PluginType")
            .ToDictionary(t => t.Attr("Name")!, t => t.Attr("PluginTypeId")!, StringComparer.Ordinal);
        CompleteSteps(root, assemblies, typeIds);

        var manifest = new XDocument(source.Manifest);
        var solutionManifest = manifest.Root!.Element("SolutionManifest")!;
        (solutionManifest.Element("Managed") ?? throw new SolutionFormatException("Other/Solution.xml has no <Managed> element (pac writes 2: both)")).Value = managed ? "1" : "0";
        var uniqueName = solutionManifest.Text("UniqueName") ?? throw new SolutionFormatException("Other/Solution.xml has no UniqueName");
        var version = solutionManifest.Text("Version") ?? throw new SolutionFormatException("Other/Solution.xml has no Version");

        Directory.CreateDirectory(outDir);
        var zipPath = Path.Combine(outDir, PackageFileName(uniqueName, version, managed));
        var temp = zipPath + ".tmp";
        using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
        {
            Add(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes));
            Add(zip, "solution.xml", Serialize(manifest));
            Add(zip, "customizations.xml", Serialize(source.Customizations));
            foreach (var path in source.Files.Paths.Order(StringComparer.Ordinal))
                Add(zip, path, path.EndsWith("/customapi.xml", StringComparison.OrdinalIgnoreCase)
                    ? Serialize(CompleteCustomApi(source.Files, path, typeIds))
                    : source.Files.ReadBytes(path));
            foreach (var (zipEntry, dll) in assemblyFiles) Add(zip, zipEntry, File.ReadAllBytes(dll));
        }
        File.Move(temp, zipPath, overwrite: true);
        return zipPath;
    }

    /// <summary>Zips Solution/data into the Configuration Migration tool package admins import after the solution
    /// (data.xml, data_schema.xml, [Content_Types].xml); reads it first so a broken package never ships.</summary>
    /// <returns>The path of the written zip.</returns>
    public static string PackConfigurationData(string dataDir, string outDir, string uniqueName)
    {
        ConfigurationDataReader.ReadFolder(dataDir);
        Directory.CreateDirectory(outDir);
        var zipPath = Path.Combine(outDir, $"{uniqueName}_Data.zip");
        var temp = zipPath + ".tmp";
        using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
        {
            Add(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes));
            foreach (var file in new[] { "data.xml", "data_schema.xml" }) Add(zip, file, File.ReadAllBytes(Path.Combine(dataDir, file)));
        }
        File.Move(temp, zipPath, overwrite: true);
        return zipPath;
    }

    /// <summary>Gives each PluginAssembly its full name and types from the built assembly; returns zip entry → dll.</summary>
    private static List<(string ZipEntry, string Dll)> CompleteAssemblies(XElement root, IReadOnlyDictionary<string, InspectedAssembly> assemblies)
    {
        var files = new List<(string, string)>();
        foreach (var element in root.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly"))
        {
            var name = (element.Attr("FullName") ?? "").Split(',')[0].Trim();
            if (!assemblies.TryGetValue(name, out var built))
                throw new SolutionFormatException($"plug-in assembly {name} is registered in the source but was not built: pass its net462 dll to the packer");
            var assemblyId = Xml.ParseGuid(element.Attr("PluginAssemblyId")) ?? throw new SolutionFormatException($"plug-in assembly {name} has no PluginAssemblyId");
            var fileName = element.Text("FileName") ?? throw new SolutionFormatException($"plug-in assembly {name} has no FileName");
            element.SetAttributeValue("FullName", built.FullName);
            XsdOrder.Set(element, XsdOrder.PluginAssembly, "PluginTypes", built.Types.Select(t => PluginType(t, built, assemblyId)));
            files.Add((fileName.TrimStart('/'), built.Path));
        }
        return files;
    }

    private static XElement PluginType(InspectedType type, InspectedAssembly assembly, Guid assemblyId)
    {
        var element = new XElement("PluginType",
            new XAttribute("AssemblyQualifiedName", $"{type.FullName}, {assembly.FullName}"),
            new XAttribute("PluginTypeId", DeterministicGuid.PluginTypeId(assemblyId, type.FullName).ToString()),
            new XAttribute("Name", type.FullName),
            new XElement("FriendlyName", type.FullName));
        // Custom workflow activities are grouped in the process designer under "Assembly (version)".
        if (type.IsWorkflowActivity)
            element.Add(new XElement("WorkflowActivityGroupName", $"{assembly.Name} ({assembly.FullName.Split("Version=")[1].Split(',')[0]})"));
        return element;
    }

    /// <summary>Steps name their plug-in type by full type name in the source; the package needs the assembly
    /// qualified name, the plug-in type id and the message id.</summary>
    private static void CompleteSteps(XElement root, IReadOnlyDictionary<string, InspectedAssembly> assemblies, IReadOnlyDictionary<string, string> typeIds)
    {
        foreach (var step in root.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep"))
        {
            var typeName = RegistrationParser.TypeNameOf(step.Text("PluginTypeName") ?? "");
            var owner = assemblies.Values.FirstOrDefault(a => a.Types.Any(t => t.FullName == typeName))
                ?? throw new SolutionFormatException($"step {step.Attr("Name")} ({step.Where()}): plug-in type '{typeName}' is not a public IPlugin class of any packed assembly");
            XsdOrder.Set(step, XsdOrder.SdkMessageProcessingStep, "PluginTypeName", $"{typeName}, {owner.FullName}");
            XsdOrder.Set(step, XsdOrder.SdkMessageProcessingStep, "PluginTypeId", typeIds[typeName]);
            if (step.Text("SdkMessageId") is null && SdkMessages.FromStepName(step.Attr("Name")) is { } message && SdkMessages.IdOf(message) is { } id)
                XsdOrder.Set(step, XsdOrder.SdkMessageProcessingStep, "SdkMessageId", id.ToString());
        }
    }

    /// <summary>A custom API in the source may name its plug-in type; the package carries the plug-in type id.</summary>
    private static XDocument CompleteCustomApi(IPackageFiles files, string path, IReadOnlyDictionary<string, string> typeIds)
    {
        var doc = Xml.Parse(files.ReadText(path), path);
        var reference = doc.Root!.Element("plugintypeid");
        var typeName = reference is null ? null : FolderComponentParser.PluginTypeReference(doc.Root!);
        if (reference is not null && typeName is not null && Xml.ParseGuid(typeName) is null)
        {
            if (!typeIds.TryGetValue(typeName, out var id))
                throw new SolutionFormatException($"{path}: plug-in type '{typeName}' is not a public IPlugin class of any packed assembly");
            reference.ReplaceNodes(new XElement("plugintypeid", id));
        }
        return doc;
    }

    internal static byte[] Serialize(XDocument doc)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            doc.Save(writer);
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string path, byte[] bytes)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}
