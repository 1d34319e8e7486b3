using System.IO.Compression;
using System.Xml.Linq;

namespace LeadLifecycle.Cli.Deploy;

/// <summary>A solution zip as `deploy` needs it: the bytes and what solution.xml says about it.</summary>
public sealed record SolutionPackage(string Path, byte[] Content, string UniqueName, Version Version, bool IsManaged)
{
    /// <summary>Reads the zip; throws <see cref="InvalidDataException"/> with a clear message when it is no solution.</summary>
    public static SolutionPackage Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"The solution file '{path}' does not exist.");
        var content = File.ReadAllBytes(path);
        ZipArchive zip;
        try { zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read); }
        catch (InvalidDataException ex) { throw new InvalidDataException($"'{path}' is not a readable solution zip: {ex.Message}"); }
        try
        {
            var entry = zip.GetEntry("solution.xml")
                        ?? throw new InvalidDataException($"'{path}' is not a solution: it has no solution.xml at its root.");
            using var stream = entry.Open();
            var manifest = XDocument.Load(stream).Root?.Element("SolutionManifest")
                           ?? throw new InvalidDataException($"'{path}': solution.xml has no ImportExportXml/SolutionManifest.");
            var uniqueName = manifest.Element("UniqueName")?.Value;
            if (string.IsNullOrWhiteSpace(uniqueName)) throw new InvalidDataException($"'{path}': solution.xml has no UniqueName.");
            if (!Version.TryParse(manifest.Element("Version")?.Value, out var version))
                throw new InvalidDataException($"'{path}': solution.xml has no valid Version.");
            return new SolutionPackage(path, content, uniqueName, version, manifest.Element("Managed")?.Value == "1");
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or IOException && ex is not InvalidDataException)
        {
            throw new InvalidDataException($"'{path}' is not a readable solution zip: {ex.Message}");
        }
        finally
        {
            zip.Dispose();
        }
    }
}
