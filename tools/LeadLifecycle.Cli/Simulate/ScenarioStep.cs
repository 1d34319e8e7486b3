namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// One step of a scenario as the strict reader understood it. Every step may carry a <see cref="Note"/> (shown in the
/// timeline) and <see cref="As"/>: the key of a user an earlier step created, to run the step as that user.
/// </summary>
public abstract record ScenarioStep(int Index, string? Note, string? As)
{
    /// <summary>The step kinds of the contract, in the order the format lists them.</summary>
    public static readonly string[] Kinds = ["create", "update", "execute", "setstate", "delete", "advance"];

    public abstract string Kind { get; }

    /// <summary>What the step does, in a line of the timeline.</summary>
    public abstract string Description { get; }

    protected string RunAs => As is null ? "" : $" as '{As}'";
}

/// <summary>How update, setstate and delete name their record: the key an earlier step gave, or its id.</summary>
public sealed record RecordTarget(string? Key, Guid? Id)
{
    public override string ToString() => Key is not null ? $"'{Key}'" : $"{Id}";
}

/// <summary>{"create": table, "key"?, "id"?, "fields"?, "roles"? (systemuser only)}</summary>
public sealed record CreateStep(int Index, string? Note, string? As, string Table, string? Key, Guid? Id,
    IReadOnlyList<ScenarioField> Fields, IReadOnlyList<string>? Roles) : ScenarioStep(Index, Note, As)
{
    public override string Kind => "create";
    public override string Description => $"create {Table}{(Key is null ? "" : $" '{Key}'")}" +
                                          $"{(Roles is { Count: > 0 } ? $" with roles {string.Join(", ", Roles)}" : "")}{RunAs}";
}

/// <summary>{"update": table, "key" | "id", "fields"}</summary>
public sealed record UpdateStep(int Index, string? Note, string? As, string Table, RecordTarget Target,
    IReadOnlyList<ScenarioField> Fields) : ScenarioStep(Index, Note, As)
{
    public override string Kind => "update";
    public override string Description => $"update {Table} {Target}{RunAs}";
}

/// <summary>{"setstate": table, "key" | "id", "state", "status"?} (no status: the state's default status).</summary>
public sealed record SetStateStep(int Index, string? Note, string? As, string Table, RecordTarget Target, int State, int? Status)
    : ScenarioStep(Index, Note, As)
{
    public override string Kind => "setstate";
    public override string Description => $"set state of {Table} {Target} to {State}/{Status?.ToString() ?? "default"}{RunAs}";
}

/// <summary>{"delete": table, "key" | "id"}</summary>
public sealed record DeleteStep(int Index, string? Note, string? As, string Table, RecordTarget Target) : ScenarioStep(Index, Note, As)
{
    public override string Kind => "delete";
    public override string Description => $"delete {Table} {Target}{RunAs}";
}

/// <summary>{"execute": request, "key"?, "parameters"?}: the key names the request's outputs (k.Output, k.table).</summary>
public sealed record ExecuteStep(int Index, string? Note, string? As, string Request, string? Key, IReadOnlyList<ScenarioField> Parameters)
    : ScenarioStep(Index, Note, As)
{
    public override string Kind => "execute";
    public override string Description => $"{Request}{(Key is null ? "" : $" ({Key})")}{RunAs}";
}

/// <summary>{"advance": ISO-8601 duration}: the clock moves and what falls due runs.</summary>
public sealed record AdvanceStep(int Index, string? Note, string? As, string Duration) : ScenarioStep(Index, Note, As)
{
    public override string Kind => "advance";
    public override string Description => $"advance the clock by {Duration}";
}

/// <summary>A step the reader refused: it fails with <see cref="Error"/> when its turn comes, and nothing is sent.</summary>
public sealed record InvalidStep(int Index, string? Note, string Error, string Json) : ScenarioStep(Index, Note, null)
{
    public override string Kind => "invalid";
    public override string Description => Json.Length <= 100 ? Json : Json[..97] + "…";
}
