using System.Globalization;
using LeadLifecycle.LocalOrg;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>How the terminal shows records and values to a person: display names for tables and columns, keys or
/// names for records, labels for choices, dates without noise.</summary>
public sealed class RecordDisplay(LocalOrganization organization, RecordKeys keys)
{
    public ColumnDefinition? Column(string table, string column) => organization.Metadata.Find(table)?.Column(column);

    /// <summary>The column's display name where the metadata has one, else its logical name.</summary>
    public string ColumnLabel(string table, string column) =>
        Column(table, column)?.DisplayName is { Length: > 0 } label ? label : column;

    /// <summary>The table's display name ("Interaction" for llc_interaction), else its logical name.</summary>
    public string TableLabel(string table) =>
        organization.Metadata.Find(table)?.DisplayName is { Length: > 0 } label ? label : table;

    /// <summary>The record's primary name (else its short id), followed by the scenario's key when it has one.</summary>
    /// <param name="row">The record when the caller has it already (else it is read).</param>
    public string Name(string table, Guid id, Entity? row = null)
    {
        var nameColumn = organization.Metadata.Find(table)?.PrimaryNameAttribute;
        var name = nameColumn is { Length: > 0 } && (row ?? organization.Find(table, id))?.GetAttributeValue<object>(nameColumn) is string { Length: > 0 } text
            ? FirstLine(text)
            : null;
        return (name, keys.KeyOf(table, id)) switch
        {
            ({ } n, { } key) when n != key => $"{n} ({key})",
            (_, { } key) => key,
            ({ } n, null) => n,
            _ => id.ToString()[..8],
        };
    }

    /// <param name="wholeText">Show multi-line text whole (tables); by default its first line, marked when more follows.</param>
    public string Value(string table, string column, object? value, bool wholeText = false) => value switch
    {
        null => "—",
        bool yes => yes ? "Yes" : "No",
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        Money money => money.Value.ToString("#,0.00", CultureInfo.InvariantCulture),
        OptionSetValue option => OptionLabel(table, column, option.Value),
        OptionSetValueCollection options => options.Count == 0 ? "—" : string.Join(", ", options.Select(o => OptionLabel(table, column, o.Value))),
        EntityReference reference => Name(reference.LogicalName, reference.Id),
        string text => wholeText ? string.Join(" / ", Lines(text)) : FirstLine(text),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public string Field(Entity row, string column, bool wholeText = false) =>
        Value(row.LogicalName, column, row.GetAttributeValue<object>(column), wholeText);

    // A score's explanation is one line per rule: its first line sums it up; the rest is in RESULT.json.
    private static string FirstLine(string text)
    {
        var lines = Lines(text);
        return lines.Length switch { 0 => "", 1 => lines[0], _ => $"{lines[0]} (+{lines.Length - 1} more lines)" };
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string OptionLabel(string table, string column, int value) =>
        Column(table, column)?.Options?.FirstOrDefault(o => o.Value == value)?.Label ?? value.ToString(CultureInfo.InvariantCulture);
}
