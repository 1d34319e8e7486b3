// Build-time tool for the solution source (Solution/src, the `pac solution unpack` layout):
//   pack   SRC_DIR OUT_DIR [--sync] [--map MAP.xml] [--data DATA_DIR] [ASSEMBLY.dll ...]
//          writes the managed and the unmanaged zip into OUT_DIR (with --data also the Configuration Migration data
//          package); --sync first refreshes the assembly-derived values of SRC_DIR (what `pac solution sync` does).
//   sync   SRC_DIR [--map MAP.xml] [ASSEMBLY.dll ...]     refreshes those values only
//   unpack ZIP SRC_DIR [--map MAP.xml]                     writes SRC_DIR from a solution zip (mapped files left out)
// The plug-in assemblies come from the dlls named on the command line, else from the SolutionPackager mapping file.
using LeadLifecycle.SolutionModel;

const string Usage = "usage: LeadLifecycle.Packager pack SRC_DIR OUT_DIR [--sync] [--map MAP.xml] [--data DATA_DIR] [ASSEMBLY.dll ...]\n" +
                     "       LeadLifecycle.Packager sync SRC_DIR [--map MAP.xml] [ASSEMBLY.dll ...]\n" +
                     "       LeadLifecycle.Packager unpack ZIP SRC_DIR [--map MAP.xml]";

if (args.Length < 2 || args[0] is not ("pack" or "sync" or "unpack"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var rest = args[1..].ToList();
string? Option(string name)
{
    var at = rest.IndexOf(name);
    if (at < 0) return null;
    if (at + 1 >= rest.Count) throw new ArgumentException($"{name} needs a value");
    var value = rest[at + 1];
    rest.RemoveRange(at, 2);
    return value;
}
bool Flag(string name) => rest.Remove(name);

try
{
    var map = Option("--map") is { } mapFile ? PackageMapping.Read(mapFile) : null;
    var data = Option("--data");
    var sync = Flag("--sync");
    IReadOnlyList<InspectedAssembly> Assemblies(string src, IEnumerable<string> dlls) =>
        dlls.Any() ? dlls.Select(AssemblyInspector.Inspect).ToList()
        : map is not null ? SolutionPacker.MappedAssemblies(src, map)
        : throw new ArgumentException("name the plug-in assemblies (ASSEMBLY.dll ...) or a mapping file (--map)");
    void Sync(string src, IReadOnlyList<InspectedAssembly> assemblies)
    {
        // An MSBuild warning ("warning CODE:"), so that a committed source that was stale shows in every build log.
        foreach (var change in SolutionSync.Apply(src, assemblies))
            Console.WriteLine($"warning LLC0002: {change.Path} refreshed from the built assemblies ({change.Difference}): commit it");
    }

    switch (args[0])
    {
        case "pack" when rest.Count >= 2:
        {
            var (src, output) = (rest[0], rest[1]);
            var assemblies = Assemblies(src, rest.Skip(2));
            if (sync) Sync(src, assemblies);
            foreach (var managed in new[] { true, false })
                Console.WriteLine($"packed {SolutionPacker.Pack(src, assemblies.Select(a => a.Path), output, managed)}");
            if (data is not null) Console.WriteLine($"packed {SolutionPacker.PackConfigurationData(data, output, "LeadLifecycle")}");
            return 0;
        }
        case "sync" when rest.Count >= 1:
            Sync(rest[0], Assemblies(rest[0], rest.Skip(1)));
            return 0;
        case "unpack" when rest.Count == 2:
            foreach (var file in SolutionUnpacker.UnpackTo(rest[0], rest[1], path => map?.Maps(path) == true))
                Console.WriteLine($"unpacked {file}");
            return 0;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n{Usage}");
    return 2;
}
catch (SolutionFormatException e)
{
    // MSBuild shows "error CODE:" lines as build errors.
    Console.Error.WriteLine($"error LLC0001: {e.Message}");
    return 1;
}
