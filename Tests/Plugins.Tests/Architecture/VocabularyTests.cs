using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LeadLifecycle.Plugins.Tests.Architecture;

/// <summary>
/// One vocabulary: every llc_ logical name (table, column, option set, environment variable, custom API, shared
/// variable) is written as a string literal once in Plugins/, so the whole assembly names it through one constant
/// (Plugins/Contract/Contract.cs). Comments do not count; the text of every string literal does, interpolated or not,
/// so a message that names a column interpolates the constant too.
/// </summary>
public sealed class VocabularyTests
{
    private static readonly Regex LogicalName = new(@"\bllc_[A-Za-z0-9_]+", RegexOptions.CultureInvariant);

    /// <summary>(name, file:line) for each llc_ name in the text of a string literal of Plugins/.</summary>
    private static IReadOnlyList<(string Name, string Where)> LiteralNames() =>
        PluginSources.Compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken))
                .SelectMany(t => LogicalName.Matches(t.ValueText).Select(m =>
                    (m.Value, $"{PluginSources.Relative(tree.FilePath)}:{t.GetLocation().GetLineSpan().StartLinePosition.Line + 1}"))))
            .ToList();

    [Fact]
    public void Each_llc_logical_name_is_a_string_literal_once_in_Plugins()
    {
        var names = LiteralNames();

        var repeated = names.GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(n => n.Where))}").ToList();

        Assert.True(repeated.Count == 0, "Written more than once (name it through Contract):\n" + string.Join("\n", repeated));
        // The scan sees the vocabulary itself: the contract's tables are there, each once.
        Assert.Contains(names, n => n.Name == "llc_scoringmodel" && n.Where.StartsWith("Plugins/Contract/Contract.cs", StringComparison.Ordinal));
        Assert.True(names.Count > 60, $"only {names.Count} llc_ names found: the scan reads no literal");
    }

    [Fact]
    public void Every_llc_literal_outside_the_vocabulary_is_one_the_vocabulary_does_not_name()
    {
        var names = LiteralNames();
        var inVocabulary = names.Where(n => n.Where.StartsWith("Plugins/Contract/", StringComparison.Ordinal)).Select(n => n.Name).ToHashSet();

        var elsewhere = names.Where(n => !n.Where.StartsWith("Plugins/Contract/", StringComparison.Ordinal)).ToList();

        Assert.All(elsewhere, n => Assert.DoesNotContain(n.Name, inVocabulary));
        // What remains outside is private to one class (today: the SharedVariables key of QualifyLead).
        Assert.Equal(["llc_QualifiedLeadParents"], elsewhere.Select(n => n.Name).ToArray());
    }
}
