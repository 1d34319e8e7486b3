using LeadLifecycle.LocalOrg.Query.Execution;
using LeadLifecycle.LocalOrg.Query.Values;
using LeadLifecycle.LocalOrg.Recording;

namespace LeadLifecycle.LocalOrg.Tests.Query;

/// <summary>
/// Text the local organization writes or reads on every call, by a fast path that must give exactly what the general
/// one gives: the paging cookie (written straight into a string, byte for byte what XElement writes) and the outline of
/// a FetchXML query the call record keeps (read in one streaming pass, the same as a parsed XDocument says).
/// </summary>
public sealed class QueryTextTests
{
    public static TheoryData<string[], string?[], string?[]> Cookies => new()
    {
        { ["leadid"], ["Id:00000000-0000-0000-0000-000000000001"], ["Id:00000000-0000-0000-0000-000000000002"] },
        { ["subject", "createdon"], ["Text:a & b <c> \"d\" 'e'", "Time:2026-03-02T09:00:00.0000000Z"], [null, "Time:2026-03-02T09:00:00.0000000Z"] },
        { ["name"], ["Text:naïve café — ☃ 𝄞"], ["Text:]]> ?> --"] },
        { ["odd name", "x:y"], ["Text:line\nbreak\ttab", "Text:a\rb"], [null, "Text:\ttab"] },  // control characters: the XElement way
        { ["a"], [null], [null] },
        { [], [], [] },
    };

    [Theory]
    [MemberData(nameof(Cookies))]
    public void The_paging_cookie_is_written_as_XElement_writes_it(string[] names, string?[] first, string?[] last)
    {
        Scalar[] Key(string?[] texts) => texts.Select(t => t is null ? Scalar.Null : Scalar.FromTypedText(t)).ToArray();

        var written = PagingCookie.Write(3, names, Key(first), Key(last));

        Assert.Equal(PagingCookie.WriteWithXElement(3, names, Key(first), Key(last)), written);
        if (names.Length > 0 && last[^1] is { } lastText)
        {
            Assert.True(PagingCookie.TryRead(written, out var page, out var key));
            Assert.Equal(3, page);
            Assert.Equal(Scalar.FromTypedText(lastText).ToTypedText(), key[^1].ToTypedText());
        }
    }

    [Theory]
    [InlineData("""<fetch><entity name="lead"><attribute name="subject" /><attribute name="leadid" /><link-entity name="contact" from="contactid" to="parentcontactid"><attribute name="fullname" /></link-entity></entity></fetch>""", "lead", "subject,leadid")]
    [InlineData("""<fetch aggregate="true"><entity name="llc_interaction"><attribute name="llc_interactionid" alias="n" aggregate="count" /><filter><condition attribute="llc_type" operator="eq" value="1" /></filter></entity></fetch>""", "llc_interaction", "llc_interactionid")]
    [InlineData("""<fetch><entity name="contact"><all-attributes /><attribute name="fullname" /></entity></fetch>""", "contact", null)]
    [InlineData("""<fetch><entity name="contact" /></fetch>""", "contact", null)]
    [InlineData("""<fetch><entity name="contact"><attribute name="fullname" /></entity><entity name="lead"><attribute name="subject" /></entity></fetch>""", "contact", "fullname")]
    [InlineData("""<fetch><link-entity name="x" /><entity><attribute name="a" /></entity></fetch>""", null, "a")]
    [InlineData("""<fetch><entity name="contact"><attribute name="fullname" /></entity>""", null, null)] // malformed: nothing
    [InlineData("""<fetch><entity name="contact"><attribute name="fullname" /></entity></fetch><fetch />""", null, null)]
    [InlineData("""<fetch xmlns="urn:x"><entity name="contact"><attribute name="fullname" /></entity></fetch>""", null, null)]
    [InlineData("", null, null)]
    public void The_outline_of_a_FetchXML_query_is_what_a_parsed_document_says(string fetchXml, string? entity, string? columns)
    {
        Assert.Equal(entity, RecordingHub.FetchEntity(fetchXml));
        Assert.Equal(columns, RecordingHub.FetchColumns(fetchXml) is { } names ? string.Join(",", names) : null);
        Assert.Equal(Parsed(fetchXml), (RecordingHub.FetchEntity(fetchXml), RecordingHub.FetchColumns(fetchXml) is { } again ? string.Join(",", again) : null));
    }

    /// <summary>The reference: the whole document parsed, the first entity under the root and its attribute elements.</summary>
    private static (string?, string?) Parsed(string fetchXml)
    {
        if (string.IsNullOrEmpty(fetchXml)) return (null, null);
        try
        {
            var entity = System.Xml.Linq.XDocument.Parse(fetchXml).Root?.Element("entity");
            if (entity is null) return (null, null);
            var name = entity.Attribute("name")?.Value;
            if (entity.Element("all-attributes") != null) return (name, null);
            var names = entity.Elements("attribute").Select(a => a.Attribute("name")?.Value).OfType<string>().ToList();
            return (name, names.Count == 0 ? null : string.Join(",", names));
        }
        catch (System.Xml.XmlException) { return (null, null); }
    }
}
