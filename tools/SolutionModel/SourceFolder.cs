using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// The solution source in the `pac solution unpack` layout, assembled into what a packed zip holds: one
/// customizations.xml (the sharded Entities/, Roles/, Workflows/, OptionSets/, Other/Relationships/,
/// PluginAssemblies/ and SdkMessageProcessingSteps/ files merged back into Other/Customizations.xml), the manifest
/// (Other/Solution.xml) and the files that travel beside them (XAML, custom APIs, environment variables).
/// The packer and <see cref="SolutionReader.ReadSourceFolder"/> both start here, so they can never disagree.
/// </summary>
internal sealed class SourceFolder
{
    public required XDocument Manifest { get; init; }
    public required XDocument Customizations { get; init; }
    public required IPackageFiles Files { get; init; }

    public static SourceFolder Load(string srcDir)
    {
        if (!Directory.Exists(srcDir)) throw new SolutionFormatException($"solution source folder not found: {srcDir}");
        var manifestPath = Path.Combine(srcDir, "Other", "Solution.xml");
        var customizationsPath = Path.Combine(srcDir, "Other", "Customizations.xml");
        foreach (var required in new[] { manifestPath, customizationsPath })
            if (!File.Exists(required)) throw new SolutionFormatException($"{required} is missing: every unpacked solution has Other/Solution.xml and Other/Customizations.xml");

        var customizations = Xml.Load(customizationsPath);
        var root = customizations.Root!;
        Fill(root, "Entities", InSubfolders(Path.Combine(srcDir, "Entities"), "Entity.xml").Select(AssembleEntity));
        Fill(root, "Roles", FilesIn(Path.Combine(srcDir, "Roles"), "*.xml").Select(RootOf));
        Fill(root, "Workflows", FilesIn(Path.Combine(srcDir, "Workflows"), "*.xaml.data.xml")
            .Concat(FilesIn(Path.Combine(srcDir, "Workflows"), "*.json.data.xml")).Select(RootOf));
        Fill(root, "optionsets", FilesIn(Path.Combine(srcDir, "OptionSets"), "*.xml").Select(RootOf));
        Fill(root, "EntityRelationships", FilesIn(Path.Combine(srcDir, "Other", "Relationships"), "*.xml")
            .SelectMany(p => Xml.Load(p).Root!.Elements("EntityRelationship")));
        Fill(root, "SolutionPluginAssemblies", InSubfolders(Path.Combine(srcDir, "PluginAssemblies"), "*.dll.data.xml").Select(RootOf));
        Fill(root, "SdkMessageProcessingSteps", FilesIn(Path.Combine(srcDir, "SdkMessageProcessingSteps"), "*.xml").Select(RootOf));

        return new SourceFolder { Manifest = Xml.Load(manifestPath), Customizations = customizations, Files = new DiskPackageFiles(TravellingFiles(srcDir)) };
    }

    /// <summary>Files copied into the zip as they are, by their zip path.</summary>
    private static Dictionary<string, string> TravellingFiles(string srcDir)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var xaml in FilesIn(Path.Combine(srcDir, "Workflows"), "*.xaml")) files[$"Workflows/{Path.GetFileName(xaml)}"] = xaml;
        // A cloud flow's definition (Category 5): Workflows/<Name>-<GUID>.json beside its .json.data.xml.
        foreach (var json in FilesIn(Path.Combine(srcDir, "Workflows"), "*.json")) files[$"Workflows/{Path.GetFileName(json)}"] = json;
        foreach (var folder in new[] { "customapis", "environmentvariabledefinitions" })
            foreach (var file in FilesIn(Path.Combine(srcDir, folder), "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(srcDir, file).Replace('\\', '/')] = file;
        return files;
    }

    private static XElement AssembleEntity(string entityXmlPath)
    {
        var dir = Path.GetDirectoryName(entityXmlPath)!;
        var entity = RootOf(entityXmlPath);
        // FormXml/<form type>/{formid}.xml → <FormXml><forms type="main"><systemform/>…</forms></FormXml>
        var forms = Subfolders(Path.Combine(dir, "FormXml")).Select(typeDir => new XElement("forms", new XAttribute("type", Path.GetFileName(typeDir)),
            FilesIn(typeDir, "*.xml").SelectMany(f => Xml.Load(f).Root!.Elements("systemform")))).ToList();
        if (forms.Count > 0) entity.Add(new XElement("FormXml", forms));
        var queries = FilesIn(Path.Combine(dir, "SavedQueries"), "*.xml").SelectMany(f => Xml.Load(f).Root!.Elements("savedquery")).ToList();
        if (queries.Count > 0) entity.Add(new XElement("SavedQueries", new XElement("savedqueries", queries)));
        var ribbon = Path.Combine(dir, "RibbonDiff.xml");
        if (File.Exists(ribbon)) entity.Add(RootOf(ribbon));
        return entity;
    }

    private static void Fill(XElement customizations, string elementName, IEnumerable<XElement> children)
    {
        var list = children.ToList();
        if (list.Count == 0) return;
        var container = customizations.Element(elementName)
            ?? throw new SolutionFormatException($"Other/Customizations.xml has no <{elementName}> element: keep every element that `pac solution unpack` writes, even when empty");
        container.Add(list);
    }

    private static XElement RootOf(string path)
    {
        var root = Xml.Load(path).Root!;
        root.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        return new XElement(root);
    }

    // Sorted so that the packed file (and its bytes) never depends on the file system's enumeration order.
    private static IEnumerable<string> FilesIn(string dir, string pattern, SearchOption option = SearchOption.TopDirectoryOnly) =>
        Directory.Exists(dir) ? Directory.GetFiles(dir, pattern, option).Order(StringComparer.Ordinal) : [];

    private static IEnumerable<string> Subfolders(string dir) =>
        Directory.Exists(dir) ? Directory.GetDirectories(dir).Order(StringComparer.Ordinal) : [];

    /// <summary>Files named <paramref name="pattern"/> one folder down: Entities/&lt;name&gt;/Entity.xml.</summary>
    private static IEnumerable<string> InSubfolders(string dir, string pattern) => Subfolders(dir).SelectMany(sub => FilesIn(sub, pattern));
}
