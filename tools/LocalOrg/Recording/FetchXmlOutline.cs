using System.Xml;

namespace LeadLifecycle.LocalOrg.Recording;

/// <summary>
/// What the call record and the RetrieveMultiple handler need of a FetchXML query: its primary table (the first
/// &lt;entity&gt; under the root) and the columns it names there (null for &lt;all-attributes/&gt; or none). Read in one
/// streaming pass over the whole text — a malformed query anywhere gives nothing, as a full parse would — and kept for
/// the last query seen on the thread, since the pipeline asks about the same FetchXML more than once per call.
/// </summary>
internal sealed class FetchXmlOutline
{
    private static readonly FetchXmlOutline Empty = new(null, null);
    [ThreadStatic] private static (string Text, FetchXmlOutline Outline)? _last;

    private FetchXmlOutline(string? entity, IReadOnlyList<string>? columns) { Entity = entity; Columns = columns; }

    public string? Entity { get; }
    public IReadOnlyList<string>? Columns { get; }

    public static FetchXmlOutline Of(string? fetchXml)
    {
        if (string.IsNullOrEmpty(fetchXml)) return Empty;
        if (_last is { } last && ReferenceEquals(last.Text, fetchXml)) return last.Outline;
        var outline = Read(fetchXml!);
        _last = (fetchXml!, outline);
        return outline;
    }

    private static FetchXmlOutline Read(string fetchXml)
    {
        try
        {
            // The settings XDocument.Parse uses, so the same texts are accepted and refused.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, MaxCharactersFromEntities = 10_000_000 };
            using var reader = XmlReader.Create(new StringReader(fetchXml), settings);
            string? entity = null;
            List<string>? columns = null;
            var allAttributes = false;
            var inEntity = false;
            var entityFound = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 1) inEntity = false;
                if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI.Length != 0) continue;
                if (reader.Depth == 1 && !entityFound && reader.LocalName == "entity")
                {
                    entityFound = true;
                    entity = reader.GetAttribute("name");
                    inEntity = !reader.IsEmptyElement;
                }
                else if (reader.Depth == 2 && inEntity)
                {
                    if (reader.LocalName == "all-attributes") allAttributes = true;
                    else if (reader.LocalName == "attribute" && reader.GetAttribute("name") is { } name) (columns ??= new List<string>()).Add(name);
                }
            }
            return new FetchXmlOutline(entity, !entityFound || allAttributes ? null : columns);
        }
        catch (XmlException) { return Empty; }
    }
}
