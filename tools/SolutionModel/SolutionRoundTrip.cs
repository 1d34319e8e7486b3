using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// Packs a source folder and unpacks the unmanaged zip again with <see cref="SolutionUnpacker"/>: a source in the exact
/// `pac solution unpack` layout comes back file for file (names, element order, attributes and values; XML compared by
/// content, other files byte for byte), with the plug-in assemblies left out as a mapping leaves them out.
/// </summary>
public static class SolutionRoundTrip
{
    /// <summary>A file that does not come back as it is in the source.</summary>
    public sealed record Difference(string Path, string What);

    public static IReadOnlyList<Difference> Differences(string srcDir, IReadOnlyList<InspectedAssembly> assemblies)
    {
        var temp = Directory.CreateTempSubdirectory("llc-roundtrip-").FullName;
        try
        {
            var zip = SolutionPacker.Pack(srcDir, assemblies.Select(a => a.Path), temp, managed: false);
            var dlls = assemblies.Select(a => Path.GetFileName(a.Path)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unpacked = SolutionUnpacker.Unpack(zip, path => path.StartsWith("PluginAssemblies/", StringComparison.Ordinal) && dlls.Contains(Path.GetFileName(path)));
            return Compare(srcDir, unpacked);
        }
        finally { Directory.Delete(temp, recursive: true); }
    }

    /// <summary>Differences between the files of <paramref name="srcDir"/> and <paramref name="unpacked"/> (path → bytes).</summary>
    public static IReadOnlyList<Difference> Compare(string srcDir, IReadOnlyDictionary<string, byte[]> unpacked)
    {
        var source = Directory.GetFiles(srcDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(srcDir, f).Replace('\\', '/'), f => f, StringComparer.Ordinal);
        var differences = new List<Difference>();
        foreach (var path in source.Keys.Except(unpacked.Keys).Order(StringComparer.Ordinal))
            differences.Add(new(path, "in the source, but unpacking the packed zip does not write it (not part of the layout, or named after another component)"));
        foreach (var path in unpacked.Keys.Except(source.Keys).Order(StringComparer.Ordinal))
            differences.Add(new(path, "written by unpacking the packed zip, but not in the source"));
        foreach (var path in source.Keys.Intersect(unpacked.Keys).Order(StringComparer.Ordinal))
        {
            var expected = File.ReadAllBytes(source[path]);
            var actual = unpacked[path];
            if (path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                var difference = XmlFiles.Difference(Load(expected, path), Load(actual, path));
                if (difference is not null) differences.Add(new(path, difference));
            }
            else if (!expected.AsSpan().SequenceEqual(actual)) differences.Add(new(path, "its bytes differ"));
        }
        return differences;
    }

    private static XDocument Load(byte[] bytes, string path) =>
        Xml.Parse(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), path);
}
