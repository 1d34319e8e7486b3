using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// Inspects a solution zip the way an import would: manifest complete, every root component present (and every
/// component owned by a root component), every step's plug-in type present in the packaged assembly, messages (by id),
/// handler types and stages valid, no duplicate registration, filtering attributes on Update steps, images with
/// attribute lists, strong-named assemblies, option values inside the publisher's prefix, custom APIs and environment
/// variables Dataverse would accept, the system columns and relationships of every custom table, Sales tables declared in MissingDependencies, apps, site maps, forms and dashboards
/// that refer only to what exists. A source folder (<see cref="CheckSource"/>) is packed first, and is also held against
/// the built assemblies (stale values) and against its own unpacked zip (the `pac solution unpack` layout).
/// </summary>
public static class SolutionChecker
{
    public static IReadOnlyList<SolutionDefect> Check(string zipPath)
    {
        IPackageFiles files;
        try { files = new ZipPackageFiles(zipPath); }
        catch (Exception e) when (e is SolutionFormatException or IOException)
        {
            return [new SolutionDefect("package-readable", DefectSeverity.Error, Path.GetFileName(zipPath), e.Message)];
        }
        var defects = new List<SolutionDefect>();
        foreach (var required in new[] { "solution.xml", "customizations.xml", "[Content_Types].xml" })
            if (!files.Exists(required))
                defects.Add(new("package-files", DefectSeverity.Error, required, "missing at the zip's root: Dataverse cannot import the zip"));
        if (defects.Count > 0) return defects;

        XDocument manifestDoc, customizationsDoc;
        SolutionDefinition solution;
        try
        {
            manifestDoc = Xml.Parse(files.ReadText("solution.xml"), "solution.xml");
            customizationsDoc = Xml.Parse(files.ReadText("customizations.xml"), "customizations.xml");
            solution = SolutionReader.Read(manifestDoc, customizationsDoc, files);
        }
        catch (Exception e) when (e is SolutionFormatException or FormatException or InvalidOperationException)
        {
            return [new SolutionDefect("package-readable", DefectSeverity.Error, Path.GetFileName(zipPath), e.Message)];
        }

        var context = new CheckContext(solution, manifestDoc.Root!.Element("SolutionManifest")!, customizationsDoc.Root!, files, defects);
        ManifestRules.Check(context);
        RootComponentRules.Check(context);
        RegistrationRules.Check(context);
        OptionValueRules.Check(context);
        FolderComponentRules.Check(context);
        SystemColumnRules.Check(context);
        DependencyRules.Check(context);
        AppRules.Check(context);
        ProcessFlowRules.Check(context);
        return defects;
    }

    /// <summary>Checks a source folder in the `pac solution unpack` layout: its assembly-derived values against the built
    /// assemblies ("source-stale"), its layout against what unpacking its own zip writes ("source-layout"), then the packed
    /// unmanaged zip with every rule of <see cref="Check"/>.</summary>
    public static IReadOnlyList<SolutionDefect> CheckSource(string srcDir, IReadOnlyList<InspectedAssembly> assemblies)
    {
        var name = Path.GetFileName(Path.GetFullPath(srcDir).TrimEnd(Path.DirectorySeparatorChar));
        IReadOnlyList<SolutionSync.Change> stale;
        try { stale = SolutionSync.Plan(srcDir, assemblies); }
        catch (Exception e) when (e is SolutionFormatException or IOException)
        {
            return [new SolutionDefect("source-stale", DefectSeverity.Error, name, e.Message)];
        }
        var defects = stale.Select(c => new SolutionDefect("source-stale", DefectSeverity.Error, c.Path,
            $"not what the built assemblies give ({c.Difference}): refresh it with `dotnet build Solution` or `dotnet run --project tools/Packager -- sync`")).ToList();
        if (defects.Count > 0) return defects;

        var temp = Directory.CreateTempSubdirectory("llc-check-").FullName;
        try
        {
            string zip;
            try
            {
                zip = SolutionPacker.Pack(srcDir, assemblies.Select(a => a.Path), temp, managed: false);
                defects.AddRange(SolutionRoundTrip.Differences(srcDir, assemblies).Select(d => new SolutionDefect("source-layout", DefectSeverity.Error, d.Path,
                    $"not what `pac solution unpack` writes for the packed zip: {d.What}")));
            }
            catch (Exception e) when (e is SolutionFormatException or IOException)
            {
                defects.Add(new SolutionDefect("source-layout", DefectSeverity.Error, name, e.Message));
                return defects;
            }
            defects.AddRange(Check(zip));
            return defects;
        }
        finally { Directory.Delete(temp, recursive: true); }
    }
}

internal sealed record CheckContext(SolutionDefinition Solution, XElement Manifest, XElement Customizations, IPackageFiles Files, List<SolutionDefect> Defects)
{
    public void Error(string rule, string component, string message) => Defects.Add(new(rule, DefectSeverity.Error, component, message));
    public void Warning(string rule, string component, string message) => Defects.Add(new(rule, DefectSeverity.Warning, component, message));
}
