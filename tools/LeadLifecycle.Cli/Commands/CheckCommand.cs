using System.CommandLine;
using LeadLifecycle.SolutionModel;
using Spectre.Console;

namespace LeadLifecycle.Cli.Commands;

/// <summary>`llc check SOLUTION.zip|SOURCE_FOLDER`: inspects a solution zip the way an import would (SolutionChecker), or a
/// source folder in the `pac solution unpack` layout (held against the built assemblies and its own unpacked zip, then
/// packed and inspected), and lists its defects.</summary>
internal static class CheckCommand
{
    public static Command Create(CliHost host)
    {
        var target = new Argument<string>("SOLUTION") { Description = "The solution zip to inspect, or a source folder in the `pac solution unpack` layout (e.g. Solution/src)" };
        var strict = new Option<bool>("--warnings-as-errors") { Description = "Fail (exit 1) on warnings too" };
        var map = new Option<string?>("--map")
        {
            HelpName = "MAP.xml",
            Description = "For a source folder: the SolutionPackager mapping file that names the built plug-in assemblies (default: map.xml beside the folder)",
        };
        var assemblies = new Option<string[]>("--assembly")
        {
            HelpName = "DLL",
            Description = "For a source folder: a built plug-in assembly to check it against (repeat for each; instead of the mapping file)",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("check",
            "Inspect a solution zip the way an import would: manifest, root components, plug-in types of every step in the packaged " +
            "assembly, message ids and handler types, stages, duplicate registrations, filtering attributes, image attributes, strong names, " +
            "option value prefix, custom APIs, environment variables, Sales dependencies, apps, site maps, forms and dashboards. " +
            "A source folder is also checked for values stale against the built assemblies and for files `pac solution unpack` would not write.")
        {
            target, strict, map, assemblies,
        };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(target)!;
            IReadOnlyList<SolutionDefect> defects;
            if (Directory.Exists(path))
            {
                if (ResolveAssemblies(host, path, parseResult.GetValue(map), parseResult.GetValue(assemblies) ?? []) is not { } built) return ExitCodes.BadArguments;
                defects = SolutionChecker.CheckSource(path, built);
            }
            else if (File.Exists(path)) defects = SolutionChecker.Check(path);
            else
            {
                host.Error.WriteLine($"error: the solution file or folder '{path}' does not exist.");
                return ExitCodes.BadArguments;
            }
            if (defects.Count > 0)
            {
                var table = new Table().AddColumns("Severity", "Rule", "Component", "Problem");
                foreach (var defect in defects.OrderByDescending(d => d.Severity))
                    table.AddRow(defect.Severity.ToString(), Markup.Escape(defect.Rule), Markup.Escape(defect.Component), Markup.Escape(defect.Message));
                host.Console.Write(table);
            }
            var errors = defects.Count(d => d.Severity == DefectSeverity.Error);
            var warnings = defects.Count - errors;
            host.Console.WriteLine($"{Path.GetFileName(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar))}: {errors} errors, {warnings} warnings.");
            return errors > 0 || (warnings > 0 && parseResult.GetValue(strict)) ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The built assemblies a source folder is checked against: --assembly, else the mapping file's.</summary>
    private static IReadOnlyList<InspectedAssembly>? ResolveAssemblies(CliHost host, string folder, string? mapFile, string[] dlls)
    {
        try
        {
            if (dlls.Length > 0) return dlls.Select(AssemblyInspector.Inspect).ToList();
            mapFile ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!, "map.xml");
            if (!File.Exists(mapFile))
            {
                host.Error.WriteLine($"error: no mapping file {mapFile}: name the built plug-in assemblies with --assembly or a mapping file with --map.");
                return null;
            }
            return SolutionPacker.MappedAssemblies(folder, PackageMapping.Read(mapFile));
        }
        catch (SolutionFormatException e)
        {
            host.Error.WriteLine($"error: {e.Message}; name the built assemblies with --assembly, or build the ones the mapping file names (Solution/map.xml: dotnet build -c Release)");
            return null;
        }
    }
}
