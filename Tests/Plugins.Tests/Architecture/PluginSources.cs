using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LeadLifecycle.Plugins.Tests.Architecture;

/// <summary>The plug-in assembly's source files (Plugins/**/*.cs), parsed and bound by Roslyn as the compiler sees them.</summary>
internal static class PluginSources
{
    /// <summary>The folders of Plugins/ that hold a feature; Contract/ and Data/ are what features may share.</summary>
    public static readonly IReadOnlyList<string> FeatureFolders = ["Matching", "Scoring", "ProcessFlow", "RelationshipType"];

    private static readonly Lazy<CSharpCompilation> Compiled = new(Compile);

    public static string Root { get; } = Path.Combine(ShippedSolution.RepositoryRoot, "Plugins");

    public static CSharpCompilation Compilation => Compiled.Value;

    /// <summary>The top folder of Plugins/ a source file is in ("Scoring" for Plugins/Scoring/WhatIf/X.cs), or "" at the root.</summary>
    public static string FolderOf(string path)
    {
        var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
        var slash = relative.IndexOf('/');
        return slash < 0 ? "" : relative[..slash];
    }

    public static string Relative(string path) => Path.GetRelativePath(ShippedSolution.RepositoryRoot, path).Replace('\\', '/');

    private static CSharpCompilation Compile()
    {
        var files = Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal);
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f)).ToList();
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        // The framework and the SDK only: the built plug-in assembly (loaded by the tests) would duplicate every type.
        var references = platform.Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) ||
                                                                              name is "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(Microsoft.Xrm.Sdk.Entity).Assembly.Location)
            .Distinct().Select(p => MetadataReference.CreateFromFile(p)).ToImmutableArray();
        return CSharpCompilation.Create("LeadLifecycle.Plugins.SourceScan", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
