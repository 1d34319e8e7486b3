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

        /// <summary>Two column values that save the same: choices by number, lookups by id, money by amount, dates to the second.</summary>
        public static bool SameValue(object? a, object? b)
        {
            a = Plain(a);
            b = Plain(b);
            if (a == null || b == null) return a == null && b == null;
            if (a is System.DateTime x && b is System.DateTime y)
                return System.Math.Abs((x.ToUniversalTime() - y.ToUniversalTime()).TotalSeconds) < 1;
            return a.Equals(b);
        }

        private static object? Plain(object? value)
        {
            switch (value)
            {
                case AliasedValue aliased: return Plain(aliased.Value);
                case OptionSetValue option: return option.Value;
                case EntityReference reference: return reference.Id;
                case Money money: return money.Value;
                case string text when text.Length == 0: return null;
                default: return value;
            }
        }
    }
}
