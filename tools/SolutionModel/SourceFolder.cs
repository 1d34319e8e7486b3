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
        Fill(root, "Entities", Sorted(srcDir, "Entities", "*/Entity.xml").Select(AssembleEntity));
        Fill(root, "Roles", Sorted(srcDir, "Roles", "*.xml").Select(RootOf));
        Fill(root, "Workflows", Sorted(srcDir, "Workflows", "*.xaml.data.xml").Select(RootOf));
        Fill(root, "optionsets", Sorted(srcDir, "OptionSets", "*.xml").Select(RootOf));
        Fill(root, "EntityRelationships", Sorted(srcDir, Path.Combine("Other", "Relationships"), "*.xml")
            .SelectMany(p => Xml.Load(p).Root!.Elements("EntityRelationship")));
        Fill(root, "SolutionPluginAssemblies", Sorted(srcDir, "PluginAssemblies", "*/*.dll.data.xml").Select(RootOf));
        Fill(root, "SdkMessageProcessingSteps", Sorted(srcDir, "SdkMessageProcessingSteps", "*.xml").Select(RootOf));

        return new SourceFolder { Manifest = Xml.Load(manifestPath), Customizations = customizations, Files = new DiskPackageFiles(TravellingFiles(srcDir)) };
    }

    /// <summary>Files copied into the zip as they are, by their zip path.</summary>
    private static Dictionary<string, string> TravellingFiles(string srcDir)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var xaml in Sorted(srcDir, "Workflows", "*.xaml")) files[$"Workflows/{Path.GetFileName(xaml)}"] = xaml;
        foreach (var folder in new[] { "customapis", "environmentvariabledefinitions" })
            foreach (var file in Sorted(srcDir, folder, "*"))
                files[Path.GetRelativePath(srcDir, file).Replace('\\', '/')] = file;
        return files;
    }

    private static XElement AssembleEntity(string entityXmlPath)
    {
        var dir = Path.GetDirectoryName(entityXmlPath)!;
        var entity = RootOf(entityXmlPath);
        var formTypes = Directory.Exists(Path.Combine(dir, "FormXml")) ? Directory.GetDirectories(Path.Combine(dir, "FormXml")).Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
        var forms = formTypes.Select(typeDir => new XElement("forms", new XAttribute("type", Path.GetFileName(typeDir)),
            Directory.GetFiles(typeDir, "*.xml").Order(StringComparer.Ordinal).SelectMany(f => Xml.Load(f).Root!.Elements("systemform")))).ToList();
        if (forms.Count > 0) entity.Add(new XElement("FormXml", forms));
        var queries = Sorted(dir, "SavedQueries", "*.xml").SelectMany(f => Xml.Load(f).Root!.Elements("savedquery")).ToList();
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

    private static IEnumerable<string> Sorted(string srcDir, string folder, string pattern)
    {
        var dir = Path.Combine(srcDir, folder);
        if (!Directory.Exists(dir)) return [];
        var recursive = pattern.Contains('/') || pattern == "*";
        var files = pattern.Contains('/')
            ? Directory.GetFiles(dir, pattern.Split('/')[^1], SearchOption.AllDirectories)
                .Where(f => Path.GetRelativePath(dir, f).Count(c => c == Path.DirectorySeparatorChar) == pattern.Count(c => c == '/'))
            : Directory.GetFiles(dir, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
        return files.Order(StringComparer.Ordinal);
    }
}
