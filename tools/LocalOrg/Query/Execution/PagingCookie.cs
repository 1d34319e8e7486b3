using System.Xml;
using System.Xml.Linq;
using LeadLifecycle.LocalOrg.Query.Values;

namespace LeadLifecycle.LocalOrg.Query.Execution;

/// <summary>
/// The paging cookie: Dataverse's shape (&lt;cookie page="1"&gt; with one element per sort column holding the first
/// and last row's values) with typed values, so the next page can start right after the previous page's last row —
/// rows removed or changed meanwhile do not shift the pages. Opaque to callers, as in Dataverse.
/// https://learn.microsoft.com/power-apps/developer/data-platform/org-service/page-large-result-sets-with-queryexpression
/// </summary>
internal static class PagingCookie
{
    /// <summary>
    /// The cookie's text, exactly as <see cref="XElement.ToString(SaveOptions)"/> writes it without formatting. Every paged
    /// query returns one, so it is written straight into a string (an XElement and its XmlWriter cost more than the
    /// query); text an attribute cannot hold as it is (control characters, lone surrogates) goes the XElement way.
    /// </summary>
    public static string Write(int page, IEnumerable<string> names, Scalar[] first, Scalar[] last)
    {
        var text = new System.Text.StringBuilder(96).Append("<cookie page=\"").Append(page.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('"');
        var i = 0;
        var any = false;
        foreach (var name in names)
        {
            if (!any) text.Append('>');
            any = true;
            var element = XmlConvert.EncodeLocalName(name);
            text.Append('<').Append(element);
            if (!last[i].IsNull && !Attribute(text, "last", last[i].ToTypedText())) return WriteWithXElement(page, names, first, last);
            if (!first[i].IsNull && !Attribute(text, "first", first[i].ToTypedText())) return WriteWithXElement(page, names, first, last);
            text.Append(" />");
            i++;
        }
        return (any ? text.Append("</cookie>") : text.Append(" />")).ToString();
    }

    /// <summary>Appends name="value" escaped as XmlWriter escapes attribute text; false when the value needs more than that.</summary>
    private static bool Attribute(System.Text.StringBuilder text, string name, string value)
    {
        text.Append(' ').Append(name).Append("=\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': text.Append("&amp;"); break;
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                case '"': text.Append("&quot;"); break;
                default:
                    if (c < ' ' || char.IsSurrogate(c) || c >= '\uFFFE') return false;
                    text.Append(c);
                    break;
            }
        }
        text.Append('"');
        return true;
    }

    internal static string WriteWithXElement(int page, IEnumerable<string> names, Scalar[] first, Scalar[] last)
    {
        var cookie = new XElement("cookie", new XAttribute("page", page));
        var i = 0;
        foreach (var name in names)
        {
            var element = new XElement(XmlConvert.EncodeLocalName(name));
            if (!last[i].IsNull) element.Add(new XAttribute("last", last[i].ToTypedText()));
            if (!first[i].IsNull) element.Add(new XAttribute("first", first[i].ToTypedText()));
            cookie.Add(element);
            i++;
        }
        return cookie.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The page a cookie was written for and its last row's sort key; false when it is not one of ours.</summary>
    public static bool TryRead(string? cookie, out int page, out Scalar[] lastKey)
    {
        page = 0;
        lastKey = Array.Empty<Scalar>();
        if (string.IsNullOrWhiteSpace(cookie)) return false;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(cookie!), settings);
            var root = XDocument.Load(reader).Root!;
            if (root.Name.LocalName != "cookie" || !int.TryParse((string?)root.Attribute("page"), out page)) return false;
            lastKey = root.Elements().Select(e => (string?)e.Attribute("last") is { } text ? Scalar.FromTypedText(text) : Scalar.Null).ToArray();
            return true;
        }
        catch (Exception ex) when (ex is XmlException or FormatException)
        {
            return false;
        }
    }
}
