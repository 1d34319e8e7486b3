namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// A value as the scenario wrote it, in one of the contract's encodings, checked for shape by the reader but not yet
/// decoded for a column or parameter (that needs the organization's metadata and the keys earlier steps gave: see
/// <see cref="ValueCodec"/>). <see cref="Json"/> is the value's text as written, for messages.
/// </summary>
public abstract record ScenarioValue(string Json)
{
    /// <summary>JSON null: clears a column.</summary>
    public sealed record Null(string Json) : ScenarioValue(Json);

    public sealed record Text(string Value, string Json) : ScenarioValue(Json);

    /// <summary>A JSON number, kept as written: whether it fits is decided by what it is for (a whole number, a choice, ...).</summary>
    public sealed record Number(string Raw, string Json) : ScenarioValue(Json);

    public sealed record Boolean(bool Value, string Json) : ScenarioValue(Json);

    /// <summary>{"option": n}</summary>
    public sealed record Option(int Value, string Json) : ScenarioValue(Json);

    /// <summary>{"options": [n, …]}</summary>
    public sealed record Options(IReadOnlyList<int> Values, string Json) : ScenarioValue(Json);

    /// <summary>{"ref": "table", "key": "k"} or {"ref": "table", "id": "guid"}: exactly one of key and id.</summary>
    public sealed record Reference(string Table, string? Key, Guid? Id, string Json) : ScenarioValue(Json);

    /// <summary>{"money": 1.5}</summary>
    public sealed record Money(decimal Amount, string Json) : ScenarioValue(Json);

    /// <summary>{"date": "ISO-8601"}, in UTC.</summary>
    public sealed record Date(DateTime Utc, string Json) : ScenarioValue(Json);

    /// <summary>{"entity": "table", "fields": {…}} (optionally "id"), for an Entity parameter.</summary>
    public sealed record EntityValue(string Table, Guid? Id, IReadOnlyList<ScenarioField> Fields, string Json) : ScenarioValue(Json);

    /// <summary>What the value is, in a user's words ("the text \"yes\"", "the number 2.5", "a choice value {…}").</summary>
    public string Describe() => this switch
    {
        Null => "null",
        Text => $"the text {Json}",
        Number => $"the number {Json}",
        Boolean => $"the boolean {Json}",
        Option => $"the choice value {Json}",
        Options => $"the choice values {Json}",
        Reference => $"the reference {Json}",
        Money => $"the amount {Json}",
        Date => $"the date {Json}",
        EntityValue => $"the record {Shorten(Json)}",
        _ => Json,
    };

    private static string Shorten(string json) => json.Length <= 60 ? json : json[..57] + "…";
}

/// <summary>One named value of a step: a column of "fields", a request parameter.</summary>
public sealed record ScenarioField(string Name, ScenarioValue Value);
