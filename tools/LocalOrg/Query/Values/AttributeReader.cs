using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query.Values;

/// <summary>Reads one column of a stored row; the primary id comes from Entity.Id when the row carries it there.</summary>
internal static class AttributeReader
{
    public static object? Raw(Entity row, string attribute, string primaryIdAttribute)
    {
        if (attribute == primaryIdAttribute && row.Id != Guid.Empty) return row.Id;
        return row.Attributes.TryGetValue(attribute, out var value) ? value : null;
    }

    public static Scalar Read(Entity? row, string attribute, string primaryIdAttribute) =>
        row is null ? Scalar.Null : Scalar.From(Raw(row, attribute, primaryIdAttribute));
}
