using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>The normalised value of an alternate key on a row: null when any key column is empty (Dataverse does not
/// enforce uniqueness on rows with an empty key column). Strings compare case-insensitively, as SQL collation does.</summary>
internal static class KeyValues
{
    public static string? Of(Entity row, IReadOnlyList<string> columns) => Of(columns.Select(c => row.Attributes.TryGetValue(c, out var v) ? v : null));

    public static string? Of(IEnumerable<object?> values)
    {
        var parts = new List<string>();
        foreach (var value in values)
        {
            var text = Normalise(value);
            if (text is null) return null;
            parts.Add(text);
        }
        return string.Join("\u001f", parts);
    }

    public static string? Normalise(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s.TrimEnd().ToUpperInvariant(),
        EntityReference r => r.Id.ToString(),
        OptionSetValue o => o.Value.ToString(CultureInfo.InvariantCulture),
        Money m => m.Value.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
