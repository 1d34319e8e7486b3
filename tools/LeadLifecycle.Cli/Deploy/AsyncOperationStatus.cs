namespace LeadLifecycle.Cli.Deploy;

/// <summary>The state of an asyncoperation (system job) as the import runs.</summary>
public sealed record AsyncOperationStatus(int StateCode, int StatusCode, string? Message)
{
    // asyncoperation statecode: 0 Ready, 1 Suspended, 2 Locked, 3 Completed.
    public const int Completed = 3;
    // statuscode under Completed: 30 Succeeded, 31 Failed, 32 Canceled.
    public const int Succeeded = 30;

    public bool IsCompleted => StateCode == Completed;
    public bool IsSucceeded => IsCompleted && StatusCode == Succeeded;

    /// <summary>The status reason's label, as the system jobs view shows it.</summary>
    public string Label => StatusCode switch
    {
        0 => "Waiting For Resources",
        10 => "Waiting",
        20 => "In Progress",
        21 => "Pausing",
        22 => "Canceling",
        30 => "Succeeded",
        31 => "Failed",
        32 => "Canceled",
        _ => $"status {StatusCode}",
    };
}
