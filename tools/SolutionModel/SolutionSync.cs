using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// The build's `pac solution sync`: refreshes in Solution/src the values that come from the built plug-in assemblies, the
/// way an export from an organization holding those assemblies would write them —
/// <list type="bullet">
/// <item>PluginAssemblies/*/*.dll.data.xml: FullName (name, Version, Culture, PublicKeyToken) and &lt;PluginTypes&gt; (every
/// public, concrete IPlugin / CodeActivity class, with its assembly qualified name and plug-in type id);</item>
/// <item>SdkMessageProcessingSteps/*.xml: the assembly qualified PluginTypeName and the PluginTypeId (and the
/// EventHandlerTypeCode of a plug-in type, 4602, when a new step leaves it out);</item>
/// <item>customapis/*/customapi.xml: &lt;plugintypeid&gt; holding the plug-in type's id;</item>
/// <item>Other/Solution.xml: the schemaName (assembly full name) of each plug-in assembly root component.</item>
/// </list>
/// Shapes from devkeydet/explicitpluginimpersonation and mikefactorial/PluginSample (src/PluginAssemblies,
/// src/SdkMessageProcessingSteps, src/Other/Solution.xml) and Microsoft Learn "Create a custom API with solution files".
/// A step or custom API may name its plug-in type by full type name alone (how a new one is written by hand): sync
/// completes it. Plug-in type ids are derived from the assembly id and the type name
/// (<see cref="DeterministicGuid.PluginTypeId"/>), so they stay the same from one build and one version to the next.
/// </summary>
public static class SolutionSync
{
    /// <summary>A file of the source whose build-derived values differ from the built assemblies'.</summary>
    /// <param name="Difference">The first difference, as a person reads it.</param>
    public sealed record Change(string Path, XDocument Updated, string Difference);

    /// <summary>What sync would change in <paramref name="srcDir"/>: empty when the source is current.</summary>
    public static IReadOnlyList<Change> Plan(string srcDir, IReadOnlyList<InspectedAssembly> assemblies)
    {
        if (!Directory.Exists(srcDir)) throw new SolutionFormatException($"solution source folder not found: {srcDir}");
        var changes = new List<Change>();
        void Consider(string path, Action<XDocument> update)
        {
            var original = Xml.Load(System.IO.Path.Combine(srcDir, path));
            var updated = new XDocument(original);
            update(updated);
            if (XmlFiles.Difference(original, updated) is { } difference) changes.Add(new Change(path, updated, difference));
        }

        var types = new Dictionary<string, (string Aqn, Guid Id)>(StringComparer.Ordinal);
        var assemblyNames = new Dictionary<Guid, string>();
        foreach (var path in Files(srcDir, "PluginAssemblies", "*.dll.data.xml", SearchOption.AllDirectories))
        {
            var element = Xml.Load(System.IO.Path.Combine(srcDir, path)).Root!;
            var name = (element.Attr("FullName") ?? "").Split(',')[0].Trim();
            var built = assemblies.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new SolutionFormatException($"{path}: plug-in assembly {name} is registered in the source but was not built: pass its net462 dll");
            var assemblyId = Xml.ParseGuid(element.Attr("PluginAssemblyId")) ?? throw new SolutionFormatException($"{path}: plug-in assembly {name} has no PluginAssemblyId");
            assemblyNames[assemblyId] = built.FullName;
            foreach (var type in built.Types)
                types[type.FullName] = ($"{type.FullName}, {built.FullName}", DeterministicGuid.PluginTypeId(assemblyId, type.FullName));
            Consider(path, doc => CompleteAssembly(doc.Root!, built, assemblyId));
        }

        foreach (var path in Files(srcDir, "SdkMessageProcessingSteps", "*.xml"))
            Consider(path, doc =>
            {
                var step = doc.Root!;
                var typeName = RegistrationParser.TypeNameOf(step.Text("PluginTypeName") ?? "");
                if (!types.TryGetValue(typeName, out var type))
                    throw new SolutionFormatException($"{path}: step {step.Attr("Name")}: plug-in type '{typeName}' is not a public IPlugin class of any packed assembly");
                XsdOrder.Set(step, XsdOrder.SdkMessageProcessingStep, "PluginTypeName", type.Aqn);
                XsdOrder.Set(step, XsdOrder.SdkMessageProcessingStep, "PluginTypeId", type.Id.ToString());
                if (step.Element("EventHandlerTypeCode") is null)
                    XsdOrder.Set(step, XsdOrder.SdkMessageProcessingStep, "EventHandlerTypeCode", StandardComponents.PluginTypeEventHandler.ToString());
            });

        foreach (var path in Files(srcDir, "customapis", "customapi.xml", SearchOption.AllDirectories))
            Consider(path, doc =>
            {
                var reference = doc.Root!.Element("plugintypeid");
                if (reference is null || FolderComponentParser.PluginTypeReference(doc.Root!) is not { } named) return;
                Guid id;
                if (Xml.ParseGuid(named) is { } given)
                {
                    if (types.Values.All(t => t.Id != given))
                        throw new SolutionFormatException($"{path}: plugintypeid {given} is the id of no plug-in type of the built assemblies (a renamed or removed class?): name the type instead");
                    id = given;
                }
                else if (types.TryGetValue(named, out var type)) id = type.Id;
                else throw new SolutionFormatException($"{path}: plug-in type '{named}' is not a public IPlugin class of any packed assembly");
                reference.ReplaceNodes(new XElement("plugintypeid", id.ToString()));
            });

        Consider(SolutionLayout.ManifestPath, doc =>
        {
            foreach (var root in doc.Root?.Element("SolutionManifest")?.Element("RootComponents")?.Elements("RootComponent") ?? [])
                if (root.Attr("type") == ComponentType.PluginAssembly.ToString() && Xml.ParseGuid(root.Attr("id")) is { } id && assemblyNames.TryGetValue(id, out var fullName))
                    root.ReplaceAttributes(root.Attributes().Where(a => a.Name == "type" || a.Name == "id"), new XAttribute("schemaName", fullName),
                        root.Attributes().Where(a => a.Name != "type" && a.Name != "id" && a.Name != "schemaName"));
        });
        return changes;
    }

