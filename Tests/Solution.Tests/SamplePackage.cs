using System.IO.Compression;
using System.Xml.Linq;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>The real Solution/src plus SampleSource/ (a fixture assembly, a step with an image, a custom API), packed
/// with the real and the fixture assemblies: a package with registrations independent of the features in progress.</summary>
internal static class SamplePackage
{
    public const string SampleStepId = "3f9d2c11-6b8e-4d1a-9c2f-7e5a1b0d4c21";
    public const string FixtureAssemblyId = "5a0c7e52-3c1b-4f0e-9d7a-2b6e8f4c1d90";

    private static readonly Lazy<string> Zip = new(Build);

    /// <summary>The packed sample (unmanaged); treat as read-only and copy it to break it.</summary>
    public static string Path => Zip.Value;

    public static string NewTempDirectory()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "llc-solution-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A copy of Solution/src with SampleSource/ laid over it and the sample components in the manifest, synced
    /// with the assemblies.</summary>
    public static string SourceCopy()
    {
        var src = SourceCopyWithoutSync();
        // SampleSource is written as a person writes a new component (bare type names, no plug-in types): sync completes it.
        SolutionSync.Apply(src, Assemblies.Select(AssemblyInspector.Inspect).ToList());
        return src;
    }

    /// <summary>The same copy, the sample components still as written by hand.</summary>
    public static string SourceCopyWithoutSync()
    {
        var src = System.IO.Path.Combine(NewTempDirectory(), "src");
        Copy(RepositoryPaths.SolutionSource, src);
        Copy(System.IO.Path.Combine(RepositoryPaths.Root, "Tests", "Solution.Tests", "SampleSource"), src);
        var manifestPath = System.IO.Path.Combine(src, "Other", "Solution.xml");
        var manifest = XDocument.Load(manifestPath);
        var roots = manifest.Root!.Element("SolutionManifest")!.Element("RootComponents")!;
        roots.Add(new XElement("RootComponent", new XAttribute("type", 91), new XAttribute("id", $"{{{FixtureAssemblyId}}}"), new XAttribute("behavior", 0)));
        roots.Add(new XElement("RootComponent", new XAttribute("type", 92), new XAttribute("id", $"{{{SampleStepId}}}"), new XAttribute("behavior", 0)));
        manifest.Save(manifestPath);
        return src;
    }

    public static string[] Assemblies =>
    [
        RepositoryPaths.Net462Assembly("Plugins", "LeadLifecycle.Plugins"),
        RepositoryPaths.Net462Assembly("Workflows", "LeadLifecycle.Workflows"),
        RepositoryPaths.FixtureAssembly,
    ];

    private static string Build()
    {
        var src = SourceCopy();
        return SolutionPacker.Pack(src, Assemblies, System.IO.Path.Combine(System.IO.Path.GetDirectoryName(src)!, "out"), managed: false);
    }

    /// <summary>A copy of the sample zip with <paramref name="edit"/> applied to one of its XML files.</summary>
    public static string BrokenCopy(string entry, Action<XDocument> edit)
    {
        var copy = System.IO.Path.Combine(NewTempDirectory(), "broken.zip");
        File.Copy(Path, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        var existing = zip.GetEntry(entry)!;
        XDocument doc;
        using (var stream = existing.Open()) doc = XDocument.Load(stream);
        existing.Delete();
        edit(doc);
        using var output = zip.CreateEntry(entry).Open();
        doc.Save(output);
        return copy;
    }

    /// <summary>A copy of the sample zip without <paramref name="entry"/>.</summary>
    public static string CopyWithout(string entry)
    {
        var copy = System.IO.Path.Combine(NewTempDirectory(), "broken.zip");
        File.Copy(Path, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        zip.GetEntry(entry)!.Delete();
        return copy;
    }

    /// <summary>Copies every file below <paramref name="from"/> to the same place below <paramref name="to"/>.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
