using System.Globalization;
using LeadLifecycle.LocalOrg;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>How the terminal shows records and values to a person: keys or names for records, labels for choices.</summary>
public sealed class RecordDisplay(LocalOrganization organization, RecordKeys keys)
{
    public ColumnDefinition? Column(string table, string column) => organization.Metadata.Find(table)?.Column(column);

    public string ColumnLabel(string table, string column) =>
        Column(table, column)?.DisplayName is { Length: > 0 } label ? label : column;

    /// <summary>The record's primary name (else its short id), followed by the scenario's key when it has one.</summary>
    public string Name(string table, Guid id)
    {
        var nameColumn = organization.Metadata.Find(table)?.PrimaryNameAttribute;
        var name = nameColumn is not null && organization.Find(table, id)?.GetAttributeValue<object>(nameColumn) is string { Length: > 0 } text
            ? text
            : null;
        return (name, keys.KeyOf(table, id)) switch
        {
            ({ } n, { } key) when n != key => $"{n} ({key})",
            (_, { } key) => key,
            ({ } n, null) => n,
            _ => id.ToString()[..8],
        };
    }

    /// <param name="abbreviate">Cut long text to a timeline line (tables show it whole, wrapped).</param>
    public string Value(string table, string column, object? value, bool abbreviate = true) => value switch
    {
        null => "—",
        bool yes => yes ? "Yes" : "No",
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        Money money => money.Value.ToString("0.00", CultureInfo.InvariantCulture),
        OptionSetValue option => OptionLabel(table, column, option.Value),
        OptionSetValueCollection options => options.Count == 0 ? "—" : string.Join(", ", options.Select(o => OptionLabel(table, column, o.Value))),
        EntityReference reference => Name(reference.LogicalName, reference.Id),
        string text => OneLine(text, abbreviate),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Multi-line text (a score's explanation) on one line, cut to what a timeline line can hold.
    private static string OneLine(string text, bool abbreviate)
    {
        var line = string.Join(" / ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return abbreviate && line.Length > 80 ? line[..77] + "..." : line;
    }

    public string Field(Entity row, string column, bool abbreviate = true) =>
        Value(row.LogicalName, column, row.GetAttributeValue<object>(column), abbreviate);

    private string OptionLabel(string table, string column, int value) =>
        Column(table, column)?.Options?.FirstOrDefault(o => o.Value == value)?.Label ?? value.ToString(CultureInfo.InvariantCulture);
}
