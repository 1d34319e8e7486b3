using System.Globalization;
using System.Text.Json;
using LeadLifecycle.LocalOrg;
using LeadLifecycle.LocalOrg.Recording;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// Writes RESULT.json (the contract's `simulate --out` file) straight to a stream, record by record, with
/// <see cref="Utf8JsonWriter"/>: the file is never held in memory as one document, so writing it costs time and memory in
/// proportion to one record, whatever the organization's size. The bytes are those of the document the contract
/// describes, indented by two spaces: {"steps": [{"index", "ok", "error", "serviceCalls", "maxExecutionCalls",
/// "asyncFailures": [{"kind", "name", "record", "error", "at"}…]}…], "records": {table (in ordinal
/// order): [{"key", "id", "fields"}…]}}, each table's records in the organization's order, fields sorted by name in the
/// value encodings of <see cref="ValueCodec"/> (the common kinds written here directly, the rare ones through the codec).
/// </summary>
public sealed class ResultWriter(LocalOrganization organization, RecordKeys keys, ValueCodec codec)
{
    private const int FlushThreshold = 1 << 16;

    public void Write(IEnumerable<StepResult> steps, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("steps");
        foreach (var step in steps)
        {
            json.WriteStartObject();
            json.WriteNumber("index", step.Index);
            json.WriteBoolean("ok", step.Ok);
            if (step.Error is null) json.WriteNull("error"); else json.WriteString("error", step.Error);
            json.WriteNumber("serviceCalls", step.ServiceCalls);
            json.WriteNumber("maxExecutionCalls", step.MaxExecutionCalls);
            json.WriteStartArray("asyncFailures");
            foreach (var failure in step.AsyncFailures) WriteFailure(json, failure);
            json.WriteEndArray();
            json.WriteEndObject();
            FlushIfFull(json);
        }
        json.WriteEndArray();
        json.WriteStartObject("records");
        foreach (var table in organization.Metadata.Tables.Select(t => t.LogicalName).Order(StringComparer.Ordinal))
        {
            var started = false;
            foreach (var row in organization.Each(table))
            {
                if (!started) json.WriteStartArray(table);
                started = true;
                WriteRecord(json, table, row);
                FlushIfFull(json);
            }
            if (started) json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>A failed system job or flow run: {"kind", "name", "record" (a reference in the value encoding, or null),
    /// "error", "at"}.</summary>
    private void WriteFailure(Utf8JsonWriter json, FailedJob failure)
    {
        json.WriteStartObject();
        json.WriteString("kind", failure.Kind);
        json.WriteString("name", failure.Name);
        json.WritePropertyName("record");
        if (failure.Table is { } table && failure.RecordId is { } id) WriteValue(json, new EntityReference(table, id));
        else json.WriteNullValue();
        json.WriteString("error", failure.Error);
        json.WriteString("at", failure.FailedOn.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private void WriteRecord(Utf8JsonWriter json, string table, Entity row)
    {
        json.WriteStartObject();
        if (keys.KeyOf(table, row.Id) is { } key) json.WriteString("key", key); else json.WriteNull("key");
        json.WriteString("id", row.Id.ToString());
        json.WritePropertyName("fields");
        WriteFields(json, row);
        json.WriteEndObject();
    }

    /// <summary>All fields of a record, sorted by name; the primary key is left out (it is the record's "id").</summary>
    private void WriteFields(Utf8JsonWriter json, Entity entity)
    {
        json.WriteStartObject();
        foreach (var (name, value) in entity.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (value is Guid id && id == entity.Id && name == entity.LogicalName + "id") continue;
            json.WritePropertyName(name);
            WriteValue(json, value);
        }
        json.WriteEndObject();
    }

    private void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case bool boolean: json.WriteBooleanValue(boolean); break;
            case int number: json.WriteNumberValue(number); break;
            case long number: json.WriteNumberValue(number); break;
            case decimal number: json.WriteNumberValue(number); break;
            case double number: json.WriteNumberValue(number); break;
            case Guid id: json.WriteStringValue(id.ToString()); break;
            case DateTime date:
                json.WriteStartObject();
                json.WriteString("date", date.ToUniversalTime().ToString(ValueCodec.DateFormat, CultureInfo.InvariantCulture));
                json.WriteEndObject();
                break;
            case OptionSetValue option:
                json.WriteStartObject();
                json.WriteNumber("option", option.Value);
                json.WriteEndObject();
                break;
            case OptionSetValueCollection options:
                json.WriteStartObject();
                json.WriteStartArray("options");
                foreach (var option in options) json.WriteNumberValue(option.Value);
                json.WriteEndArray();
                json.WriteEndObject();
                break;
            case Money money:
                json.WriteStartObject();
                json.WriteNumber("money", money.Value);
                json.WriteEndObject();
                break;
            case EntityReference reference:
                json.WriteStartObject();
                json.WriteString("ref", reference.LogicalName);
                if (keys.KeyOf(reference.LogicalName, reference.Id) is { } key) json.WriteString("key", key);
                else json.WriteString("id", reference.Id.ToString());
                json.WriteEndObject();
                break;
            default: // entities, collections, aliased values: rare in stored rows, encoded by the codec itself
                if (codec.Encode(value) is { } node) node.WriteTo(json); else json.WriteNullValue();
                break;
        }
    }

    private static void FlushIfFull(Utf8JsonWriter json)
    {
        if (json.BytesPending > FlushThreshold) json.Flush();
    }
}
