namespace LeadLifecycle.SolutionModel;

/// <summary>solution.xml names the solution, its version and a complete publisher.</summary>
internal static class ManifestRules
{
    public static void Check(CheckContext c)
    {
        var s = c.Solution;
        const string where = "solution.xml";
        if (s.UniqueName.Length == 0) c.Error("manifest", where, "SolutionManifest has no UniqueName");
        if (s.DisplayName.Length == 0) c.Error("manifest", where, "SolutionManifest has no LocalizedName (display name)");
        if (!System.Version.TryParse(s.Version, out _))
            c.Error("manifest", where, $"Version '{s.Version}' is not a version number like 1.0.0.0");
        if (c.Manifest.Text("Managed") is not ("0" or "1"))
            c.Error("manifest", where, "Managed must be 0 (unmanaged) or 1 (managed) in a packed solution");
        if (s.Publisher.UniqueName.Length == 0) c.Error("manifest", where, "the Publisher has no UniqueName");
        if (s.Publisher.CustomizationPrefix.Length is < 2 or > 8 || !s.Publisher.CustomizationPrefix.All(char.IsAsciiLetterOrDigit))
            c.Error("manifest", where, $"the publisher's CustomizationPrefix '{s.Publisher.CustomizationPrefix}' must be 2 to 8 letters or digits");
        if (s.Publisher.OptionValuePrefix is < 10000 or > 99999)
            c.Error("manifest", where, $"the publisher's CustomizationOptionValuePrefix {s.Publisher.OptionValuePrefix} must be between 10000 and 99999");
        if (s.RootComponents.Count == 0) c.Error("manifest", where, "RootComponents is empty: the solution would import nothing");
    }
}
