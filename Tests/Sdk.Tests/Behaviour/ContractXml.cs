using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>
/// DataContractSerializer / DataContractJsonSerializer round trips, and the XML names the official SDK types are written
/// with. The namespaces are those of official-sdk-contracts.txt and of the organization service's schema types (the
/// WSDL names KeyValuePairOfstringanyType in the System.Collections.Generic namespace and ArrayOfstring in the Arrays one;
/// see e.g. EhsanMo/Microsoft-CRM-SOAP-Connector src/main/java/org/sohagroup/crmconnector/domain/crm/model/ObjectFactory.java,
/// generated from that WSDL).
/// </summary>
internal static class ContractXml
{
    public static readonly XNamespace Contracts = "http://schemas.microsoft.com/xrm/2011/Contracts";
    public static readonly XNamespace Contracts90 = "http://schemas.microsoft.com/xrm/9.0/Contracts";
    public static readonly XNamespace Generic = "http://schemas.datacontract.org/2004/07/System.Collections.Generic";
    public static readonly XNamespace Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    public static readonly XNamespace Schema = "http://www.w3.org/2001/XMLSchema";
    public static readonly XNamespace Instance = "http://www.w3.org/2001/XMLSchema-instance";

    public static string Serialize<T>(T value)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            new DataContractSerializer(typeof(T)).WriteObject(writer, value);
        }

        return text.ToString();
    }

    public static T Deserialize<T>(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        return (T)new DataContractSerializer(typeof(T)).ReadObject(reader)!;
    }

    public static string SerializeJson<T>(T value)
    {
        using var stream = new MemoryStream();
        new DataContractJsonSerializer(typeof(T)).WriteObject(stream, value);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static T DeserializeJson<T>(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return (T)new DataContractJsonSerializer(typeof(T)).ReadObject(stream)!;
    }

    /// <summary>The local names of an element's children, in document order.</summary>
    public static IEnumerable<string> ChildNames(XElement element) => element.Elements().Select(child => child.Name.LocalName);

    /// <summary>The items of a serialized parameter, attribute or image collection, by key.</summary>
    public static IReadOnlyDictionary<string, XElement> ValuesByKey(XElement collection) =>
        collection.Elements().ToDictionary(item => item.Element(Generic + "key")!.Value, item => item.Element(Generic + "value")!);

    /// <summary>The qualified type an element declares with xsi:type ("prefix:Name" resolved), or null.</summary>
    public static XName? DeclaredType(XElement element)
    {
        string? type = element.Attribute(Instance + "type")?.Value;
        if (type == null)
        {
            return null;
        }

        int colon = type.IndexOf(':');
        XNamespace ns = colon < 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(type.Substring(0, colon))!;
        return ns + type.Substring(colon + 1);
    }
}
