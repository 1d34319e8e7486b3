using System.Globalization;
using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>Small, forgiving readers over the solution XML (element names are case-sensitive in the files).</summary>
internal static class Xml
{
    public static XDocument Load(string path)
    {
        try { return XDocument.Load(path, LoadOptions.SetLineInfo | LoadOptions.SetBaseUri); }
        catch (System.Xml.XmlException e) { throw new SolutionFormatException($"{path}: not well-formed XML: {e.Message}", e); }
    }

    public static XDocument Parse(string text, string source)
    {
        try { return XDocument.Parse(text, LoadOptions.SetLineInfo); }
        catch (System.Xml.XmlException e) { throw new SolutionFormatException($"{source}: not well-formed XML: {e.Message}", e); }
    }

    public static string? Text(this XElement? e, string child) => e?.Element(child)?.Value is { } v && v.Length > 0 ? v : null;

    public static string? Attr(this XElement? e, string name) => e?.Attribute(name)?.Value is { } v && v.Length > 0 ? v : null;

    public static int? Int(this XElement? e, string child) =>
        e.Text(child) is { } v && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    public static long? Long(this XElement? e, string child) =>
        e.Text(child) is { } v && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (long)d : null;

    public static bool Flag(this XElement? e, string child) => e.Text(child) is "1" or "true" or "True";

    public static Guid? Guid(this XElement? e, string child) => ParseGuid(e.Text(child));

    public static Guid? ParseGuid(string? value) => System.Guid.TryParse(value?.Trim('{', '}'), out var g) ? g : null;

    /// <summary>The 1033 label of a labels-style container: &lt;X&gt;&lt;label description=".." languagecode="1033"/&gt;&lt;/X&gt;.</summary>
    public static string? Label(this XElement? container) =>
        container?.Elements().FirstOrDefault(l => l.Attr("languagecode") == "1033")?.Attr("description")
        ?? container?.Elements().FirstOrDefault()?.Attr("description");

    public static string Where(this XObject node)
    {
        var info = (System.Xml.IXmlLineInfo)node;
        var file = node.Document?.BaseUri is { Length: > 0 } uri ? Path.GetFileName(new Uri(uri).LocalPath) + ":" : "";
        return info.HasLineInfo() ? $"{file}{info.LineNumber}" : file.TrimEnd(':');
    }
}

/// <summary>The solution source or package is not in a shape we (or Dataverse) can read.</summary>
public sealed class SolutionFormatException(string message, Exception? inner = null) : Exception(message, inner);
