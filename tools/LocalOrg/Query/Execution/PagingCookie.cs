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
    public static string Write(int page, IEnumerable<string> names, Scalar[] first, Scalar[] last)
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
