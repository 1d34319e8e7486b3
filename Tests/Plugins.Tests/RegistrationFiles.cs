using System.Xml.Linq;

namespace LeadLifecycle.Plugins.Tests;

/// <summary>The solution's step registrations (Solution/src/SdkMessageProcessingSteps), the files the local organization runs.</summary>
internal static class RegistrationFiles
{
    /// <summary>The step files, with the values the build syncs from the assemblies read as these tests compare them:
    /// PluginTypeName as the full type name (the files hold it assembly qualified) and no empty FilteringAttributes
    /// (the files write one on every step, as an export does).</summary>
    public static IReadOnlyList<XElement> Steps()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "LeadLifecycle.sln"))) dir = dir.Parent;
        if (dir == null) throw new InvalidOperationException("LeadLifecycle.sln not found above the test output.");
        var steps = Path.Combine(dir.FullName, "Solution", "src", "SdkMessageProcessingSteps");
        return Directory.GetFiles(steps, "*.xml").Select(f =>
        {
            var step = XDocument.Load(f).Root!;
            if (step.Element("PluginTypeName") is { } type) type.Value = type.Value.Split(',')[0].Trim();
            if (step.Element("FilteringAttributes") is { Value.Length: 0 } empty) empty.Remove();
            return step;
        }).ToList();
    }
}