    /// <summary>Writes the changes of <see cref="Plan"/>; returns the files it refreshed.</summary>
    public static IReadOnlyList<Change> Apply(string srcDir, IReadOnlyList<InspectedAssembly> assemblies)
    {
        var changes = Plan(srcDir, assemblies);
        foreach (var change in changes) File.WriteAllBytes(System.IO.Path.Combine(srcDir, change.Path), XmlFiles.Serialize(change.Updated));
        return changes;
    }

    private static void CompleteAssembly(XElement element, InspectedAssembly built, Guid assemblyId)
    {
        var existing = element.Element("PluginTypes")?.Elements("PluginType").ToDictionary(t => t.Attr("Name") ?? "", StringComparer.Ordinal) ?? [];
        element.SetAttributeValue("FullName", built.FullName);
        XsdOrder.Set(element, XsdOrder.PluginAssembly, "PluginTypes", built.Types.Select(type =>
        {
            var pluginType = new XElement("PluginType",
                new XAttribute("AssemblyQualifiedName", $"{type.FullName}, {built.FullName}"),
                new XAttribute("PluginTypeId", DeterministicGuid.PluginTypeId(assemblyId, type.FullName).ToString()),
                new XAttribute("Name", type.FullName),
                new XElement("FriendlyName", existing.TryGetValue(type.FullName, out var before) ? before.Text("FriendlyName") ?? type.FullName : type.FullName));
            // The process designer groups custom workflow activities under "Assembly (version)", as the Plugin Registration Tool registers them.
            if (type.IsWorkflowActivity)
                pluginType.Add(new XElement("WorkflowActivityGroupName", $"{built.Name} ({built.FullName.Split("Version=")[1].Split(',')[0]})"));
            return pluginType;
        }));
    }

    private static IEnumerable<string> Files(string srcDir, string folder, string pattern, SearchOption option = SearchOption.TopDirectoryOnly)
    {
        var dir = System.IO.Path.Combine(srcDir, folder);
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir, pattern, option).Select(f => System.IO.Path.GetRelativePath(srcDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal)
            : [];
    }
}
