using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// Inspects a solution zip the way an import would: manifest complete, every root component present (and every
/// component owned by a root component), every step's plug-in type present in the packaged assembly, messages and
/// stages valid, no duplicate registration, filtering attributes on Update steps, images with attribute lists,
/// option values inside the publisher's prefix, custom APIs and environment variables Dataverse would accept.
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
        return defects;
    }
}

internal sealed record CheckContext(SolutionDefinition Solution, XElement Manifest, XElement Customizations, IPackageFiles Files, List<SolutionDefect> Defects)
{
    public void Error(string rule, string component, string message) => Defects.Add(new(rule, DefectSeverity.Error, component, message));
    public void Warning(string rule, string component, string message) => Defects.Add(new(rule, DefectSeverity.Warning, component, message));
}
