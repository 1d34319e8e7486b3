using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// A SolutionPackager mapping file (`pac solution pack --map`, SolutionPackager /map), the FileToFile entries of which
/// this project uses: <c>&lt;Mapping&gt;&lt;FileToFile map="LeadLifecycle.Plugins.dll" to="../Plugins/bin/Release/net462/LeadLifecycle.Plugins.dll" /&gt;&lt;/Mapping&gt;</c>.
/// A file of the package whose name (or trailing path) is a <c>map</c> value is taken from <c>to</c> when packing and
/// is not written when unpacking. Relative <c>to</c> paths are resolved from the mapping file's folder
/// (learn.microsoft.com, power-platform/alm/solution-packager-tool, "Use the /map command argument").
/// </summary>
public sealed class PackageMapping
{
    private readonly List<(string Map, string To)> _files;

    private PackageMapping(List<(string Map, string To)> files) { _files = files; }

    public string? Path { get; private init; }

    /// <summary>The (map, to) pairs, with to resolved to a full path.</summary>
    public IReadOnlyList<(string Map, string To)> FileToFile => _files;

    public static PackageMapping Read(string mappingFile)
    {
        if (!File.Exists(mappingFile)) throw new SolutionFormatException($"mapping file not found: {mappingFile}");
        var root = Xml.Load(mappingFile).Root!;
        if (root.Name.LocalName != "Mapping") throw new SolutionFormatException($"{mappingFile}: the root element of a mapping file is <Mapping>");
        var baseDir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(mappingFile))!;
        var files = root.Elements("FileToFile").Select(e =>
        {
            var map = e.Attr("map") ?? throw new SolutionFormatException($"{mappingFile}: a FileToFile without map ({e.Where()})");
            var to = e.Attr("to") ?? throw new SolutionFormatException($"{mappingFile}: a FileToFile without to ({e.Where()})");
            return (Normalize(map), System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDir, to.Replace('\\', '/'))));
        }).ToList();
        return new PackageMapping(files) { Path = mappingFile };
    }

    /// <summary>The file on disk that supplies <paramref name="packagePath"/> ("PluginAssemblies/X-ID/X.dll"), or null.</summary>
    public string? Resolve(string packagePath)
    {
        var path = Normalize(packagePath);
        return _files.Where(f => string.Equals(path, f.Map, StringComparison.OrdinalIgnoreCase) || path.EndsWith("/" + f.Map, StringComparison.OrdinalIgnoreCase)).Select(f => f.To).FirstOrDefault();
    }

    public bool Maps(string packagePath) => Resolve(packagePath) is not null;

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');
}
