using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>Element sequences of CustomizationsSolution.xsd that the packer writes into: an import rejects a file
/// whose children are out of this order.</summary>
internal static class XsdOrder
{
    public static readonly string[] SdkMessageProcessingStep =
    [
        "PluginTypeName", "PluginTypeId", "PrimaryEntity", "SecondaryEntity", "AsyncAutoDelete", "Configuration", "Description",
        "FilteringAttributes", "ImpersonatingUserIdName", "InvocationSource", "Mode", "Rank", "SdkMessageId", "EventHandler",
        "EventHandlerTypeCode", "Stage", "IsCustomizable", "IsHidden", "SupportedDeployment", "IntroducedVersion", "SdkMessageProcessingStepImages",
    ];

    public static readonly string[] SdkMessageProcessingStepImage =
    [
        "Description", "SdkMessageProcessingStepImageId", "Attributes", "EntityAlias", "ImageType", "MessagePropertyName", "RelatedAttributeName",
        "IsCustomizable", "IntroducedVersion",
    ];

    public static readonly string[] PluginAssembly =
    [
        "Description", "IsolationMode", "SourceType", "Path", "Url", "UserName", "IntroducedVersion", "IsCustomizable", "AuthType",
        "FileName", "PluginTypes", "IsHidden",
    ];

    /// <summary>Sets (or adds, at its place in the sequence) the child element <paramref name="name"/>.</summary>
    public static void Set(XElement parent, string[] sequence, string name, object? content)
    {
        var existing = parent.Element(name);
        if (existing is not null) { existing.ReplaceNodes(content); return; }
        var element = new XElement(name, content);
        var index = Array.IndexOf(sequence, name);
        var next = parent.Elements().FirstOrDefault(e => Array.IndexOf(sequence, e.Name.LocalName) > index);
        if (next is null) parent.Add(element); else next.AddBeforeSelf(element);
    }

    /// <summary>The first child that comes after one that the sequence puts later, or that the sequence does not know.</summary>
    public static string? FirstOutOfOrder(XElement parent, string[] sequence)
    {
        var last = -1;
        foreach (var child in parent.Elements())
        {
            var index = Array.IndexOf(sequence, child.Name.LocalName);
            if (index < last) return $"<{child.Name.LocalName}> comes after <{sequence[last]}>";
            if (index < 0) return $"<{child.Name.LocalName}> is not an element of the schema's sequence";
            last = index;
        }
        return null;
    }
}
