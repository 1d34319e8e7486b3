using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeadLifecycle.Plugins.Tests.Architecture;

/// <summary>
/// Features depend on the contract vocabulary (Plugins/Contract) and the shared helpers (Plugins/Data, the plug-in base
/// at the root), never on each other's folders. Every name in a feature's files is bound by Roslyn to the symbol it
/// means, and the symbol's declaring file tells its folder — constants and usings included, which the built assembly
/// would not show (constants are inlined).
/// </summary>
public sealed class FeatureDependencyTests
{
    private static readonly Lazy<IReadOnlyList<(string From, string To, string Where)>> Found = new(Dependencies);

    /// <summary>(from folder, to folder, file:line) for every name a source file of Plugins/ uses that is declared in Plugins/.</summary>
    private static IReadOnlyList<(string From, string To, string Where)> Dependencies()
    {
        var compilation = PluginSources.Compilation;
        // A namespace is "declared" by the files whose own namespace it is (LeadLifecycle.Plugins.Scoring: Scoring's
        // files), not by every file below it.
        var filesOfNamespace = compilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Select(n => (Name: n.Name.ToString(), t.FilePath)))
            .ToLookup(n => n.Name, n => n.FilePath);
        return compilation.SyntaxTrees.AsParallel().SelectMany(tree =>
        {
            var model = compilation.GetSemanticModel(tree);
            var from = PluginSources.FolderOf(tree.FilePath);
            return tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>()
                .Where(name => name.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>() is not { } declaration || !declaration.Name.Span.Contains(name.Span))
                .SelectMany(name =>
                {
                    var symbol = model.GetSymbolInfo(name).Symbol;
                    var where = $"{PluginSources.Relative(tree.FilePath)}:{name.GetLocation().GetLineSpan().StartLinePosition.Line + 1} ({name.Identifier.Text})";
                    IEnumerable<string> files = symbol switch
                    {
                        null => [],
                        INamespaceSymbol ns => filesOfNamespace[ns.ToDisplayString()],
                        IMethodSymbol { ReducedFrom: { } extension } => SourceFiles(extension),
                        _ => SourceFiles(symbol.OriginalDefinition),
                    };
                    return files.Distinct().Select(file => (from, PluginSources.FolderOf(file), where));
                }).ToList();
        }).ToList();
    }

    private static IEnumerable<string> SourceFiles(ISymbol symbol) =>
        symbol.Locations.Where(l => l.IsInSource).Select(l => l.SourceTree!.FilePath);

    [Fact]
    public void The_sources_bind_without_errors_so_every_name_is_resolved()
    {
        var errors = PluginSources.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void No_feature_folder_uses_another_feature_folder()
    {
        var features = PluginSources.FeatureFolders;

        var crossings = Found.Value
            .Where(d => features.Contains(d.From) && features.Contains(d.To) && d.From != d.To)
            .Select(d => $"{d.From} → {d.To}: {d.Where}").Distinct().ToList();

        Assert.True(crossings.Count == 0, "A feature uses another feature's folder:\n" + string.Join("\n", crossings));
    }

    [Fact]
    public void Features_use_the_vocabulary_and_the_shared_helpers_and_these_use_no_feature()
    {
        var dependencies = Found.Value;

        foreach (var feature in PluginSources.FeatureFolders)
        {
            Assert.Contains(dependencies, d => d.From == feature && d.To == "Contract");
            Assert.Contains(dependencies, d => d.From == feature && d.To == "Data");
        }
        var shared = dependencies.Where(d => d.From is "Contract" or "Data" or "" && PluginSources.FeatureFolders.Contains(d.To)).ToList();
        Assert.True(shared.Count == 0, "Shared code uses a feature:\n" + string.Join("\n", shared.Select(d => d.Where)));
    }
}
