using System.Xml.Linq;

namespace LeadLifecycle.Plugins.Tests;

/// <summary>The solution's step registrations (Solution/src/SdkMessageProcessingSteps), the files the local organization runs.</summary>
internal static class RegistrationFiles
{
    public static IReadOnlyList<XElement> Steps()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "LeadLifecycle.sln"))) dir = dir.Parent;
        if (dir == null) throw new InvalidOperationException("LeadLifecycle.sln not found above the test output.");
        var steps = Path.Combine(dir.FullName, "Solution", "src", "SdkMessageProcessingSteps");
        return Directory.GetFiles(steps, "*.xml").Select(f => XDocument.Load(f).Root!).ToList();
    }
}
