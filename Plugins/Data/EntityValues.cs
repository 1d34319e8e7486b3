using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Data
{
    /// <summary>Reads typed values from a row, unwrapping the AliasedValue of link-entity and aggregate columns.</summary>
    public static class EntityValues
    {
        public static T? Get<T>(Entity row, string column)
        {
            if (!row.Attributes.TryGetValue(column, out var value) || value == null) return default;
            if (value is AliasedValue aliased) value = aliased.Value;
            return value is T typed ? typed : default;
        }

        public static object? Raw(Entity row, string column)
        {
            if (!row.Attributes.TryGetValue(column, out var value)) return null;
            return value is AliasedValue aliased ? aliased.Value : value;
        }

        public static bool IsTrue(Entity row, string column) => Get<bool?>(row, column) == true;
    }
}
