// Build-time packer: LeadLifecycle.Packager SRC_DIR OUT_DIR ASSEMBLY.dll...
// Writes the managed and the unmanaged zip of the solution source into OUT_DIR.
using LeadLifecycle.SolutionModel;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: LeadLifecycle.Packager SRC_DIR OUT_DIR [ASSEMBLY.dll ...]");
    return 2;
}

var (src, output, assemblies) = (args[0], args[1], args[2..]);
try
{
    foreach (var managed in new[] { true, false })
        Console.WriteLine($"packed {SolutionPacker.Pack(src, assemblies, output, managed)}");
    return 0;
}
catch (SolutionFormatException e)
{
    // MSBuild shows "error:" lines as build errors.
    Console.Error.WriteLine($"error LLC0001: {e.Message}");
    return 1;
}
