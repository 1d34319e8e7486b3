using System.IO.Compression;

namespace LeadLifecycle.SolutionModel;

/// <summary>The files of a solution by their path inside the packed zip ("Workflows/X.xaml", "customapis/...").</summary>
public interface IPackageFiles
{
    IEnumerable<string> Paths { get; }
    bool Exists(string path);
    byte[] ReadBytes(string path);
    string ReadText(string path) => System.Text.Encoding.UTF8.GetString(ReadBytes(path)).TrimStart('\uFEFF');
}

/// <summary>Zip paths mapped to files on disk (the source folder before packing).</summary>
internal sealed class DiskPackageFiles(IReadOnlyDictionary<string, string> diskPathByZipPath) : IPackageFiles
{
    public IEnumerable<string> Paths => diskPathByZipPath.Keys;
    public bool Exists(string path) => diskPathByZipPath.ContainsKey(Normalize(path));
    public byte[] ReadBytes(string path) => File.ReadAllBytes(diskPathByZipPath[Normalize(path)]);
    internal static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');
}

/// <summary>The entries of a solution zip, read into memory once.</summary>
internal sealed class ZipPackageFiles : IPackageFiles
{
    private readonly Dictionary<string, byte[]> entries = new(StringComparer.OrdinalIgnoreCase);

    public ZipPackageFiles(string zipPath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                entries[DiskPackageFiles.Normalize(entry.FullName)] = buffer.ToArray();
            }
        }
        catch (InvalidDataException e) { throw new SolutionFormatException($"{zipPath}: not a zip file: {e.Message}", e); }
    }

    public IEnumerable<string> Paths => entries.Keys;
    public bool Exists(string path) => entries.ContainsKey(DiskPackageFiles.Normalize(path));
    public byte[] ReadBytes(string path) =>
        entries.TryGetValue(DiskPackageFiles.Normalize(path), out var bytes) ? bytes : throw new SolutionFormatException($"the package has no file {path}");
}
