// Build-time packer: LeadLifecycle.Packager SRC_DIR OUT_DIR [--data DATA_DIR] [ASSEMBLY.dll ...]
// Writes the managed and the unmanaged zip of the solution source into OUT_DIR, and with --data the
// Configuration Migration data package of the shipped configuration rows.
using LeadLifecycle.SolutionModel;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: LeadLifecycle.Packager SRC_DIR OUT_DIR [--data DATA_DIR] [ASSEMBLY.dll ...]");
    return 2;
}

var (src, output) = (args[0], args[1]);
var rest = args[2..].ToList();
var dataAt = rest.IndexOf("--data");
string? data = null;
if (dataAt >= 0)
{
    if (dataAt + 1 >= rest.Count) { Console.Error.WriteLine("--data needs a folder"); return 2; }
    data = rest[dataAt + 1];
    rest.RemoveRange(dataAt, 2);
}

try
{
    foreach (var managed in new[] { true, false })
        Console.WriteLine($"packed {SolutionPacker.Pack(src, rest, output, managed)}");
    if (data is not null)
        Console.WriteLine($"packed {SolutionPacker.PackConfigurationData(data, output, "LeadLifecycle")}");
    return 0;
}
catch (SolutionFormatException e)
{
    // MSBuild shows "error CODE:" lines as build errors.
    Console.Error.WriteLine($"error LLC0001: {e.Message}");
    return 1;
}
