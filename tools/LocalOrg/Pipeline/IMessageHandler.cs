namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>The platform's core operation for one message (stage 30), between the pre and post steps.</summary>
internal interface IMessageHandler
{
    /// <summary>Writes data: a failure inside a caller's transaction then dooms that transaction.</summary>
    bool IsWrite { get; }

    /// <summary>Which row the step images are taken from: none, or the primary entity (before and/or after).</summary>
    ImageSource Images { get; }

    /// <summary>Reads the request: sets the primary entity name and id, resolving alternate keys.</summary>
    void Describe(Operation operation);

    void Execute(Operation operation);

    /// <summary>The privilege check, once pre-validation has run ("This stage occurs before any security checks are
    /// performed", Event execution pipeline): does the caller hold the privileges the message needs at all? The record-level
    /// access checks run in <see cref="Execute"/>, on the row as the earlier stages left it.</summary>
    void Authorize(Operation operation) { }

    /// <summary>What the pre-operation, core and post-operation stages run for, in order, once pre-validation has run:
    /// the operation itself, or (an Update mixing state or owner columns with others) one part per column group.</summary>
    IReadOnlyList<Operation> Parts(Operation operation) => new[] { operation };
}

[Flags]
internal enum ImageSource { None = 0, Pre = 1, Post = 2, Both = 3 }
