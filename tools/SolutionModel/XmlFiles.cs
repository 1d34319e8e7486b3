using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// How the solution's XML files are written and compared. Written the way SolutionPackager / `pac solution unpack`
/// writes them (UTF-8 with a byte order mark, two-space indentation, one attribute list per line; seen in every file
/// of devkeydet/explicitpluginimpersonation src/), and compared by content: element names and order, attributes and
/// text, never by indentation, line endings, the byte order mark or namespace declarations.
/// </summary>
public static class XmlFiles
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The bytes of <paramref name="doc"/> as a solution file.</summary>
    public static byte[] Serialize(XDocument doc, bool byteOrderMark = true)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(byteOrderMark), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings)) doc.Save(writer);
        return buffer.ToArray();
    }

    /// <summary>A file's root as SolutionPackager writes it: the element with the xsi namespace declared on it.</summary>
    public static XDocument Document(XElement root, bool declareXsi = true)
    {
        var copy = new XElement(root);
        copy.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        if (declareXsi) copy.Add(new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), copy);
    }

    /// <summary>The first difference between two XML documents, as a person reads it, or null when they hold the same
    /// content. Whitespace between elements and namespace declarations do not count; comments do (an export never has one).</summary>
    public static string? Difference(XDocument expected, XDocument actual) => Difference(expected.Root, actual.Root, "");

    private static string? Difference(XElement? expected, XElement? actual, string path)
    {
        if (expected is null || actual is null) return expected is null && actual is null ? null : $"{path}: one side is empty";
        var here = $"{path}/{expected.Name.LocalName}";
        if (expected.Name != actual.Name) return $"{path}: <{expected.Name.LocalName}> expected, <{actual.Name.LocalName}> found";
        var expectedAttributes = Attributes(expected);
        var actualAttributes = Attributes(actual);
        foreach (var (name, value) in expectedAttributes)
            if (!actualAttributes.TryGetValue(name, out var other)) return $"{here}: attribute {name} missing";
            else if (other != value) return $"{here}/@{name}: '{value}' expected, '{other}' found";
        foreach (var name in actualAttributes.Keys.Where(n => !expectedAttributes.ContainsKey(n)))
            return $"{here}: unexpected attribute {name}";

        var expectedNodes = Content(expected);
        var actualNodes = Content(actual);
        for (var i = 0; i < Math.Max(expectedNodes.Count, actualNodes.Count); i++)
        {
            if (i >= expectedNodes.Count) return $"{here}: unexpected {Describe(actualNodes[i])}";
            if (i >= actualNodes.Count) return $"{here}: {Describe(expectedNodes[i])} missing";
            var (e, a) = (expectedNodes[i], actualNodes[i]);
            if (e is XElement ee && a is XElement ae)
            {
                if (Difference(ee, ae, here) is { } inner) return inner;
            }
            else if (e.NodeType != a.NodeType || Text(e) != Text(a))
                return $"{here}: {Describe(e)} expected, {Describe(a)} found";
        }
        return null;
    }

    private static Dictionary<string, string> Attributes(XElement e) =>
        e.Attributes().Where(a => !a.IsNamespaceDeclaration).ToDictionary(a => a.Name.ToString(), a => a.Value);

    /// <summary>Elements, text, CDATA and comments; whitespace-only text between elements is formatting.</summary>
    private static List<XNode> Content(XElement e) =>
        e.Nodes().Where(n => n is not XText t || !string.IsNullOrWhiteSpace(t.Value) || !e.HasElements).ToList();

    private static string Text(XNode node) => node switch { XText t => t.Value, XComment c => c.Value, _ => node.ToString() };

    private static string Describe(XNode node) => node switch
    {
        XElement e => $"<{e.Name.LocalName}>",
        XComment c => $"comment '{c.Value.Trim()}'",
        XText t => $"text '{t.Value}'",
        _ => node.NodeType.ToString(),
    };
}
