namespace LeadLifecycle.LocalOrg.Recording;

/// <summary>Background work that failed: a system job (an asynchronous plug-in step or a background workflow, as
/// asyncoperation rows with statuscode Failed) or a cloud flow run. Nobody sees its error but an admin looking at system
/// jobs or run history, so recordings collect it.</summary>
/// <param name="Kind">"plug-in step", "workflow" or "cloud flow".</param>
/// <param name="Name">The step's, workflow's or flow's name.</param>
/// <param name="Table">The record it ran for (the asyncoperation's regardingobjectid), if any.</param>
/// <param name="RecordId">The record's id, if any.</param>
/// <param name="Error">The message it failed with.</param>
/// <param name="FailedOn">When it failed, on the simulated clock.</param>
public sealed record FailedJob(string Kind, string Name, string? Table, Guid? RecordId, string Error, DateTime FailedOn);
