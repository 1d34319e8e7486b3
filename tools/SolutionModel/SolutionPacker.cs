using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// Packs Solution/src (the `pac solution unpack` layout, <see cref="SolutionLayout"/>) into the zip Dataverse imports:
/// solution.xml, customizations.xml, [Content_Types].xml, the files that travel as they are (Workflows/*.xaml,
/// customapis/…, environmentvariabledefinitions/…) and the plug-in assemblies, mapped in from their build output the
/// way `pac solution pack --map` / SolutionPackager /map does. Like SolutionPackager it takes the source as it is: the
/// values that come from the assemblies (full names, plug-in types and their ids) are refreshed beforehand by
/// <see cref="SolutionSync"/> (the build does), and a source that is stale against the assemblies is refused.
/// </summary>
public static class SolutionPacker
{
    /// <summary>Fixed entry time: the same source packs into the same bytes.</summary>
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"xml\" ContentType=\"application/octet-stream\" /><Default Extension=\"xaml\" ContentType=\"application/octet-stream\" />"
        + "<Default Extension=\"dll\" ContentType=\"application/octet-stream\" /><Default Extension=\"json\" ContentType=\"application/octet-stream\" /></Types>";

    /// <summary>The zip's file name the way Dataverse names an export: LeadLifecycle_1_0_0_0_managed.zip.</summary>
    public static string PackageFileName(string uniqueName, string version, bool managed) =>
        $"{uniqueName}_{version.Replace('.', '_')}_{(managed ? "managed" : "unmanaged")}.zip";

    /// <summary>Packs with the given built assemblies (each supplies the PluginAssemblies/…/&lt;its file name&gt; entry).</summary>
    /// <returns>The path of the written zip.</returns>
    public static string Pack(string srcDir, IEnumerable<string> assemblyPaths, string outDir, bool managed) =>
        Pack(srcDir, assemblyPaths.Select(AssemblyInspector.Inspect).ToList(), outDir, managed);

    /// <summary>Packs with the assemblies a SolutionPackager mapping file names.</summary>
    public static string Pack(string srcDir, PackageMapping mapping, string outDir, bool managed) =>
        Pack(srcDir, MappedAssemblies(srcDir, mapping), outDir, managed);

    /// <summary>The built assemblies a mapping supplies for the plug-in assemblies registered in <paramref name="srcDir"/>.</summary>
    public static IReadOnlyList<InspectedAssembly> MappedAssemblies(string srcDir, PackageMapping mapping) =>
        SourceFolder.Load(srcDir).Customizations.Root!.Element("SolutionPluginAssemblies")?.Elements("PluginAssembly")
            .Select(a => a.Text("FileName")?.TrimStart('/') ?? "")
            .Select(file => mapping.Resolve(file) is { } dll ? AssemblyInspector.Inspect(dll)
                : throw new SolutionFormatException($"{mapping.Path}: no FileToFile entry maps {file}"))
            .ToList() ?? [];

    private static string Pack(string srcDir, IReadOnlyList<InspectedAssembly> assemblies, string outDir, bool managed)
    {
        var stale = SolutionSync.Plan(srcDir, assemblies);
        if (stale.Count > 0)
            throw new SolutionFormatException($"the source is stale against the built assemblies ({string.Join("; ", stale.Select(c => $"{c.Path}: {c.Difference}"))}): " +
                                              "refresh it with `dotnet build Solution` or `dotnet run --project tools/Packager -- sync`");
        var source = SourceFolder.Load(srcDir);
        var root = source.Customizations.Root!;
        var assemblyFiles = new List<(string ZipEntry, string Dll)>();
        foreach (var element in root.Element("SolutionPluginAssemblies")?.Elements("PluginAssembly") ?? [])
        {
            var name = (element.Attr("FullName") ?? "").Split(',')[0].Trim();
            var built = assemblies.First(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
            assemblyFiles.Add(((element.Text("FileName") ?? throw new SolutionFormatException($"plug-in assembly {name} has no FileName")).TrimStart('/'), built.Path));
        }

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
            var mapped = assemblyFiles.Select(f => f.ZipEntry).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var path in source.Files.Paths.Where(p => !mapped.Contains(p)).Order(StringComparer.Ordinal))
                Add(zip, path, source.Files.ReadBytes(path));
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

    /// <summary>XML inside the zip: UTF-8 without byte order mark, indented.</summary>
    internal static byte[] Serialize(XDocument doc) => XmlFiles.Serialize(doc, byteOrderMark: false);

    private static void Add(ZipArchive zip, string path, byte[] bytes)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}
