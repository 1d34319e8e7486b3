using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// Unpacks a solution zip into the `pac solution unpack` / SolutionPackager layout (<see cref="SolutionLayout"/>): the
/// project's own unpacker, so that a test can pack Solution/src, unpack the zip and find the same tree. Like
/// SolutionPackager with /map, files that a mapping supplies when packing (the plug-in assemblies) are not written.
/// </summary>
public static class SolutionUnpacker
{
    /// <summary>The source files of <paramref name="zipPath"/> by their path in the layout.</summary>
    /// <param name="isMapped">Zip entries a mapping supplies when packing: left out of the source.</param>
    public static IReadOnlyDictionary<string, byte[]> Unpack(string zipPath, Func<string, bool>? isMapped = null)
    {
        IPackageFiles files = new ZipPackageFiles(zipPath);
        foreach (var required in new[] { "solution.xml", "customizations.xml" })
            if (!files.Exists(required)) throw new SolutionFormatException($"{zipPath}: no {required} at the zip's root");
        var manifest = Xml.Parse(files.ReadText("solution.xml"), "solution.xml");
        var customizations = Xml.Parse(files.ReadText("customizations.xml"), "customizations.xml");
        customizations.DescendantNodes().OfType<XComment>().Remove();
        manifest.DescendantNodes().OfType<XComment>().Remove();

        var output = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        void Write(string path, XElement root, bool declareXsi = true)
        {
            if (output.ContainsKey(path)) throw new SolutionFormatException($"{zipPath}: two components would be written to {path}");
            output[path] = XmlFiles.Serialize(XmlFiles.Document(root, declareXsi));
        }

        var root = customizations.Root!;
        foreach (var entity in root.Element("Entities")?.Elements("Entity").ToList() ?? [])
            UnpackEntity(entity, Write);
        UnpackRelationships(root, Write);
        foreach (var kind in SolutionLayout.TopLevel)
            foreach (var component in root.Element(kind.Container)?.Elements(kind.Child).ToList() ?? [])
            {
                Write(kind.FileOf(component), component, kind.DeclareXsi);
                component.Remove();
            }
        output[SolutionLayout.CustomizationsPath] = XmlFiles.Serialize(XmlFiles.Document(root));

        // The source packs into both zips: pac solution unpack --packagetype Both writes Managed 2 (our managed and
        // unmanaged zips differ in that value alone, so no *_managed.xml variant is written).
        var solutionManifest = manifest.Root!.Element("SolutionManifest") ?? throw new SolutionFormatException("solution.xml has no SolutionManifest");
        (solutionManifest.Element("Managed") ?? throw new SolutionFormatException("solution.xml has no Managed")).Value = "2";
        output[SolutionLayout.ManifestPath] = XmlFiles.Serialize(XmlFiles.Document(manifest.Root!));

        foreach (var path in files.Paths.Where(p => p is not ("solution.xml" or "customizations.xml" or "[Content_Types].xml")))
            if (isMapped?.Invoke(path) != true) output[path] = files.ReadBytes(path);
        return output;
    }

    /// <summary>Unpacks <paramref name="zipPath"/> into <paramref name="folder"/>, replacing what the folder held.</summary>
    public static IReadOnlyList<string> UnpackTo(string zipPath, string folder, Func<string, bool>? isMapped = null)
    {
        var files = Unpack(zipPath, isMapped);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        foreach (var (path, bytes) in files)
        {
            var target = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }
        return files.Keys.Order(StringComparer.Ordinal).ToList();
    }

    private static void UnpackEntity(XElement entity, Action<string, XElement, bool> write)
    {
        var folder = SolutionLayout.EntityFolder(entity);
        foreach (var part in SolutionLayout.EntityParts)
        {
            var section = entity.Element(part.Section);
            if (section is null) continue;
            foreach (var group in part.Wrapper is null ? [section] : section.Elements(part.Wrapper).ToList())
                foreach (var component in group.Elements(part.Child))
                {
                    var content = part.Wrapper is null ? component : new XElement(part.Wrapper, component);
                    write($"{folder}/{part.FileOf(group, component)}", content, true);
                }
            section.Remove();
        }
        if (entity.Element("RibbonDiffXml") is { } ribbon)
        {
            write($"{folder}/RibbonDiff.xml", ribbon, true);
            ribbon.Remove();
        }
        write($"{folder}/Entity.xml", entity, true);
        entity.Remove();
    }

    private static void UnpackRelationships(XElement customizations, Action<string, XElement, bool> write)
    {
        var relationships = customizations.Element("EntityRelationships")?.Elements("EntityRelationship").ToList() ?? [];
        if (relationships.Count == 0) return;
        write(SolutionLayout.RelationshipIndexPath,
            new XElement("EntityRelationships", relationships.Select(r => new XElement("EntityRelationship", new XAttribute("Name", r.Attr("Name") ?? "")))), true);
        foreach (var group in relationships.GroupBy(SolutionLayout.RelationshipFile))
            write(group.Key, new XElement("EntityRelationships", group), true);
        relationships.ForEach(r => r.Remove());
    }
}
