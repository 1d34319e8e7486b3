using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// The solution source in the `pac solution unpack` layout (<see cref="SolutionLayout"/>), assembled into what a packed
/// zip holds: the manifest (Other/Solution.xml), one customizations.xml (the component files merged back into
/// Other/Customizations.xml) and the files that travel beside them as they are. The packer and
/// <see cref="SolutionReader.ReadSourceFolder"/> both start here, so they can never disagree.
/// </summary>
internal sealed class SourceFolder
{
    public required XDocument Manifest { get; init; }
    public required XDocument Customizations { get; init; }
    public required IPackageFiles Files { get; init; }

    public static SourceFolder Load(string srcDir)
    {
        if (!Directory.Exists(srcDir)) throw new SolutionFormatException($"solution source folder not found: {srcDir}");
        var all = Directory.GetFiles(srcDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(srcDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var required in new[] { SolutionLayout.ManifestPath, SolutionLayout.CustomizationsPath })
            if (!all.Contains(required)) throw new SolutionFormatException($"{Path.Combine(srcDir, required)} is missing: every unpacked solution has Other/Solution.xml and Other/Customizations.xml");
        string Disk(string path) => Path.Combine(srcDir, path);

        var customizations = Xml.Load(Disk(SolutionLayout.CustomizationsPath));
        var root = customizations.Root!;
        var used = new HashSet<string>(StringComparer.Ordinal) { SolutionLayout.ManifestPath, SolutionLayout.CustomizationsPath };

        var entities = all.Where(p => SolutionLayout.Depth(p) == 3 && p.StartsWith("Entities/") && p.EndsWith("/Entity.xml")).ToList();
        Fill(root, "Entities", entities.Select(p => AssembleEntity(srcDir, p, all, used)));
        Fill(root, "EntityRelationships", Relationships(srcDir, all, used));
        foreach (var kind in SolutionLayout.TopLevel)
        {
            var files = all.Where(p => p.StartsWith(kind.Folder + "/", StringComparison.Ordinal) && kind.IsFile(p)).ToList();
            used.UnionWith(files);
            Fill(root, kind.Container, files.Select(p => RootOf(Disk(p))));
        }

        foreach (var stray in all.Where(p => !used.Contains(p) && (p.StartsWith("Other/") || p.StartsWith("Entities/"))))
            throw new SolutionFormatException($"{stray} is not part of the unpack layout (Other/ holds Solution.xml, Customizations.xml and the relationships; " +
                                              "Entities/<Name>/ holds Entity.xml, FormXml/, SavedQueries/, Visualizations/ and RibbonDiff.xml)");
        var travelling = all.Where(p => !used.Contains(p)).ToDictionary(p => p, Disk, StringComparer.OrdinalIgnoreCase);
        return new SourceFolder { Manifest = WithoutComments(Xml.Load(Disk(SolutionLayout.ManifestPath))), Customizations = WithoutComments(customizations), Files = new DiskPackageFiles(travelling) };
    }

    private static XElement AssembleEntity(string srcDir, string entityXmlPath, IReadOnlyList<string> all, ISet<string> used)
    {
        used.Add(entityXmlPath);
        var folder = entityXmlPath[..entityXmlPath.LastIndexOf('/')];
        var entity = RootOf(Path.Combine(srcDir, entityXmlPath));
        if (SolutionLayout.EntityFolder(entity) != folder)
            throw new SolutionFormatException($"{entityXmlPath}: the folder must be named after the Entity's Name ({SolutionLayout.EntityFolder(entity)})");
        foreach (var part in SolutionLayout.EntityParts)
        {
            var files = all.Where(p => p.StartsWith($"{folder}/{part.Section}/", StringComparison.Ordinal)
                                        && SolutionLayout.Depth(p) == (part.Section == "FormXml" ? 5 : 4)).ToList();
            if (files.Count == 0) continue;
            used.UnionWith(files);
            var components = files.Select(p => (Path: p, Root: RootOf(Path.Combine(srcDir, p)))).ToList();
            entity.Add(part.Section switch
            {
                // FormXml/<type>/{id}.xml → <FormXml><forms type="<type>"><systemform/>…</forms></FormXml>
                "FormXml" => new XElement("FormXml", components.GroupBy(c => c.Path.Split('/')[3])
                    .Select(g => new XElement("forms", new XAttribute("type", g.Key), g.SelectMany(c => c.Root.Elements(part.Child))))),
                "SavedQueries" => new XElement("SavedQueries", new XElement("savedqueries", components.SelectMany(c => c.Root.Elements(part.Child)))),
                _ => new XElement(part.Section, components.Select(c => c.Root)),
            });
        }
        var ribbon = $"{folder}/RibbonDiff.xml";
        if (all.Contains(ribbon))
        {
            used.Add(ribbon);
            entity.Add(RootOf(Path.Combine(srcDir, ribbon)));
        }
        return entity;
    }

    /// <summary>Other/Relationships/*.xml, in the order Other/Relationships.xml lists them (the order of customizations.xml).</summary>
    private static IEnumerable<XElement> Relationships(string srcDir, IReadOnlyList<string> all, ISet<string> used)
    {
        var files = all.Where(p => p.StartsWith(SolutionLayout.RelationshipsFolder + "/", StringComparison.Ordinal) && SolutionLayout.Depth(p) == 3).ToList();
        used.UnionWith(files);
        var relationships = files.SelectMany(p => Xml.Load(Path.Combine(srcDir, p)).Root!.Elements("EntityRelationship")).Select(Copy).ToList();
        if (!all.Contains(SolutionLayout.RelationshipIndexPath)) return relationships;
        used.Add(SolutionLayout.RelationshipIndexPath);
        var order = Xml.Load(Path.Combine(srcDir, SolutionLayout.RelationshipIndexPath)).Root!.Elements("EntityRelationship").Select(r => r.Attr("Name") ?? "").ToList();
        var names = relationships.Select(r => r.Attr("Name") ?? "").ToList();
        var unlisted = names.Except(order).ToList();
        var missing = order.Except(names).ToList();
        if (unlisted.Count > 0 || missing.Count > 0)
            throw new SolutionFormatException($"{SolutionLayout.RelationshipIndexPath} must list exactly the relationships of {SolutionLayout.RelationshipsFolder}/" +
                                              (unlisted.Count > 0 ? $"; not listed: {string.Join(", ", unlisted)}" : "") +
                                              (missing.Count > 0 ? $"; listed without a definition: {string.Join(", ", missing)}" : ""));
        return relationships.OrderBy(r => order.IndexOf(r.Attr("Name") ?? ""));
    }

    private static void Fill(XElement customizations, string container, IEnumerable<XElement> children)
    {
        var list = children.ToList();
        if (list.Count > 0) SolutionLayout.Container(customizations, container).Add(list);
    }

    private static XElement RootOf(string path) => Copy(Xml.Load(path).Root!);

    /// <summary>A copy without namespace declarations (the packed file declares xsi once, on its root) and without comments.</summary>
    private static XElement Copy(XElement element)
    {
        var copy = new XElement(element);
        copy.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        copy.DescendantNodes().OfType<XComment>().Remove();
        return copy;
    }

    private static XDocument WithoutComments(XDocument doc)
    {
        doc.DescendantNodes().OfType<XComment>().Remove();
        return doc;
    }
}
