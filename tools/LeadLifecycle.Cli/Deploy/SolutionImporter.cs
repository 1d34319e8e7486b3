using System.Text.Json.Nodes;
using LeadLifecycle.Cli.WebApi;

namespace LeadLifecycle.Cli.Deploy;

/// <summary>
/// Imports a solution zip through the Web API: ImportSolutionAsync for a new install, StageAndUpgradeAsync when a
/// managed solution of that name is already installed; then polls the asyncoperation until it completes and reads
/// the import job (learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/importsolutionasync,
/// .../stageandupgradeasync).
/// </summary>
public sealed class SolutionImporter(DataverseWebApi api, Func<TimeSpan, CancellationToken, Task> delay)
{
    public sealed record InstalledSolution(Guid Id, Version? Version, bool IsManaged);
    public sealed record Progress(AsyncOperationStatus Status, double? Percent);
    public sealed record Result(string Action, Guid AsyncOperationId, Guid ImportJobId, AsyncOperationStatus Status, ImportJobSummary Summary)
    {
        public bool Succeeded => Status.IsSucceeded && !Summary.HasFailures;
    }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(1);

    public async Task<InstalledSolution?> FindInstalledAsync(string uniqueName, CancellationToken cancellationToken)
    {
        var page = await api.GetAsync(
            $"solutions?$select=solutionid,version,ismanaged&$filter=uniquename eq '{uniqueName.Replace("'", "''")}'", cancellationToken);
        var row = page["value"]?.AsArray().FirstOrDefault();
        if (row is null) return null;
        return new InstalledSolution(Guid.Parse(row["solutionid"]!.GetValue<string>()),
            Version.TryParse(row["version"]?.GetValue<string>(), out var version) ? version : null,
            row["ismanaged"]?.GetValue<bool>() == true);
    }

    /// <summary>An upgrade (StageAndUpgradeAsync) replaces an installed managed solution by a higher version; anything
    /// else (new install, same version again, unmanaged) is an import.</summary>
    public static bool IsUpgrade(SolutionPackage package, InstalledSolution? installed) =>
        installed is { IsManaged: true } && package.IsManaged && (installed.Version is null || package.Version > installed.Version);

    /// <summary>Dataverse refuses to replace a managed solution by a lower version: say so before sending the file.</summary>
    public static string? Refusal(SolutionPackage package, InstalledSolution? installed) =>
        installed is { IsManaged: true, Version: { } version } && package.IsManaged && package.Version < version
            ? $"{package.UniqueName} {version} is installed; {package.Version} is older and cannot replace it (a managed solution is never downgraded)."
            : null;

    public async Task<Result> ImportAsync(SolutionPackage package, InstalledSolution? installed, bool overwriteUnmanagedCustomizations,
        Action<Progress> onProgress, CancellationToken cancellationToken)
    {
        var action = IsUpgrade(package, installed) ? "StageAndUpgradeAsync" : "ImportSolutionAsync";
        var importJobId = Guid.NewGuid();
        var response = await api.PostAsync(action, new JsonObject
        {
            ["OverwriteUnmanagedCustomizations"] = overwriteUnmanagedCustomizations,
            ["PublishWorkflows"] = true,
            ["CustomizationFile"] = Convert.ToBase64String(package.Content),
            ["ImportJobId"] = importJobId,
        }, cancellationToken);
        var asyncOperationId = Guid.Parse(response["AsyncOperationId"]!.GetValue<string>());

        var status = await WaitForCompletionAsync(asyncOperationId, importJobId, onProgress, cancellationToken);
        var job = await api.GetAsync($"importjobs({importJobId})?$select=progress,data", cancellationToken);
        return new Result(action, asyncOperationId, importJobId, status, ImportJobSummary.Parse(job["data"]?.GetValue<string>()));
    }

    private async Task<AsyncOperationStatus> WaitForCompletionAsync(Guid asyncOperationId, Guid importJobId,
        Action<Progress> onProgress, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (true)
        {
            var row = await api.GetAsync($"asyncoperations({asyncOperationId})?$select=statecode,statuscode,message,friendlymessage", cancellationToken);
            var status = new AsyncOperationStatus(row["statecode"]!.GetValue<int>(), row["statuscode"]!.GetValue<int>(),
                row["friendlymessage"]?.GetValue<string>() is { Length: > 0 } friendly ? friendly : row["message"]?.GetValue<string>());
            onProgress(new Progress(status, status.IsCompleted ? 100 : await ImportProgressAsync(importJobId, cancellationToken)));
            if (status.IsCompleted) return status;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"The import did not complete within {Timeout.TotalMinutes:0} minutes; " +
                                           $"it goes on in the organization (system job {asyncOperationId}).");
            await delay(PollInterval, cancellationToken);
        }
    }

    private async Task<double?> ImportProgressAsync(Guid importJobId, CancellationToken cancellationToken)
    {
        try
        {
            var job = await api.GetAsync($"importjobs({importJobId})?$select=progress", cancellationToken);
            return job["progress"]?.GetValue<double>();
        }
        catch (DataverseApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null; // the job row appears once the system job has started
        }
    }
}
